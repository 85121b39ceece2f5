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
 * @param page  the page
 * @param plain the plain representation
 * @param gzip  the gzipped representation
 */
public record CachedPage(Page page, Variant plain, Variant gzip) {
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

    /**
     * One representation: its entity tag, the headers of a full response and of a 304, and the body (a read-only
     * direct buffer: sockets write it without another copy; duplicate it per response).
     */
    public record Variant(String etag, List<HttpField> headers, List<HttpField> notModifiedHeaders, ByteBuffer body) {}

    public static CachedPage of(Page page, String lastModified) {
        String tag = hash(page.body());
        byte[] gzipped = gzip(page.body());
        return new CachedPage(page, variant(page, "\"" + tag + "\"", page.body(), false, lastModified),
                variant(page, "\"" + tag + "-gz\"", gzipped, true, lastModified));
    }

    private static Variant variant(Page page, String etag, byte[] body, boolean gzip, String lastModified) {
        List<HttpField> h = new ArrayList<>();
        h.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, page.status() == 200 || page.status() == 301 ? CACHE_PAGE
                : page.status() >= 500 ? "no-store" : CACHE_SHORT));
        h.add(new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
        h.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
        h.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified));
        page.location().ifPresent(l -> h.add(new HttpField(HttpHeader.LOCATION, l)));
        h.add(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"));
        h.add(new PreEncodedHttpField("Content-Security-Policy", CSP));
        h.add(new PreEncodedHttpField("X-Frame-Options", "DENY"));
        h.add(new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"));
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
     * Whether the client's copy is current: If-None-Match names either representation (or is {@code *}), or, without
     * it, If-Modified-Since is the Last-Modified sent. Only a 200 can be "not modified".
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince, String lastModified) {
        if (page.status() != 200) {
            return false;
        }
        if (ifNoneMatch == null) {
            return lastModified.equals(ifModifiedSince);
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(plain.etag()) || t.equals(gzip.etag())) {
                return true;
            }
        }
        return false;
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
