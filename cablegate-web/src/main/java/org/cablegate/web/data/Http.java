package org.cablegate.web.data;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.cablegate.core.json.JsonWriter;

/** The HTTP side every data route shares: content types, validators and 304s, error bodies. */
final class Http {
    static final String JSON = "application/json; charset=utf-8";
    static final String JSON_LINES = "application/jsonl; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8; header=present";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    /**
     * Answers change only with a release, so a cache may keep one for a few minutes and then revalidate it, which
     * costs a 304 until the next release.
     */
    static final String CACHE = "public, max-age=300";

    private Http() {}

    /**
     * Sets ETag, Last-Modified and Cache-Control for an answer of this release, and answers 304 when the client's
     * If-None-Match names this release's answer. The ETag is weak: the gzipped and the plain bytes are the same answer.
     *
     * <p>If-Modified-Since alone never gets a 304: a release that keeps the original site's release times publishes
     * cables older than the newest already public, so Last-Modified (the newest release time of a public cable) can
     * stay the same across releases. The ETag names the release, so it cannot.
     *
     * @return true when a 304 was sent and the handler must write nothing
     */
    static boolean notModified(Context ctx, ReleaseView view) {
        String query = ctx.req().getQueryString();
        String request = query == null ? ctx.path() : ctx.path() + "?" + query;
        String etag = "W/\"" + Long.toString(view.release(), 36) + "-" + Integer.toHexString(request.hashCode()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(view.time().atZone(ZoneOffset.UTC)));
        ctx.header("Cache-Control", CACHE);
        ctx.header("Vary", "Accept-Encoding");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque) || (c.startsWith("W/") && c.substring(2).equals(opaque))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An error as JSON: {@code {"status":404,"error":"Not Found","message":"..."}}. Not cached, and without
     * validators, so that nothing about it depends on more than the status and the message.
     */
    static void error(Context ctx, int status, String message) {
        StringBuilder sb = new StringBuilder(128);
        new JsonWriter(sb, false).beginObject()
                .name("status").value(status)
                .name("error").value(switch (status) {
                    case 404 -> "Not Found";
                    case 410 -> "Gone";
                    default -> "Bad Request";
                })
                .name("message").value(message)
                .endObject();
        sb.append('\n');
        ctx.status(status);
        // The validators were set for a success; an error must not be cached as one.
        ctx.res().setHeader("ETag", null);
        ctx.res().setHeader("Last-Modified", null);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(JSON);
        ctx.result(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void send(Context ctx, String contentType, CharSequence body) {
        ctx.contentType(contentType);
        ctx.result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
