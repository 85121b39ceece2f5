package org.cablegate.web.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
}
