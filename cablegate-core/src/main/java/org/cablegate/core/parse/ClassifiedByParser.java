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
            "(?i)\\b(?:REASONS?|RSNS?|REASEONS?)\\b|\\b1\\s?[.,/]\\s?[45](?!\\d)|\\bE\\.\\s?O\\.|\\bEO\\s+\\d"
                    // "FOR REAS / ONS" (03THEHAGUE1865), "for rea / sons" (07RABAT1706): the word broken by the line end
                    + "|\\bFOR\\s+REA(?:S|SO)?\\s+\\w");
    private static final Pattern SECTION = Pattern.compile("\\b1\\s?[.,/]\\s?([45])(?![\\d.])");
    private static final Pattern TRAILING_WORDS = Pattern.compile("(?i)(?:\\s+(?:for|per|under|with|by))+\\s*$");
    /** The characters every match of CUT starts with, and the words of TRAILING_WORDS: tests before each regex. */
    private static final String CUT_FIRSTS = "RrEe1Ff";
    private static final String[] TRAILING = {"for", "per", "under", "with", "by"};

    /** Who, and the reasons. */
    record Result(String by, List<String> reasons) {}

    private ClassifiedByParser() {}

    /** "CHARGE D'AFFAIR" / "S ROBERT LUKE": a plural's S wrapped onto the next line, which starts the name. */
    private static final Pattern WRAPPED_S = Pattern.compile("(?<=[A-Za-z])[ \\t]*\\r?\\n[ \\t]*(?=[Ss][ \\t])");
    /** A phrase that names no one: "CLASSIFIED BY SECTION 1.5 (B) AND (D)", "Classified by E.O. 12958". */
    private static final Pattern NO_ONE = Pattern.compile(
            "(?i)(?:SECTIONS?|PARA(?:GRAPH)?S?|E\\.?\\s?O\\.?|EXECUTIVE\\s+ORDER|REASONS?|AUTHORITY|N/?A|NONE)?");

    static Result parse(String value, int offset, Issues issues) {
        String text = Texts.collapse(value.indexOf('\n') >= 0 ? WRAPPED_S.matcher(value).replaceAll("") : value);
        // "Classified By: Classified by DCM ..." when the keyword was read once only.
        if (text.regionMatches(true, 0, "CLASSIFIED BY", 0, 13)) {
            text = Texts.stripLeading(text.substring(13).strip(), ":");
        }
        Matcher cut = CUT.matcher(text).useTransparentBounds(true);
        String by = Texts.findAtWordStart(cut, text, 0, CUT_FIRSTS) ? text.substring(0, cut.start()) : text;
        by = Texts.stripTrailing(by, ".,;:-(");
        if (endsWithTrailingWord(by)) {
            by = TRAILING_WORDS.matcher(by).replaceFirst("");
        }
        by = Texts.stripTrailing(Texts.stripLeading(by, ":.,-"), ".,;:-(");
        if (NO_ONE.matcher(by).matches()) {
            by = "";
        }
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
        Matcher m = SECTION.matcher(text).useTransparentBounds(true);
        for (boolean found = Texts.findAtWordStart(m, text, 0, "1"); found;
                found = Texts.findAtWordStart(m, text, m.end(), "1")) {
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

    /**
     * Whether the text (stripped) ends with a word of TRAILING_WORDS, which it must for that regex to match. $ also
     * matches before a last U+0085, a line terminator that is no white space, so blanks may come before that.
     */
    private static boolean endsWithTrailingWord(String text) {
        int end = text.endsWith("\u0085") ? text.length() - 1 : text.length();
        while (end > 0 && Texts.isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        for (String word : TRAILING) {
            if (text.regionMatches(true, end - word.length(), word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWordIgnoreCase(String text, int i, String word) {
        int end = i + word.length();
        return end <= text.length() && text.regionMatches(true, i, word, 0, word.length())
                && (end == text.length() || !Character.isLetter(text.charAt(end)))
                && word.toUpperCase(Locale.ROOT).equals(word);
    }
}
