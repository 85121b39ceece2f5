package org.cablegate.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A page ready to send as it is: the plain bytes, the same bytes gzipped once, and the entity tag of each. Compressing
 * once per page and release, not once per request, is what lets a cache hit cost no more than copying bytes.
 *
 * @param page  the page
 * @param gzip  the body gzipped
 * @param etag  the quoted entity tag of the plain body
 * @param gzipEtag the quoted entity tag of the gzipped body (a different representation needs a different strong tag)
 */
public record CachedPage(Page page, byte[] gzip, String etag, String gzipEtag) {

    public static CachedPage of(Page page) {
        String tag = hash(page.body());
        return new CachedPage(page, gzip(page.body()), "\"" + tag + "\"", "\"" + tag + "-gz\"");
    }

    /** Bytes this entry holds, for the cache's budget. */
    public long weight() {
        return page.body().length + gzip.length + 200L;
    }

    /** Whether an If-None-Match header names either representation (or is {@code *}). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag) || t.equals(gzipEtag)) {
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
