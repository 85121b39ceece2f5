package org.cablegate.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A page ready to send as it is, in both representations (plain and gzipped), each with its headers encoded once.
 * Compressing and encoding once per page and release, not once per request, is what lets a cache hit cost little
 * more than copying bytes to the socket.
 *
 * <p>The data routes' answers (a cable's JSON, a listing's, a feed) are kept the same way once made, with the headers
 * those routes send: answered from the cache, {@code /api/cable/ID.json} costs what a page costs (issue 13: rebuilt on
 * every request, the API was two fifths of the server's time under a flood of readers).
 *
 * @param page  the page, stamped with its release
 * @param plain the plain representation
 * @param gzip  the gzipped representation
 */
public record CachedPage(Page page, Variant plain, Variant gzip) {
    /**
     * The Content-Security-Policy: no script at all, styles and images from this site only. Charts are inline SVG
     * styled by the one CSS file, so nothing inline needs an exception. Frames of this site only, both ways: every page
     * frames the release box ({@code /release-box.html}), and no other site may frame a page.
     */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-src 'self'; frame-ancestors 'self'";
    /**
     * A page changes only with a release. Browsers check back after five minutes (a 304 costs nothing); a CDN may hold
     * a page for long, as the publisher purges it at each release.
     */
    static final String CACHE_PAGE = "public, max-age=300, s-maxage=31536000";
    /** Not found now may be found after the next release: short for everyone. */
    static final String CACHE_SHORT = "public, max-age=60";

    /**
     * One representation: its entity tag, the headers of a full response and of a 304, and the body (a read-only
     * direct buffer: sockets write it without another copy; duplicate it per response).
     */
    public record Variant(String etag, List<HttpField> headers, List<HttpField> notModifiedHeaders, ByteBuffer body) {}

    /** A page of the site, with the security headers of a page; its ETag names its bytes. */
    public static CachedPage of(Page page) {
        ReleaseStamp stamp = stampOf(page);
        String tag = hash(page.body());
        String cacheControl = page.status() == 200 || page.status() == 301 ? CACHE_PAGE
                : page.status() >= 500 ? "no-store" : CACHE_SHORT;
        List<HttpField> common = common(cacheControl, stamp);
        page.location().ifPresent(l -> common.add(new HttpField(HttpHeader.LOCATION, l)));
        common.add(new PreEncodedHttpField("Content-Security-Policy", CSP));
        common.add(new PreEncodedHttpField("X-Frame-Options", "SAMEORIGIN"));
        common.add(new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"));
        return new CachedPage(page, variant(page, "\"" + tag + "\"", page.body(), false, common),
                variant(page, "\"" + tag + "-gz\"", gzip(page.body()), true, common));
    }

    /**
     * A data route's answer (a 200 of {@code DataRoutes}), with the headers that route sends: its weak ETag, the same
     * for both representations, and its Cache-Control.
     */
    public static CachedPage ofData(Page answer, String weakEtag, String cacheControl) {
        List<HttpField> common = common(cacheControl, stampOf(answer));
        return new CachedPage(answer, variant(answer, weakEtag, answer.body(), false, common),
                variant(answer, weakEtag, gzip(answer.body()), true, common));
    }

    private static ReleaseStamp stampOf(Page page) {
        return page.stamp().orElseThrow(
                () -> new IllegalArgumentException("a page is sent only once it says which release it is of"));
    }

    /** The headers of both representations and of a 304. */
    private static List<HttpField> common(String cacheControl, ReleaseStamp stamp) {
        List<HttpField> h = new ArrayList<>();
        h.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl));
        h.add(new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
        h.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, stamp.lastModified()));
        h.add(new PreEncodedHttpField(ReleaseStamp.HEADER, Long.toString(stamp.release())));
        h.add(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"));
        return h;
    }

    private static Variant variant(Page page, String etag, byte[] body, boolean gzip, List<HttpField> common) {
        List<HttpField> h = new ArrayList<>(common);
        h.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
        List<HttpField> notModified = List.copyOf(h);
        h.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, page.contentType()));
        if (gzip) {
            h.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
        }
        h.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)));
        ByteBuffer direct = ByteBuffer.allocateDirect(body.length).put(body).flip();
        return new Variant(etag, List.copyOf(h), notModified, direct.asReadOnlyBuffer());
    }

    /** Bytes this entry holds, for the cache's budget. */
    public long weight() {
        return page.body().length + plain.body().capacity() + gzip.body().capacity() + 1000L;
    }

    /** The representation for a request's Accept-Encoding. */
    public Variant variant(String acceptEncoding) {
        return acceptsGzip(acceptEncoding) ? gzip : plain;
    }

    /** Whether Accept-Encoding lists gzip (or *) without refusing it by {@code q=0}. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().replace(" ", "");
                    if (p.startsWith("q=") && p.substring(2).matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the client's copy is current: If-None-Match names either representation (weakly compared, or is
     * {@code *}), or, without it, If-Modified-Since is not before the release's Last-Modified. Only a 200 can be "not
     * modified".
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        if (page.status() != 200) {
            return false;
        }
        if (ifNoneMatch == null) {
            return ifModifiedSince != null && HttpDates.notBefore(ifModifiedSince, stampOf(page).lastModified());
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = opaque(tag.trim());
            if (t.equals("*") || t.equals(opaque(plain.etag())) || t.equals(opaque(gzip.etag()))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    private static String hash(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
