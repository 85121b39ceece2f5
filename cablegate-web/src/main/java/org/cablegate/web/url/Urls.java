package org.cablegate.web.url;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * The site's URLs, those of the 2011 site: {@code /cable/2008/06/08MOSCOW1647.html}, {@code /reldate/2011-02-01_0.html},
 * {@code /date/2008-06_0.html}, {@code /tag/PREL_0.html}, {@code /origin/67_0.html}, {@code /classification/3_0.html}.
 * Listing pages count from 0.
 */
public final class Urls {
    private Urls() {}

    public static String cable(String id, LocalDateTime created) {
        return String.format("/cable/%04d/%02d/%s.html", created.getYear(), created.getMonthValue(), id);
    }

    public static String cableText(String id, LocalDateTime created) {
        return String.format("/cable/%04d/%02d/%s.txt", created.getYear(), created.getMonthValue(), id);
    }

    /** The page of a cable whose month is unknown here: a cited cable that is not public, or an old link. */
    /** The history of a cable's public versions: {@code /cable/2008/06/08MOSCOW1647/history.html}. */
    public static String cableHistory(String id, LocalDateTime created) {
        return cable(id, created).replaceFirst("\\.html$", "/history.html");
    }

    /** The word diff between two public versions on the history page. */
    public static String cableDiff(String id, LocalDateTime created, int from, int to) {
        return cableHistory(id, created) + "?from=" + from + "&to=" + to;
    }

    public static String cableById(String id) {
        return "/cable/" + segment(id) + ".html";
    }

    public static String cableJson(String id) {
        return "/api/cable/" + segment(id) + ".json";
    }

    public static String releaseDay(String day, int page) {
        return "/reldate/" + day + "_" + page + ".html";
    }

    public static String month(String month, int page) {
        return "/date/" + month + "_" + page + ".html";
    }

    public static String tag(String tag, int page) {
        return "/tag/" + segment(tag) + "_" + page + ".html";
    }

    public static String origin(String slug, int page) {
        return "/origin/" + slug + "_" + page + ".html";
    }

    public static String classification(String slug, int page) {
        return "/classification/" + slug + "_" + page + ".html";
    }

    /**
     * A value as one path segment: letters, digits and {@code -._} stay, everything else is percent-encoded (people's
     * tags hold commas and spaces, "SARKOZY, NICOLAS").
     */
    public static String segment(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
