package org.cablegate.web.http;

import org.cablegate.archive.index.BadQueryException;

/** Checks on a raw query string that the framework's decoding would hide. */
public final class QueryStrings {
    private QueryStrings() {}

    /**
     * Refuses a percent sign not followed by two hexadecimal digits. Issue 12: {@code /api/search?q=abc%} silently lost
     * its {@code q} in decoding and answered every cable; a query the server cannot read is a 400 that says where.
     *
     * @param raw the query string as sent, without the {@code ?}; null when there is none
     */
    public static void checkEscapes(String raw) throws BadQueryException {
        if (raw == null) {
            return;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (!hex(raw, i + 1) || !hex(raw, i + 2)) {
                String near = raw.substring(i, Math.min(raw.length(), i + 3));
                throw new BadQueryException("The query string has a malformed percent-escape at character " + (i + 1)
                        + ": '" + near + "' (a % must be followed by two hexadecimal digits; write %25 for % itself)");
            }
        }
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
