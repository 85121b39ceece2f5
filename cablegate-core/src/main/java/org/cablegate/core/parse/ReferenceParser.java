package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Reference;

/**
 * Reads the value of a REF line into items, and each item into the cables it cites.
 *
 * <p>Items are lettered ({@code A.}, {@code A)}, {@code (A)}, in sequence; a doubled bullet {@code A. A) STATE 144222}
 * of 05MADRID3260 is one) or, without letters, separated by semicolons. A citation is an optional 2- or 4-digit year,
 * a place of one to four words, and a serial: {@code 08 MOSCOW 1234}, {@code RIO DE JAN 456}, {@code SECSTATE 22779},
 * {@code LIMA 4516 (06)}; {@code 09 FOO 12 AND 13} cites two cables. Without a year the cable's own year is meant.
 * Items that cite no cable (e-mails, telcons, meetings) are kept with an empty id.
 */
final class ReferenceParser {
    /** A bullet: {@code A.} {@code A)} {@code (A)} after a space or at the start. */
    private static final Pattern BULLET = Pattern.compile("(?<![^\\s;,:])(?:\\(([A-Za-z])\\)|([A-Z])[.)])(?=\\s|$)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,7}");
    private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\((\\d{2}|\\d{4})\\)");
    private static final Pattern GLUED_ID = Pattern.compile("(\\d{2})([A-Z]{3,})(\\d{1,7})");
    /** An item that reads like a cable citation but did not resolve: {@code FOOBAR 1234}. */
    private static final Pattern CITATION_LIKE = Pattern.compile("(?:\\d{2,4}\\s+)?[A-Z][A-Z .]{2,25}\\s+\\d{2,6}");
    private static final int MAX_PLACE_WORDS = 4;

    private ReferenceParser() {}

    static List<Reference> parse(String value, int cableYear, ReferenceIds ids, int offset, Issues issues) {
        String text = Texts.collapse(value);
        List<Reference> out = new ArrayList<>();
        List<int[]> bullets = bullets(text);
        if (bullets.isEmpty()) {
            for (String item : text.split(";")) {
                item(Texts.stripTrailing(item.strip(), ".,;:"), "", cableYear, ids, offset, issues, out);
            }
            return out;
        }
        String lead = Texts.stripTrailing(text.substring(0, bullets.get(0)[0]).strip(), ".,;:");
        if (!lead.isEmpty()) {
            item(lead, "", cableYear, ids, offset, issues, out);
        }
        for (int k = 0; k < bullets.size(); k++) {
            int[] b = bullets.get(k);
            int end = k + 1 < bullets.size() ? bullets.get(k + 1)[0] : text.length();
            String item = Texts.stripTrailing(text.substring(b[1], end).strip(), ",;:");
            item(item, String.valueOf((char) b[2]), cableYear, ids, offset, issues, out);
        }
        return out;
    }

    /** Bullets in letter order, each {start, end, letter}; a repeated letter right after its bullet is skipped. */
    private static List<int[]> bullets(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BULLET.matcher(text);
        char expected = 'A';
        int lastEnd = -1;
        while (m.find()) {
            String g = m.group(1) != null ? m.group(1) : m.group(2);
            char letter = Character.toUpperCase(g.charAt(0));
            if (letter == expected) {
                out.add(new int[] {m.start(), m.end(), letter});
                expected++;
                lastEnd = m.end();
            } else if (!out.isEmpty() && letter == expected - 1 && text.substring(lastEnd, m.start()).isBlank()) {
                out.get(out.size() - 1)[1] = m.end(); // "A. A) STATE 144222"
                lastEnd = m.end();
            }
        }
        return out;
    }

