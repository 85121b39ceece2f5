package org.cablegate.web.data;

import java.net.URI;
import java.time.LocalDateTime;
import org.cablegate.web.url.Urls;

/** Absolute URLs of the public site, as feeds and sitemaps need them: the base the site is served under plus a path. */
final class SiteUrls {
    private final String base;

    SiteUrls(URI baseUrl) {
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    String of(String path) {
        return base + path;
    }

    /** The original site's cable URL: year and month of creation, {@code /cable/2008/06/08MOSCOW1647.html}. */
    String cable(String id, LocalDateTime created) {
        return base + Urls.cable(id, created);
    }
}
