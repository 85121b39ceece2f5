package org.cablegate.web.data;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Text into XML 1.0: escaped, and without the control characters XML cannot hold at all (some cables carry them). */
final class Xml {
    private static final DateTimeFormatter RFC_3339_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private Xml() {}

    static StringBuilder text(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        return sb;
    }

    /** An RFC 3339 time in UTC, as Atom wants it: {@code 2010-11-28T18:00:00Z}. Archive times are UTC. */
    static String time(LocalDateTime t) {
        return t.format(RFC_3339_UTC);
    }
}
