package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
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
    /** Number at a line start; a comma only before a marking ({@code 12, (C)} in 08MOSCOW1647). */
    private static final Pattern LINE_START = Pattern.compile(
            "[ \\t\\u00a0]*\\u00b6?[ \\t]*(\\d{1,3})(?:\\.(?!\\d)|,(?=[ \\t]*\\())");
    /**
     * Number inside a line, tried only where the end of a sentence and 1-4 blanks come before it (found by a plain scan:
     * a leading look-behind made the regex try every character and cost a millisecond a cable):
     * {@code ... region. 12, (C) Equipment}.
     */
    private static final Pattern IN_LINE = Pattern.compile(
            "\\u00b6?(\\d{1,3})(?:\\.(?!\\d)|,(?=[ \\t]*\\())[ \\t]*(?=\\(|[A-Z])");
    /** One matcher a thread, reset for every line: a new Matcher a line cost as much as the match. */
    private static final ThreadLocal<Matcher> LINE_START_MATCHER = ThreadLocal.withInitial(() -> LINE_START.matcher(""));
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

    /** A paragraph start: where its number is, and where its text begins after the marking. */
    record Start(int offset, int number, String marking, int textStart) {}

    private ParagraphParser() {}

    /** The paragraph starts of {@code lines} from line {@code fromLine} on. */
    static List<Start> starts(Lines lines, int fromLine) {
        List<Start> starts = new ArrayList<>();
        String text = lines.text();
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
                Matcher m = IN_LINE.matcher(text);
                for (int at = nextCandidate(text, scanFrom, end); at >= 0; at = nextCandidate(text, at + 1, end)) {
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

    /** The next digit (or ¶) in {@code [from, end)} with a sentence end and 1-4 blanks before it, or -1. */
    private static int nextCandidate(String text, int from, int end) {
        for (int i = Math.max(from, 2); i < end; i++) {
            char c = text.charAt(i);
            if (!(Texts.isDigit(c) || c == '\u00b6')) {
                continue;
            }
            int j = i - 1;
            int blanks = 0;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t') && blanks < 5) {
                j--;
                blanks++;
            }
            if (blanks >= 1 && blanks <= 4 && j >= 0 && ".!?\"')]:;".indexOf(text.charAt(j)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether line {@code line} starts a paragraph after paragraph {@code last} (the preamble asks with 0). */
    static Start atLineStart(Lines lines, int line, int last) {
        String text = lines.text();
        int from = lines.start(line);
        int end = lines.end(line);
        Matcher m = LINE_START_MATCHER.get().reset(text).region(from, end);
        if (!m.lookingAt()) {
            return null;
        }
        int number = parseNumber(m.group(1));
        if (number < 1 || number > MAX_NUMBER) {
            return null;
        }
        Start marked = marked(text, m.start(1), number, m.end(), end);
        if (marked != null) {
            return marked;
        }
        if (text.charAt(m.end() - 1) == ',') {
            return null;
        }
        int textStart = skipBlanks(text, m.end(), end);
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
        return new Start(m.start(1), number, "", textStart);
    }

    /** The start with its marking if a marking follows the number at {@code after}; else null. */
    private static Start marked(String text, int offset, int number, int after, int end) {
        int i = skipBlanks(text, after, end);
        if (i < end && text.charAt(i) == '(') {
            int close = text.indexOf(')', i);
            if (close > i && close - i <= 40 && close < end) {
                Matcher m = MARKING.matcher(text).region(i + 1, close);
                if (m.matches()) {
                    int textStart = skipBlanks(text, close + 1, end);
                    return new Start(offset, number, normalise(m.group(1)), textStart);
                }
            }
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
            String text = Sections.cleanText(lines, s.textStart(), end);
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
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + (digits.charAt(i) - '0');
        }
        return n;
    }
}
