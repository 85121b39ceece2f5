package org.cablegate.web.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * HTTP dates as RFC 9110 wants them sent (IMF-fixdate): {@code Thu, 03 Dec 2026 09:28:00 GMT}, with a two-digit day.
 * Issue 12: the JDK's RFC 1123 formatter writes {@code Thu, 3 Dec 2026}, which RFC 9110 does not allow.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {}

    public static String format(Instant time) {
        return IMF_FIXDATE.format(time);
    }

    /**
     * Whether an If-Modified-Since date is not before a Last-Modified date: the copy the client has is current. A date
     * that does not parse is ignored (RFC 9110 13.1.3): false.
     */
    public static boolean notBefore(String ifModifiedSince, String lastModified) {
        try {
            return !parse(ifModifiedSince).isBefore(parse(lastModified));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An HTTP date as clients send it (IMF-fixdate, or RFC 1123 with a one-digit day). */
    public static Instant parse(String date) {
        return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
