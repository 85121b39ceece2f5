package org.cablegate.web.http;

import org.cablegate.archive.index.BadQueryException;

/** Checks on a raw query string that the framework's decoding would hide. */
public final class QueryStrings {
    private QueryStrings() {}

    /**
     * Refuses a percent sign not followed by two hexadecimal digits. Issue 12: {@code /api/search?q=abc%} silently lost
     * its {@code q} in decoding and answered every cable; a query the server cannot read is a 400 that says where.
     * Escapes whose bytes are not UTF-8 are refused too ({@link #checkUtf8}).
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
        checkUtf8(raw);
    }

    /**
     * Refuses percent-escapes whose bytes are not UTF-8 (issue 13): {@code q=%ff%fe} decoded to replacement characters
     * and searched for them, a 200 for a query nobody typed. Every escape must be well formed ({@link #checkEscapes} calls this after checking that).
     */
    public static void checkUtf8(String raw) throws BadQueryException {
        if (raw == null || raw.indexOf('%') < 0) {
            return;
        }
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) != '%' || byteAt(raw, i) < 0x80) {
                i += raw.charAt(i) == '%' ? 3 : 1;
                continue;
            }
            // A multi-byte sequence: a lead byte and its continuation bytes, each an escape (RFC 3629 ranges).
            int lead = byteAt(raw, i);
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            boolean ok = length > 0;
            int codePoint = lead & (0xFF >> (length + 1));
            for (int k = 1; ok && k < length; k++) {
                int at = i + 3 * k;
                int b = at < raw.length() && raw.charAt(at) == '%' ? byteAt(raw, at) : -1;
                ok = (b & 0xC0) == 0x80;
                codePoint = (codePoint << 6) | (b & 0x3F);
            }
            // Overlong forms (%e0%80%af) and surrogates (%ed%a0%80) are not UTF-8 either.
            ok = ok && (length != 3 || codePoint >= 0x800 && (codePoint < 0xD800 || codePoint > 0xDFFF))
                    && (length != 4 || codePoint >= 0x10000 && codePoint <= 0x10FFFF);
            if (!ok) {
                String near = raw.substring(i, Math.min(raw.length(), i + 3 * Math.max(1, length)));
                throw new BadQueryException("The query string is not UTF-8 at character " + (i + 1) + ": '" + near
                        + "' (percent-escapes must encode UTF-8 text)");
            }
            i += 3 * length;
        }
    }

    private static int byteAt(String raw, int percent) {
        return Character.digit(raw.charAt(percent + 1), 16) * 16 + Character.digit(raw.charAt(percent + 2), 16);
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
