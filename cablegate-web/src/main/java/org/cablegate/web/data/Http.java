package org.cablegate.web.data;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.cablegate.web.http.HttpDates;
import org.cablegate.web.http.ReleaseStamp;
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
     * <p>Last-Modified is when the release was published (the commit's wall-clock second, later for every release),
     * never a release time a publisher gave: so If-Modified-Since alone gets a 304 exactly when nothing was published
     * since (issue 12: the API ignored it; validators followed {@code --at}). An index without that record (made
     * before it was kept) falls back to the newest release time, and If-Modified-Since alone then never gets a 304.
     *
     * @return true when a 304 was sent and the handler must write nothing
     */
    static boolean notModified(Context ctx, ReleaseView view) {
        String etag = etag(ctx, view);
        ctx.header("ETag", etag);
        ReleaseStamp stamp = stamp(view);
        ctx.header("Last-Modified", stamp.lastModified());
        ctx.header("Cache-Control", CACHE);
        ctx.header("Vary", "Accept-Encoding");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                ctx.status(304);
                return true;
            }
            // RFC 9110 13.1.3: with If-None-Match, If-Modified-Since is ignored.
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null && view.published().isPresent() && notModifiedSince(ifModifiedSince, view)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    /** The ETag of an answer: its release and its request (path and query), weak. */
    static String etag(Context ctx, ReleaseView view) {
        String query = ctx.req().getQueryString();
        String request = query == null ? ctx.path() : ctx.path() + "?" + query;
        return "W/\"" + Long.toString(view.release(), 36) + "-" + Integer.toHexString(request.hashCode()) + "\"";
    }

    /** The release an answer is of, and its Last-Modified. */
    static ReleaseStamp stamp(ReleaseView view) {
        return new ReleaseStamp(view.release(),
                HttpDates.format(view.published().orElse(view.time().toInstant(ZoneOffset.UTC))));
    }

    private static boolean notModifiedSince(String ifModifiedSince, ReleaseView view) {
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !view.published().get().isAfter(since);
        } catch (DateTimeParseException e) {
            // An invalid date is ignored (RFC 9110 13.1.3).
            return false;
        }
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
                .name("error").value(reason(status))
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

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 503 -> "Service Unavailable";
            default -> "Bad Request";
        };
    }

    /** The attribute that holds the bytes of an answer sent whole: what the page cache may keep. */
    static final String SENT = "cablegate.sent";

    static void send(Context ctx, String contentType, CharSequence body) {
        send(ctx, contentType, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType);
        ctx.result(body);
        ctx.attribute(SENT, body);
    }
}
