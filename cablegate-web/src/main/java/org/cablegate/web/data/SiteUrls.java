package org.cablegate.web.data;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

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
        return base + cablePath(id, created);
    }

    /** A value as one path segment: anything but letters, digits and {@code . _ -} percent-encoded as UTF-8. */
    static String segment(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    static String cablePath(String id, LocalDateTime created) {
        int month = created.getMonthValue();
        return "/cable/" + created.getYear() + (month < 10 ? "/0" : "/") + month + "/" + id + ".html";
    }
}
