package org.cablegate.web.http;

import java.util.ArrayList;
import java.util.List;

/**
 * What to send for a cached page to one request: the status, the headers and the bytes. The one place that decides
 * caching, compression and security headers, used alike by the fast path in front of Javalin and by Javalin's routes.
 *
 * @param status  HTTP status
 * @param headers name, value, name, value…
 * @param body    the bytes to send (empty for a 304 or a HEAD)
 */
record Reply(int status, List<String> headers, byte[] body) {
    /**
     * The Content-Security-Policy: no script at all, styles and images from this site only. Charts are inline SVG
     * styled by the one CSS file, so nothing inline needs an exception.
     */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    /**
     * A page changes only with a release. Browsers check back after five minutes (a 304 costs nothing); a CDN may hold
     * a page for long, as the publisher purges it at each release.
     */
    static final String CACHE_PAGE = "public, max-age=300, s-maxage=31536000";
    /** Not found now may be found after the next release: short for everyone. */
    static final String CACHE_SHORT = "public, max-age=60";

    private static final byte[] NOTHING = new byte[0];

    static Reply of(CachedPage cached, String ifNoneMatch, String ifModifiedSince,
            String acceptEncoding, String lastModified) {
        Page page = cached.page();
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        List<String> h = new ArrayList<>(24);
        h.add("Content-Type");
        h.add(page.contentType());
        h.add("Cache-Control");
        h.add(page.status() == 200 || page.status() == 301 ? CACHE_PAGE : CACHE_SHORT);
        h.add("Vary");
        h.add("Accept-Encoding");
        h.add("ETag");
        h.add(gzip ? cached.gzipEtag() : cached.etag());
        h.add("Last-Modified");
        h.add(lastModified);
        page.location().ifPresent(location -> {
            h.add("Location");
            h.add(location);
        });
        h.add("X-Content-Type-Options");
        h.add("nosniff");
        h.add("Content-Security-Policy");
        h.add(CSP);
        h.add("X-Frame-Options");
        h.add("DENY");
        h.add("Referrer-Policy");
        h.add("strict-origin-when-cross-origin");
        boolean notModified = page.status() == 200 && (ifNoneMatch != null ? cached.matches(ifNoneMatch)
                : lastModified.equals(ifModifiedSince));
        if (notModified) {
            return new Reply(304, h, NOTHING);
        }
        byte[] body = gzip ? cached.gzip() : page.body();
        if (gzip) {
            h.add("Content-Encoding");
            h.add("gzip");
        }
        // A HEAD gets the GET's length; Jetty sends no body for a HEAD.
        return new Reply(page.status(), h, body);
    }
}
