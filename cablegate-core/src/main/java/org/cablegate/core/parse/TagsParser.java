package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cablegate.core.model.ParseIssue;

/**
 * Reads the value of a TAGS line: tags as written, and tags after known fixes.
 *
 * <p>Tags are separated by spaces or commas; a bracketed name is one person tag ({@code OVIP (CLINTON, HILLARY)} in
 * 09STATE30049). Fixes: misspellings from tag-fixes.txt ({@code POGOV} → PGOV, {@code RU} → RS); glued tags split into
 * known ones ({@code ECONEFIN} → ECON EFIN, {@code PHUMBA} → PHUM BA in 08ECTION01OF02MANAMA492, the 18-letter
 * {@code ETRDEINVECINPGOVCS} of 06SANJOSE1792); repeats dropped ({@code UNGA UNGA UNGA} in 09TRIPOLI197).
 */
final class TagsParser {
    /** What a TAGS line reads as. */
    record Result(List<String> asWritten, List<String> fixed) {}

    private static final Set<String> KNOWN = Set.copyOf(ReferenceIds.resourceLines("tags.txt"));
    private static final Map<String, String> FIXES = fixes();
    /** Longest glued run split; a longer token is prose, not tags. */
    private static final int MAX_GLUED = 40;

    private TagsParser() {}

    static Result parse(String value, int offset, Issues issues) {
        List<String> written = tokens(value);
        Set<String> fixed = new LinkedHashSet<>();
        for (int k = 0; k < written.size(); k++) {
            String tag = written.get(k);
            if (tag.indexOf(' ') >= 0) {
                fixed.add(tag.toUpperCase(Locale.ROOT)); // a person: CLINTON, HILLARY
                continue;
            }
            if (k + 2 < written.size() && tag.equalsIgnoreCase("OVIP") && isNamePart(written.get(k + 1))
                    && isNamePart(written.get(k + 2))) {
                // "OVIP CLINTON HILLARY" (09PARTO40301), "OVIP RICE CONDOLEEZZA" (06PARTO9): the person without
                // brackets, one tag as "OVIP (CLINTON, HILLARY)" gives it. Written as the site linked it, word by word.
                fixed.add("OVIP");
                fixed.add((written.get(k + 1) + ", " + written.get(k + 2)).toUpperCase(Locale.ROOT));
                k += 2;
                continue;
            }
            String upper = tag.toUpperCase(Locale.ROOT);
            String fix = FIXES.get(upper);
            if (fix != null) {
                issues.add(ParseIssue.Kind.TAGS, "tag " + tag + " read as " + fix, offset);
                fixed.add(fix);
                continue;
            }
            if (!KNOWN.contains(upper) && upper.length() > 4) {
                List<String> parts = split(upper);
                if (parts != null) {
                    issues.add(ParseIssue.Kind.TAGS, "glued tags " + tag + " read as " + String.join(" ", parts), offset);
                    for (String part : parts) {
                        fixed.add(FIXES.getOrDefault(part, part));
                    }
                    continue;
                }
            }
            fixed.add(upper);
        }
        return new Result(written, new ArrayList<>(fixed));
    }

    /** Whether {@code token} is a tag of the vocabulary as it is written, in capitals ({@code PGOV}, not {@code pgov}). */
    static boolean isKnown(String token) {
        return KNOWN.contains(token);
    }

    /** A word of a person's name after OVIP: letters only, three or more, and no known tag or misspelt one. */
    private static boolean isNamePart(String token) {
        if (token.length() < 3 || token.indexOf(' ') >= 0) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        String upper = token.toUpperCase(Locale.ROOT);
        return !KNOWN.contains(upper) && !FIXES.containsKey(upper) && split(upper) == null;
    }

    /** Splits on white space and commas, keeping a bracketed group as one tag. */
    static List<String> tokens(String value) {
        List<String> out = new ArrayList<>();
        int start = -1; // of the token being read, or -1 between tokens
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == '(') {
                int close = value.indexOf(')', i);
                if (close > i) {
                    flush(value, start, i, out);
                    start = -1;
                    String person = Texts.collapse(value, i + 1, close);
                    if (!person.isEmpty()) {
                        out.add(person);
                    }
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '\u00a0' || c == '\u00b6') {
                flush(value, start, i, out);
                start = -1;
            } else if (start < 0) {
                start = i;
            }
            i++;
        }
        flush(value, start, n, out);
        return out;
    }

    /** Adds the token {@code value[start, end)} without the dots and colons around it, if anything is left. */
    private static void flush(String value, int start, int end, List<String> out) {
        if (start < 0) {
            return;
        }
        int e = end;
        while (e > start && (value.charAt(e - 1) == '.' || value.charAt(e - 1) == ':')) {
            e--;
        }
        int s = start;
        while (s < e && (value.charAt(s) == '.' || value.charAt(s) == ':')) {
            s++;
        }
        if (s < e && !(e - s == 1 && value.charAt(s) == '-')) {
            out.add(value.substring(s, e));
        }
    }

    /**
     * The fewest known tags that make up {@code glued}, at least one of them a 4-letter subject or programme tag
     * (two country codes alone, GA + ZA, spell "GAZA"); null if none.
     */
    static List<String> split(String glued) {
        int n = glued.length();
        if (n > MAX_GLUED) {
            return null;
        }
        int[] best = new int[n + 1];
        int[] cut = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int len = 2; len <= 5 && len <= end; len++) {
                int start = end - len;
                if (best[start] != Integer.MAX_VALUE && KNOWN.contains(glued.substring(start, end))
                        && best[start] + 1 < best[end]) {
                    best[end] = best[start] + 1;
                    cut[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = cut[end]) {
            parts.add(0, glued.substring(cut[end], end));
        }
        // Subject and programme tags are four letters. Without one, a word is more likely than tags: COUNTER (in
        // "COUNTER TERRORISM", 04SANAA2346) would read as CO, Colombia, and UNTER, an organisation.
        for (String part : parts) {
            if (part.length() == 4) {
                return parts;
            }
        }
        return null;
    }

    private static Map<String, String> fixes() {
        Map<String, String> map = new HashMap<>();
        for (String line : ReferenceIds.resourceLines("tag-fixes.txt")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }
}
