package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.ParseIssue;

/**
 * Reads the value of a Classified By line: who classified the cable and the E.O. sections given as reasons.
 *
 * <p>Spellings seen: {@code Charge d'Affaires Daniel A. Russell. Reasons 1.4(b) and (d)} (08MOSCOW1647),
 * {@code AMB:WBWOOD for Reasons 1.4 (b)+(e)} (06BOGOTA1970), {@code Ambassador David Mulford for Reasons 1.4 (B, D)},
 * {@code DCM Daniel A. Russell for Reasons 1.4 B and D.}, {@code POL MINCOUNS THOMAS COUNTRYMAN, REASONS 1.5 (B) AND
 * (D).} (02ROME1196, E.O. 12958 before 2003 numbered the reasons 1.5), {@code for Reasons 1/4 (B} (04THEHAGUE1833).
 * Reasons are written {@code 1.4(b)}: section, then the letter in lower case.
 */
final class ClassifiedByParser {
    /** Where the name ends: the reasons, or the E.O. they are under. */
    private static final Pattern CUT = Pattern.compile(
            "(?i)\\b(?:REASONS?|RSNS?|REASEONS?)\\b|\\b1\\s?[.,/]\\s?[45](?!\\d)|\\bE\\.\\s?O\\.|\\bEO\\s+\\d");
    private static final Pattern SECTION = Pattern.compile("\\b1\\s?[.,/]\\s?([45])(?![\\d.])");
    private static final Pattern TRAILING_WORDS = Pattern.compile("(?i)(?:\\s+(?:for|per|under|with|by))+\\s*$");

    /** Who, and the reasons. */
    record Result(String by, List<String> reasons) {}

    private ClassifiedByParser() {}

    static Result parse(String value, int offset, Issues issues) {
        String text = Texts.collapse(value);
        Matcher cut = CUT.matcher(text);
        String by = cut.find() ? text.substring(0, cut.start()) : text;
        by = Texts.stripTrailing(by, ".,;:-(");
        by = TRAILING_WORDS.matcher(by).replaceFirst("");
        by = Texts.stripTrailing(Texts.stripLeading(by, ":.,-"), ".,;:-(");
        List<String> reasons = reasons(text);
        if (by.isEmpty()) {
            issues.add(ParseIssue.Kind.CLASSIFIED_BY, "Classified By names no one: " + text, offset);
        }
        if (reasons.isEmpty()) {
            issues.add(ParseIssue.Kind.CLASSIFIED_BY, "Classified By gives no reason (1.4(a)-(h)): " + text, offset);
        }
        return new Result(by, reasons);
    }

    /** The reasons: each section number followed by its letters, {@code 1.4(b) and (d)} → 1.4(b), 1.4(d). */
    static List<String> reasons(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SECTION.matcher(text);
        while (m.find()) {
            String section = "1." + m.group(1);
            int i = m.end();
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '(' || c == ')' || c == ',' || c == '+' || c == '/' || c == '&' || c == ';') {
                    i++;
                } else if (startsWordIgnoreCase(text, i, "AND")) {
                    i += 3;
                } else if (startsWordIgnoreCase(text, i, "OR")) {
                    i += 2;
                } else if (Character.isLetter(c) && (i + 1 >= n || !Character.isLetter(text.charAt(i + 1)))) {
                    char letter = Character.toLowerCase(c);
                    if (letter < 'a' || letter > 'h') {
                        break;
                    }
                    String reason = section + "(" + letter + ")";
                    if (!out.contains(reason)) {
                        out.add(reason);
                    }
                    i++;
                } else {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean startsWordIgnoreCase(String text, int i, String word) {
        int end = i + word.length();
        return end <= text.length() && text.regionMatches(true, i, word, 0, word.length())
                && (end == text.length() || !Character.isLetter(text.charAt(end)))
                && word.toUpperCase(Locale.ROOT).equals(word);
    }
}
