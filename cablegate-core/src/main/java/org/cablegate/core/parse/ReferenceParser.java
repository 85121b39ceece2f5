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
    private static final int MAX_SERIAL = 7;
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
        Matcher m = BULLET.matcher(text).useTransparentBounds(true);
        char expected = 'A';
        int lastEnd = -1;
        for (int at = nextBullet(text, 0, m); at >= 0; at = nextBullet(text, m.end(), m)) {
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

    /**
     * What {@code m.find(from)} finds for {@link #BULLET}: tried only where a bullet's shape starts after a blank or
     * punctuation, not at every character (most are capitals, where the look-behind ran first).
     */
    private static int nextBullet(String text, int from, Matcher m) {
        for (int i = from; i < text.length(); i++) {
            if (mayBeBullet(text, i) && m.region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code (A)}, {@code A.} or {@code A)} at {@code i}, at the start or after white space, ';', ',' or ':'. */
    private static boolean mayBeBullet(String text, int i) {
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (!Texts.isRegexSpace(before) && before != ';' && before != ',' && before != ':') {
                return false;
            }
        }
        char c = text.charAt(i);
        if (c == '(') {
            return i + 2 < text.length() && isAsciiLetter(text.charAt(i + 1)) && text.charAt(i + 2) == ')';
        }
        return Texts.isUpperLetter(c) && i + 1 < text.length() && (text.charAt(i + 1) == '.' || text.charAt(i + 1) == ')');
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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
            Matcher glued = mayBeGluedId(word) ? GLUED_ID.matcher(word) : null;
            if (glued != null && glued.matches()) {
                String id = ids.canonical(word);
                if (!id.equals(word) || ids.isStation(glued.group(2))) {
                    out.add(id);
                    used[k] = true;
                    continue;
                }
            }
            if (k == 0 || used[k] || !isSerial(word)) {
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
                        && isSerial(strip(words[j + 1])) && !followedByPlace(words, j + 2, ids)) {
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
        return k < words.length && !isSerial(strip(words[k])) && ids.station(strip(words[k])).isPresent()
                && k + 1 < words.length && isSerial(strip(words[k + 1]));
    }

    /** Whether a word is 1-7 digits, {@code \d{1,7}}; by hand, as it is asked of every word of every REF item. */
    private static boolean isSerial(String word) {
        if (word.isEmpty() || word.length() > MAX_SERIAL) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Texts.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word can be a glued id ({@link #GLUED_ID}): two digits, then a capital. */
    private static boolean mayBeGluedId(String word) {
        return word.length() >= 6 && Texts.isDigit(word.charAt(0)) && Texts.isDigit(word.charAt(1))
                && Texts.isUpperLetter(word.charAt(2));
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
                && isSerial(word);
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
