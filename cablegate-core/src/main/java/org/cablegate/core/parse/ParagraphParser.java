package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;

/**
 * Finds every numbered paragraph: {@code 1. (C)}, {@code 1.(C)}, {@code ¶1.}, {@code 2.The} (09MANAMA646),
 * {@code (S/NF)}, {@code (C - ENTIRE TEXT)}, {@code 1. CONFIDENTIAL - ENTIRE TEXT.}, typos like {@code 12, (C)}, and
 * paragraphs run together on one line (08MOSCOW1647 paragraphs 12, 17 and 24–27).
 *
 * <p>At a line start a number is a paragraph when it carries a marking or follows the previous number closely (a
 * wrapped line starting "20." in running text is not paragraph 20 of a 3-paragraph cable). Inside a line only the
 * next number in sequence counts, and only after the end of a sentence.
 */
final class ParagraphParser {
    /**
     * Number inside a line, tried only where the next number's digits follow the end of a sentence and 1-4 blanks
     * (found by indexOf: a leading look-behind made the regex try every character and cost a millisecond a cable):
     * {@code ... region. 12, (C) Equipment}. A number at a line start, {@code [ \t\u00a0]*\u00b6?[ \t]*(\d{1,3})}
     * then a full stop not before a digit, or a comma before a marking, is read by hand.
     */
    private static final Pattern IN_LINE = Pattern.compile(
            "\\u00b6?(\\d{1,3})(?:\\.(?!\\d)|,(?=[ \\t]*\\())[ \\t]*(?=\\(|[A-Z])");
    /** A portion marking: U, C, S, SBU, S/NF, S//NF, C/REL UK, U//FOUO; "- ENTIRE TEXT" is dropped. */
    private static final Pattern MARKING = Pattern.compile(
            "(?i)((?:U|C|S|SBU|TS|FOUO|LOU|NF|CONF|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|SENSITIVE BUT UNCLASSIFIED)"
                    + "(?:[ \\t]*/{1,2}[ \\t]*[A-Z]{1,8}(?:[ \\t][A-Z]{2,3})?)*)[ \\t]*(?:-*[ \\t]*ENTIRE[ \\t]+TEXT)?[ \\t]*");
    /** An unbracketed marking: {@code 1. CONFIDENTIAL - ENTIRE TEXT.} */
    private static final Pattern BARE_MARKING = Pattern.compile(
            "(UNCLASSIFIED|CONFIDENTIAL|SECRET|SBU|C|S|U)[ \\t]*-*[ \\t]*ENTIRE[ \\t]+TEXT[.:]?");
    /** Last words of a line that a number on the next line continues: a date or a cross-reference, not a paragraph. */
    private static final java.util.Set<String> WRAPPING_WORDS = java.util.Set.of("JAN", "JANUARY", "FEB", "FEBRUARY",
            "MAR", "MARCH", "APR", "APRIL", "MAY", "JUN", "JUNE", "JUL", "JULY", "AUG", "AUGUST", "SEP", "SEPT",
            "SEPTEMBER", "OCT", "OCTOBER", "NOV", "NOVEMBER", "DEC", "DECEMBER", "PARA", "PARAS", "PARAGRAPH",
            "PARAGRAPHS", "NO", "NOS", "NUMBER", "NR", "REFTEL", "SEE");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:;\"')\\]\u201d]$|^[-=_ ]{3,}$|^X{6,}$");
    /** How far ahead of the previous number an unmarked line-start number may be. */
    private static final int MAX_JUMP = 3;
    private static final int MAX_NUMBER = 300;
    /** The largest number of three digits, all an in-line number can have. */
    private static final int MAX_IN_LINE = 999;
    private static final String[] DIGITS = digitStrings();
    private static final Map<String, String> COMMON_MARKINGS = commonMarkings();

    /** A paragraph start: where its number is, and where its text begins after the marking. */
    record Start(int offset, int number, String marking, int textStart) {}

    private ParagraphParser() {}

    /** The paragraph starts of {@code lines} from line {@code fromLine} on. */
    static List<Start> starts(Lines lines, int fromLine) {
        List<Start> starts = new ArrayList<>();
        String text = lines.text();
        InLineCandidates candidates = new InLineCandidates(text);
        Matcher m = IN_LINE.matcher(text);
        int last = 0;
        for (int i = fromLine; i < lines.count(); i++) {
            int from = lines.start(i);
            int end = lines.end(i);
            if (end - from < 2) {
                continue;
            }
            Start start = atLineStart(lines, i, last);
            int scanFrom = from;
            if (start != null) {
                starts.add(start);
                last = start.number();
                scanFrom = start.textStart();
            }
            // Only lines long enough to hold two paragraphs are searched inside (run-together paragraphs).
            if (end - scanFrom > 40) {
                for (int at = candidates.next(scanFrom, end, last + 1); at >= 0;
                        at = candidates.next(at + 1, end, last + 1)) {
                    m.region(at, end);
                    if (!m.lookingAt()) {
                        continue;
                    }
                    int number = parseNumber(m.group(1));
                    if (number != last + 1) {
                        continue;
                    }
                    Start inLine = marked(text, m.start(1), number, m.end(), end);
                    if (inLine == null) {
                        // Unmarked: only a capital letter after it, as in "End Summary. 2. GOCR recently ...".
                        if (number < 2 || !Texts.isUpperLetter(charAt(text, m.end()))) {
                            continue;
                        }
                        inLine = new Start(m.start(1), number, "", m.end());
                    }
                    starts.add(inLine);
                    last = number;
                }
            }
        }
        return starts;
    }

    private static boolean endsWithWrappingWord(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '.') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
            start--;
        }
        int length = end - start;
        return length >= 2 && length <= 10 && WRAPPING_WORDS.contains(line.substring(start, end).toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Where a paragraph number may be written inside a line: its digits (or a ¶ before them) with a sentence end and
     * 1-4 blanks before. Only the next number in sequence counts, so its digits are looked for with indexOf
     * (vectorised) over the rest of the body, rather than by testing every character of every line.
     */
    private static final class InLineCandidates {
        private final String text;
        /** Where the digits of the number last asked for occur. */
        private Occurrence digits;

        InLineCandidates(String text) {
            this.text = text;
        }

        /** The next place in {@code [from, end)} where paragraph {@code number} may be written, or -1. */
        int next(int from, int end, int number) {
            if (number > MAX_IN_LINE) {
                return -1;
            }
            if (digits == null || !digits.word().equals(DIGITS[number])) {
                digits = new Occurrence(text, DIGITS[number]);
            }
            int length = digits.word().length();
            int lowest = Math.max(from, 2);
            for (int at = digits.next(lowest); at >= 0 && at + length <= end; at = digits.next(at + 1)) {
                // The whole run of digits must read as the number: "112" and "2012" hold "12" but are not paragraph
                // 12; "012" is.
                int runStart = at;
                while (runStart > 0 && text.charAt(runStart - 1) == '0') {
                    runStart--;
                }
                int runEnd = at + length;
                if (runStart > 0 && Texts.isDigit(text.charAt(runStart - 1))
                        || runEnd < end && Texts.isDigit(text.charAt(runEnd)) || runEnd - runStart > 3) {
                    continue;
                }
                int candidate = runStart > 0 && text.charAt(runStart - 1) == '\u00b6' ? runStart - 1 : runStart;
                if (candidate >= lowest && afterSentence(text, candidate)) {
                    return candidate;
                }
            }
            return -1;
        }
    }

    /** Whether a sentence end and 1-4 blanks come just before {@code i}. */
    private static boolean afterSentence(String text, int i) {
        int j = i - 1;
        int blanks = 0;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t') && blanks < 5) {
            j--;
            blanks++;
        }
        return blanks >= 1 && blanks <= 4 && j >= 0 && ".!?\"')]:;".indexOf(text.charAt(j)) >= 0;
    }

    /** Whether line {@code line} starts a paragraph after paragraph {@code last} (the preamble asks with 0). */
    static Start atLineStart(Lines lines, int line, int last) {
        String text = lines.text();
        int from = lines.start(line);
        int end = lines.end(line);
        int digits = digitsAtLineStart(text, from, end);
        if (digits < 0) {
            return null;
        }
        int numberEnd = numberEnd(text, digits, end);
        if (numberEnd < 0) {
            return null;
        }
        int number = parseNumber(text, digits, numberEnd - 1);
        if (number < 1 || number > MAX_NUMBER) {
            return null;
        }
        Start marked = marked(text, digits, number, numberEnd, end);
        if (marked != null) {
            return marked;
        }
        if (text.charAt(numberEnd - 1) == ',') {
            return null;
        }
        int textStart = skipBlanks(text, numberEnd, end);
        if (textStart >= end && number > last + 1) {
            return null;
        }
        // "... Iceland in a follow-up session April\n27. He said" (06REYKJAVIK150): a date wrapped, not paragraph 27.
        String previous = line > 0 && !lines.isBlank(line - 1) ? lines.line(line - 1).strip() : "";
        if (endsWithWrappingWord(previous)) {
            return null;
        }
        if (number > last + MAX_JUMP && !(last == 0 && number <= MAX_JUMP)) {
            // A jump is a paragraph only where a paragraph can start: after a blank line or a finished sentence, as
            // the quoted SIR paragraphs 42-47 of 09UNVIEVIENNA218 and the restarted list of 05BRASILIA1714.
            boolean afterBreak = previous.isEmpty() || ENDS_SENTENCE.matcher(previous).find();
            boolean capital = textStart < end && (Texts.isUpperLetter(text.charAt(textStart)) || text.charAt(textStart) == '(');
            if (!afterBreak || !capital) {
                return null;
            }
        }
        return new Start(digits, number, "", textStart);
    }

    /**
     * Where the digits of a number opening {@code [from, end)} start, after blanks and a ¶, or -1: the form
     * {@code [ \t\u00a0]*\u00b6?[ \t]*\d}, read by hand as it is asked of every line of every body.
     */
    private static int digitsAtLineStart(String text, int from, int end) {
        int i = from;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0')) {
            i++;
        }
        if (i < end && text.charAt(i) == '\u00b6') {
            i++;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
        }
        return i < end && Texts.isDigit(text.charAt(i)) ? i : -1;
    }

    /**
     * The end of a paragraph number whose digits start at {@code digits}, after its full stop (not a decimal point) or
     * its comma (only before a marking: {@code 12, (C)} in 08MOSCOW1647); -1 if it is none: at most three digits.
     */
    private static int numberEnd(String text, int digits, int end) {
        int i = digits;
        while (i < end && Texts.isDigit(text.charAt(i))) {
            i++;
        }
        if (i - digits > 3 || i >= end) {
            return -1;
        }
        if (text.charAt(i) == '.') {
            return i + 1 < end && Texts.isDigit(text.charAt(i + 1)) ? -1 : i + 1;
        }
        if (text.charAt(i) == ',') {
            int j = i + 1;
            while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j < end && text.charAt(j) == '(' ? i + 1 : -1;
        }
        return -1;
    }

    /** The start with its marking if a marking follows the number at {@code after}; else null. */
    private static Start marked(String text, int offset, int number, int after, int end) {
        int i = skipBlanks(text, after, end);
        if (i < end && text.charAt(i) == '(') {
            int close = text.indexOf(')', i);
            if (close > i && close - i <= 40 && close < end) {
                String marking = marking(text.substring(i + 1, close));
                if (marking != null) {
                    return new Start(offset, number, marking, skipBlanks(text, close + 1, end));
                }
            }
            return null;
        }
        if (i >= end || !isBareMarkingLetter(text.charAt(i))) {
            return null;
        }
        Matcher bare = BARE_MARKING.matcher(text).region(i, end);
        if (bare.lookingAt()) {
            String word = bare.group(1);
            String marking = switch (word) {
                case "UNCLASSIFIED" -> "U";
                case "CONFIDENTIAL" -> "C";
                case "SECRET" -> "S";
                default -> word;
            };
            return new Start(offset, number, marking, skipBlanks(text, bare.end(), end));
        }
        return null;
    }

    /** The marking that the text in brackets is, normalised, or null if it is none. */
    private static String marking(String inBrackets) {
        String common = COMMON_MARKINGS.get(inBrackets);
        if (common != null) {
            return common;
        }
        Matcher m = MARKING.matcher(inBrackets);
        return m.matches() ? normalise(m.group(1)) : null;
    }

    /** The markings most paragraphs carry, read once by {@link #MARKING}: a regex match a paragraph cost more. */
    private static Map<String, String> commonMarkings() {
        Map<String, String> out = new HashMap<>();
        for (String written : List.of("C", "S", "U", "SBU", "S/NF", "C/NF", "S//NF", "C//NF", "U//FOUO", "SBU/NF",
                "TS", "S/NOFORN", "C/NOFORN", "S//NOFORN")) {
            Matcher m = MARKING.matcher(written);
            if (m.matches()) {
                out.put(written, normalise(m.group(1)));
            }
        }
        return Map.copyOf(out);
    }

    /** The first letter of every {@link #BARE_MARKING}. */
    private static boolean isBareMarkingLetter(char c) {
        return c == 'U' || c == 'C' || c == 'S';
    }

    /** Builds the paragraphs: each runs to the next start, without headings, page breaks and the signature. */
    static List<Paragraph> paragraphs(Lines lines, List<Start> starts, int bodyEnd, Issues issues) {
        List<Paragraph> out = new ArrayList<>(starts.size());
        int previous = 0;
        for (int k = 0; k < starts.size(); k++) {
            Start s = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1).offset() : bodyEnd;
            if (end < s.textStart()) {
                end = s.textStart();
            }
            String text = Layout.cleanText(lines, s.textStart(), end);
            out.add(new Paragraph(s.number(), s.marking(), text, s.offset()));
            if (s.number() != previous + 1) {
                issues.add(ParseIssue.Kind.PARAGRAPHS, "paragraph " + s.number() + " follows paragraph " + previous,
                        s.offset());
            }
            previous = s.number();
        }
        return out;
    }

    private static String normalise(String marking) {
        StringBuilder sb = new StringBuilder(marking.length());
        for (int i = 0; i < marking.length(); i++) {
            char c = marking.charAt(i);
            if (c == '/' ) {
                // "S / NF" → "S/NF"
                while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                    sb.setLength(sb.length() - 1);
                }
                sb.append('/');
                while (i + 1 < marking.length() && (marking.charAt(i + 1) == ' ' || marking.charAt(i + 1) == '\t')) {
                    i++;
                }
            } else if (c == '\t') {
                sb.append(' ');
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString().strip();
    }

    private static int skipBlanks(String text, int i, int end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0')) {
            i++;
        }
        return i;
    }

    private static char charAt(String text, int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static int parseNumber(String digits) {
        return parseNumber(digits, 0, digits.length());
    }

    private static int parseNumber(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }

    private static String[] digitStrings() {
        String[] out = new String[MAX_IN_LINE + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.toString(i);
        }
        return out;
    }
}