    private static void item(String item, String bullet, int cableYear, ReferenceIds ids, int offset, Issues issues,
            List<Reference> out) {
        if (item.isEmpty()) {
            return;
        }
        List<String> cited = citations(item, cableYear, ids);
        if (cited.isEmpty()) {
            out.add(new Reference(bullet, "", item));
            if (CITATION_LIKE.matcher(item).matches()) {
                issues.add(ParseIssue.Kind.REFERENCE, "REF " + item + " names no known station", offset);
            }
            return;
        }
        for (String id : cited) {
            out.add(new Reference(bullet, id, item));
        }
    }

    /** The ids an item cites, in order. */
    static List<String> citations(String item, int cableYear, ReferenceIds ids) {
        String[] words = item.split(" ");
        List<String> out = new ArrayList<>(2);
        boolean[] used = new boolean[words.length];
        for (int k = 0; k < words.length; k++) {
            String word = strip(words[k]);
            Matcher glued = GLUED_ID.matcher(word);
            if (glued.matches()) {
                String id = ids.canonical(word);
                if (!id.equals(word) || ids.isStation(glued.group(2))) {
                    out.add(id);
                    used[k] = true;
                    continue;
                }
            }
            if (k == 0 || used[k] || !DIGITS.matcher(word).matches()) {
                continue;
            }
            long serial = Long.parseLong(word);
            if (serial == 0) {
                continue;
            }
            // The longest run of words before the number that names a station.
            for (int n = Math.min(MAX_PLACE_WORDS, k); n >= 1; n--) {
                if (anyUsedOrNumeric(words, used, k - n, k)) {
                    continue;
                }
                Optional<String> station = ids.station(join(words, k - n, k));
                if (station.isEmpty()) {
                    continue;
                }
                int year = cableYear;
                int before = k - n - 1;
                if (before >= 0 && !used[before] && isYear(strip(words[before]))) {
                    year = Integer.parseInt(strip(words[before]));
                    used[before] = true;
                } else if (k + 1 < words.length) {
                    Matcher y = YEAR_IN_BRACKETS.matcher(words[k + 1]);
                    if (y.lookingAt()) {
                        year = Integer.parseInt(y.group(1));
                        used[k + 1] = true;
                    }
                }
                for (int x = k - n; x <= k; x++) {
                    used[x] = true;
                }
                out.add(ReferenceIds.id(year, station.get(), serial));
                // "09 FOO 12 AND 13": the next number after AND (or a comma) is the same place and year.
                int j = k + 1;
                while (j + 1 < words.length && (words[j].equalsIgnoreCase("AND") || words[j].equals("&"))
                        && DIGITS.matcher(strip(words[j + 1])).matches() && !followedByPlace(words, j + 2, ids)) {
                    long next = Long.parseLong(strip(words[j + 1]));
                    if (next > 0) {
                        out.add(ReferenceIds.id(year, station.get(), next));
                    }
                    used[j] = true;
                    used[j + 1] = true;
                    j += 2;
                }
                break;
            }
        }
        return out;
    }

    private static boolean followedByPlace(String[] words, int k, ReferenceIds ids) {
        return k < words.length && !DIGITS.matcher(strip(words[k])).matches() && ids.station(strip(words[k])).isPresent()
                && k + 1 < words.length && DIGITS.matcher(strip(words[k + 1])).matches();
    }

    private static boolean anyUsedOrNumeric(String[] words, boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i] || words[i].isEmpty() || !Character.isLetter(words[i].charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isYear(String word) {
        return (word.length() == 2 || word.length() == 4 && (word.startsWith("19") || word.startsWith("20")))
                && DIGITS.matcher(word).matches();
    }

    private static String join(String[] words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(strip(words[i])).append(' ');
        }
        return sb.toString();
    }

    /** A word without the punctuation around it: {@code 1234,} → {@code 1234}. */
    private static String strip(String word) {
        int s = 0;
        int e = word.length();
        while (s < e && "(\"'".indexOf(word.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && ".,;:)\"'".indexOf(word.charAt(e - 1)) >= 0) {
            e--;
        }
        return word.substring(s, e);
    }
}
