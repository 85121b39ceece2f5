package org.cablegate.core.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the body after the preamble that are not paragraphs: summary, comment, signer, and the cleaning of
 * paragraph text (section headings, page breaks and section markers are layout, not text).
 */
final class Sections {
    /**
     * "Summary:", "SUMMARY" over a rule, "------- SUMMARY -------", "Summary/Comment:", "SUMMARY AND TABLE OF
     * CONTENTS", "Summary and comment:".
     */
    private static final Pattern SUMMARY_START = Pattern.compile(
            "(?i)SUMM?AR?Y(?:[ \\t]*/[ \\t]*COMMENTS?|\\s+AND\\s+(?:COMMENTS?|ACTION\\s+REQUEST(?:ED)?|RECOMMENDATIONS?"
                    + "|TABLE\\s+OF\\s+CONTENTS))?[ \\t]*(?:[:.\\-]+|(?=[ \\t]*(?:\\n|$)))");
    /** How many paragraphs a summary without a heading may span before its "End summary". */
    private static final int MAX_UNHEADED_PARAGRAPHS = 3;
    /** "End summary", also misspelt "END SUMMAY". */
    private static final Pattern SUMMARY_END = Pattern.compile("(?i)\\bEND\\s+(?:OF\\s+)?SUMM?AR?Y\\b[ \\t]*[.:]?");
    private static final Pattern COMMENT_START = Pattern.compile(
            "(?i)COMMENTS?[ \\t]*(?:[:.\\-]+|(?=[ \\t]*(?:\\n|$)))");
    private static final Pattern COMMENT_END = Pattern.compile("(?i)\\bEND\\s+(?:OF\\s+)?COMMENTS?\\b[ \\t]*[.:]?");
    /** How far an "End summary" may be from its start. */
    private static final int MAX_SECTION = 15000;

    /** {@code PAGE 02 ROME 01196 02 OF 02 082031Z}: a page break of a teletype copy (02ROME1196). */
    private static final Pattern PAGE = Pattern.compile("PAGE\\s+\\d{2,3}\\s.*");
    /**
     * The numbers of a page's section marker, {@code MOSCOW 00001051 002 OF 003} / {@code PARIS 00002069 001.2 OF 002};
     * the station before them is found by the station list (a regex of "up to four capital words" also ate the end of
     * the subject "... REACTION TO QADHAFI AT UNGA TRIPOLI 00000762 001.2 OF 002" of 09TRIPOLI762).
     */
    private static final Pattern MARKER_NUMBERS = Pattern.compile("\\b\\d{8} +\\d{3}(?:\\.\\d)? +OF +\\d{3}\\b");
    /** The digits of a marker's serial, {@code 00001051}. */
    private static final int MARKER_SERIAL = 8;
    private static final int MAX_STATION_WORDS = 4;
    private static final Pattern CLASSIFICATION_LINE = Pattern.compile(
            "(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SENSITIVE)(?:\\s+PTQ\\d+)?|NNNN|BT");
    /** Lines after the signature that are not cable text: NNNN, CABLE ENDS, 2003ROME05149 - Classification: ... */
    private static final Pattern TRAILER = Pattern.compile(
            "[\\p{Punct}\\s\\u00b6]*|NNNN(?:\\s.*)?|BT|=+.*CABLE ENDS.*|\\*{5,}.*|>?\\s*\\d{4}[A-Z]+\\d+ - .*|#\\d+|"
                    + "(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\\s*//?\\s*NOFORN)?|GP-\\d|PAGE\\s+\\d{2,3}\\s.*\\d{6}Z");
    /**
     * The end marks run onto the signer's line of a re-flowed body: {@code HALL NNNN 2004ROME02926 - Classification:
     * CONFIDENTIAL "} (04ROME2926); a backslash continuation {@code URBAN \} (06BERN1280); a stray quote of the CSV
     * {@code MULFORD "} (06NEWDELHI4100).
     */
    private static final Pattern LINE_TRAILER = Pattern.compile(
            "(?:\\s+NNNN\\b.*|\\s+\\d{4}[A-Z]+\\d+ - .*|[\\s\\\\\"]+)$");
    private static final Pattern NAME = Pattern.compile(
            "(?:(?:de|van|von|da|del|la|al|bin)[ \\t]+)?"
                    + "[A-Z][A-Za-z'\\-]*\\.?(?:[ \\t]+(?:[A-Z][A-Za-z'\\-]*\\.?|de|van|von|da|del|la|al|bin)){0,3}");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i).*\\b(?:END|SUMMARY|COMMENT|TEXT|SIPDIS|NOFORN|UNCLAS\\w*|CONFIDENTIAL|SECRET|SENSITIVE|NOTE|"
                    + "MESSAGE|CABLE|BEGIN|REF|TAGS|SUBJECT|AND|THE|FOR|OF|TO|NNNN|AMEMBASSY|AMCONSUL|IMMEDIATE|PRIORITY|"
                    + "ROUTINE)\\b.*");
    private static final int MAX_SIGNER = 40;

    private Sections() {}

    /** A section found in the body: its text, and where it starts. */
    record Found(String text, int offset) {}

    /** The summary: "Summary. … End summary.", "1. (C) SUMMARY: …", "BEGIN SUMMARY … END SUMMARY", a "Summary" heading. */
    static Found summary(Lines lines, FoldedText folded, List<ParagraphParser.Start> starts, int from, int bodyEnd) {
        Found found = find(lines, folded, starts, from, bodyEnd, SUMMARY_START, "sum", SUMMARY_END, false);
        return found != null ? found : unheadedSummary(lines, folded, starts, from, bodyEnd);
    }

    /**
     * A summary without a heading: the first paragraphs up to an "End summary" (933 cables end one so, e.g.
     * 04MADRID527 "... it is Rajoy's race to lose. End Summary."), without the paragraph's number and marking.
     */
    private static Found unheadedSummary(Lines lines, FoldedText folded, List<ParagraphParser.Start> starts, int from,
            int bodyEnd) {
        String text = lines.text();
        int limit = Math.min(bodyEnd, from + MAX_SECTION);
        int end = endMarker(text, folded, from, limit, SUMMARY_END);
        if (end < 0) {
            return null;
        }
        int start = from;
        int paragraphs = 0;
        ParagraphParser.Start first = null;
        ParagraphParser.Start containing = null;
        for (ParagraphParser.Start p : starts) {
            if (p.offset() < from) {
                continue;
            }
            if (p.textStart() > end) {
                break;
            }
            if (first == null) {
                first = p;
            }
            containing = p;
            paragraphs++;
        }
        if (containing != null) {
            start = paragraphs <= MAX_UNHEADED_PARAGRAPHS ? first.textStart() : containing.textStart();
        }
        if (end <= start) {
            return null;
        }
        String found = Texts.stripLeading(Texts.stripTrailing(cleanText(lines, start, end), "(-"), ":.-").strip();
        return found.isEmpty() ? null : new Found(found, start);
    }

    /** The comment: "COMMENT: … END COMMENT.", a paragraph that opens with "Comment", or a "Comment" heading. */
    static Found comment(Lines lines, FoldedText folded, List<ParagraphParser.Start> starts, int from, int bodyEnd) {
        return find(lines, folded, starts, from, bodyEnd, COMMENT_START, "comment", COMMENT_END, true);
    }

    /**
     * The first section opened by {@code keyword}; with {@code preferStart}, one at a line or paragraph start wins over
     * an earlier one inside a sentence ("(Comment: ...)" notes come before the closing comment paragraph).
     */
    private static Found find(Lines lines, FoldedText folded, List<ParagraphParser.Start> starts, int from, int bodyEnd,
            Pattern start, String keyword, Pattern end, boolean preferStart) {
        String text = lines.text();
        if (from >= bodyEnd) {
            return null;
        }
        Matcher m = start.matcher(text);
        // indexOf on the folded text finds the keyword; the regex only confirms it there (a case-insensitive find()
        // over the whole body tried every character).
        int inSentence = -1;
        for (int at = folded.indexOf(keyword, from, bodyEnd); at >= 0; at = folded.indexOf(keyword, at + 1, bodyEnd)) {
            // Inside a word ("consumer", "recommend") first: a regex match costs more than this test.
            if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)) || !m.region(at, bodyEnd).lookingAt()) {
                continue;
            }
            int position = position(text, m.start(), starts);
            if (position == NOT_A_SECTION) {
                continue;
            }
            if (preferStart && position == AFTER_SENTENCE) {
                if (inSentence < 0) {
                    inSentence = at;
                }
                continue;
            }
            Found found = section(lines, folded, starts, m, bodyEnd, end);
            if (found != null) {
                return found;
            }
        }
        if (inSentence >= 0) {
            m.region(inSentence, bodyEnd);
            if (m.lookingAt()) {
                return section(lines, folded, starts, m, bodyEnd, end);
            }
        }
        return null;
    }

    /** The section whose keyword {@code m} matched: to its end marker, or to the end of its paragraph. */
    private static Found section(Lines lines, FoldedText folded, List<ParagraphParser.Start> starts, Matcher m,
            int bodyEnd, Pattern end) {
        String text = lines.text();
        int keyword = m.start();
        int textStart = m.end();
        if (restOfLineIsLayout(text, textStart)) {
            // "-- Summary --" / "Comment -------" heading: the section is what follows (06TOKYO1592, 08MOSCOW1647).
            ParagraphParser.Start next = nextStart(starts, textStart);
            if (next == null) {
                return null;
            }
            textStart = next.textStart();
            // "SUMMARY" over a rule, then "1. (C) SUMMARY: Segolene Royal's ..." (06PARIS7424): the keyword once more.
            if (m.region(textStart, Math.min(bodyEnd, text.length())).lookingAt() && !restOfLineIsLayout(text, m.end())) {
                textStart = m.end();
            }
        }
        int sectionEnd = endMarker(text, folded, textStart, Math.min(bodyEnd, textStart + MAX_SECTION), end);
        if (sectionEnd < 0) {
            ParagraphParser.Start next = nextStart(starts, textStart + 1);
            sectionEnd = next == null ? bodyEnd : next.offset();
        }
        if (sectionEnd <= textStart) {
            return null;
        }
        String found = Texts.stripTrailing(cleanText(lines, textStart, sectionEnd), "(-");
        found = Texts.stripLeading(found, ":.-");
        return found.isEmpty() ? null : new Found(found, keyword);
    }

    /** The first "End summary" / "End comment" in {@code [from, limit)}, or -1. */
    private static int endMarker(String text, FoldedText folded, int from, int limit, Pattern end) {
        Matcher e = end.matcher(text);
        for (int x = folded.indexOf("end", from, limit); x >= 0; x = folded.indexOf("end", x + 1, limit)) {
            // "spend", "attend", "endorse": the letter test first, the regex only at a word start.
            if ((x == 0 || !Character.isLetterOrDigit(text.charAt(x - 1))) && e.region(x, limit).lookingAt()) {
                return x;
            }
        }
        return -1;
    }

    private static final int NOT_A_SECTION = 0;
    private static final int AT_START = 1;
    private static final int AFTER_SENTENCE = 2;

    /** Whether a keyword at {@code i} opens a section: at a line or paragraph start, or after a sentence. */
    private static int position(String text, int i, List<ParagraphParser.Start> starts) {
        // "End\ncomment.)" wrapped (06LAPAZ906): the end of a section, not a start.
        int w = i;
        while (w > 0 && Character.isWhitespace(text.charAt(w - 1))) {
            w--;
        }
        if (w >= 3 && text.regionMatches(true, w - 3, "END", 0, 3) && (w == 3 || !Character.isLetter(text.charAt(w - 4)))) {
            return NOT_A_SECTION;
        }
        int j = i;
        boolean bracket = false;
        while (j > 0) {
            char c = text.charAt(j - 1);
            if (c == ' ' || c == '\t' || c == '-' || c == '(' || c == '\u00a0' || c == '\u00b6') {
                bracket |= c == '(';
                j--;
            } else {
                break;
            }
        }
        if (bracket) {
            // "(Comment: ... End comment.)" is a note inside the text, even at a line start (06LAPAZ906).
            return AFTER_SENTENCE;
        }
        if (j >= 5 && text.regionMatches(true, j - 5, "BEGIN", 0, 5)) {
            // "BEGIN SUMMARY" (72TEHRAN1164)
            j -= 5;
            while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t' || text.charAt(j - 1) == '(')) {
                j--;
            }
        }
        if (j == 0 || text.charAt(j - 1) == '\n') {
            return AT_START;
        }
        for (ParagraphParser.Start s : starts) {
            if (s.textStart() == j || s.textStart() == i) {
                return AT_START;
            }
            if (s.offset() > i) {
                break;
            }
        }
        char before = text.charAt(j - 1);
        if (before == ')' && j >= 2) {
            // "1. (C) Summary" when the marking was not recognised as one: treat the bracket as a marking's end.
            return AT_START;
        }
        return before == '.' || before == '!' || before == '?' || before == ':' || before == '"' ? AFTER_SENTENCE
                : NOT_A_SECTION;
    }

    private static boolean restOfLineIsLayout(String text, int i) {
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!(c == ' ' || c == '\t' || c == '-' || c == '=' || c == '\r')) {
                return false;
            }
        }
        return true;
    }

    private static ParagraphParser.Start nextStart(List<ParagraphParser.Start> starts, int offset) {
        for (ParagraphParser.Start s : starts) {
            if (s.offset() >= offset) {
                return s;
            }
        }
        return null;
    }

    /**
     * The text of {@code [from, to)} collapsed, without layout lines inside it (dash-framed headings, page breaks,
     * classification lines of teletype copies) and without section markers or a trailing heading.
     */
    static String cleanText(Lines lines, int from, int to) {
        if (to <= from) {
            return "";
        }
        int first = lines.lineOf(from);
        int last = lines.lineOf(to - 1);
        String collapsed = lines.isLatin1(from, to) ? collapseLatin1(lines, lines.bytes(), from, to, first, last)
                : removeSectionMarkers(collapseChars(lines, from, to, first, last));
        return stripTrailingHeading(collapsed);
    }

    /**
     * The lines {@code first..last} within {@code [from, to)}, without layout lines, collapsed eight bytes at a time,
     * and without section markers.
     */
    private static String collapseLatin1(Lines lines, byte[] text, int from, int to, int first, int last) {
        byte[] out = Latin1Bytes.scratch(to - from + last - first + 2 + Long.BYTES);
        int n = 0;
        // Runs of lines between layout lines are collapsed in one call: the line breaks in them are white space.
        int runStart = from;
        for (int i = first + 1; i <= last; i++) {
            if (isLayout(lines, i)) {
                n = collapseRun(text, runStart, lines.end(i - 1), out, n);
                runStart = i < last ? lines.start(i + 1) : to;
            }
        }
        n = collapseRun(text, runStart, Math.min(to, lines.end(last)), out, n);
        if (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        String collapsed = new String(out, 0, n, StandardCharsets.ISO_8859_1);
        // A marker holds eight digits: most paragraphs have none, which the bytes tell sooner than the String.
        return Latin1Bytes.hasDigitRun(out, n, MARKER_SERIAL) ? removeSectionMarkers(collapsed) : collapsed;
    }

    private static int collapseRun(byte[] text, int from, int to, byte[] out, int n) {
        return from < to ? Latin1Bytes.collapse(text, from, to, out, n, true) : n;
    }

    /** {@link #collapseLatin1} for text that is not Latin-1. */
    private static String collapseChars(Lines lines, int from, int to, int first, int last) {
        String text = lines.text();
        // Each line is copied in bulk (getChars is an intrinsic) and collapsed in place in the array.
        // Each line goes one place after the write position, leaving room for the space that joins it to the last.
        char[] out = new char[to - from + last - first + 2];
        int n = 0;
        for (int i = first; i <= last; i++) {
            int s = Math.max(from, lines.start(i));
            int e = Math.min(to, lines.end(i));
            if (s >= e || i != first && isLayout(lines, i)) {
                continue;
            }
            int lineStart = n + 1;
            text.getChars(s, e, out, lineStart);
            n = Texts.collapseInPlace(out, n, true, lineStart, lineStart + (e - s));
        }
        return new String(out, 0, Texts.withoutTrailingSpace(out, n));
    }

    /**
     * A page header of a teletype copy run into collapsed text, with the classification line before it:
     * {@code CONFIDENTIAL PAGE 02 HARARE 05461 01 OF 02 271458Z} (00HARARE5461).
     */
    private static final Pattern PAGE_HEADER = Pattern.compile(
            "(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\\s+)?PAGE\\s+\\d{2,3}\\s+[A-Z][A-Z ]*?\\s+\\d{2,8}"
                    + "(?:\\s+\\d{2}\\s+OF\\s+\\d{2})?\\s+\\d{6}Z");

    /** Collapsed text without the page headers run into it, collapsed again where one was. */
    static String removePageHeaders(String collapsed) {
        if (!collapsed.contains("PAGE ")) {
            return collapsed;
        }
        return Texts.collapse(PAGE_HEADER.matcher(collapsed).replaceAll(" "));
    }

    /** Collapsed text without the section markers of pages ({@code MOSCOW 00001051 002 OF 003}). */
    static String removeSectionMarkers(String collapsed) {
        if (Texts.nextDigitRun(collapsed, 0, MARKER_SERIAL) < 0) {
            return collapsed;
        }
        Matcher m = markerMatcher(collapsed);
        char[] out = null;
        int n = 0;
        int copied = 0;
        for (int at = nextMarker(collapsed, 0, m); at >= 0; at = nextMarker(collapsed, m.end(), m)) {
            if (out == null) {
                out = new char[collapsed.length()];
            }
            int start = markerStart(collapsed, at);
            collapsed.getChars(copied, start, out, n);
            n += start - copied;
            copied = m.end();
        }
        if (out == null) {
            return collapsed;
        }
        collapsed.getChars(copied, collapsed.length(), out, n);
        n += collapsed.length() - copied;
        // The text around a marker keeps its spaces on both sides: collapsed once more.
        return new String(out, 0, Texts.withoutTrailingSpace(out, Texts.collapseInPlace(out, 0, false, 0, n)));
    }

    /** Where the first section marker of collapsed text starts (its station included), or -1. */
    static int firstSectionMarker(String collapsed) {
        if (Texts.nextDigitRun(collapsed, 0, MARKER_SERIAL) < 0) {
            return -1;
        }
        Matcher m = markerMatcher(collapsed);
        int at = nextMarker(collapsed, 0, m);
        return at >= 0 ? markerStart(collapsed, at) : -1;
    }

    private static Matcher markerMatcher(String text) {
        // Transparent bounds: the leading \b looks at the character before the region, as find() over the text did.
        return MARKER_NUMBERS.matcher(text).useTransparentBounds(true);
    }

    /**
     * The next marker's numbers at or after {@code from}, left matched in {@code m}, or -1: what {@code m.find(from)}
     * finds, but tried only where a run of eight digits starts (find() tested a word boundary at every character).
     */
    private static int nextMarker(String text, int from, Matcher m) {
        for (int run = Texts.nextDigitRun(text, from, MARKER_SERIAL); run >= 0;
                run = Texts.nextDigitRun(text, run + MARKER_SERIAL, MARKER_SERIAL)) {
            if (m.region(run, text.length()).lookingAt()) {
                return run;
            }
        }
        return -1;
    }

    /** The start of the station words before the marker numbers at {@code numbers}: the longest run that is a station. */
    private static int markerStart(String text, int numbers) {
        int best = numbers;
        int wordStart = numbers;
        for (int words = 1; words <= MAX_STATION_WORDS; words++) {
            int end = wordStart - 1; // the space before
            if (end <= 0 || text.charAt(end) != ' ') {
                break;
            }
            int start = text.lastIndexOf(' ', end - 1) + 1;
            wordStart = start;
            if (ReferenceIds.standard().station(text.substring(start, numbers)).isPresent()) {
                best = start;
            }
        }
        return best;
    }

    /** Headings, dash rules, page breaks and classification lines. */
    static boolean isLayout(Lines lines, int i) {
        String text = lines.text();
        int s = lines.start(i);
        int e = lines.end(i);
        while (s < e && Texts.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Texts.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s == e) {
            return false;
        }
        char first = text.charAt(s);
        char last = text.charAt(e - 1);
        int length = e - s;
        // Cheap character tests first: this runs for every line of every paragraph.
        if (last == '-' || last == '=' || last == '_' || first == '-') {
            String line = text.substring(s, e);
            if (isRule(line) || line.endsWith("---") || line.startsWith("--") && line.endsWith("--")) {
                return true;
            }
        }
        if (length <= 40 && Texts.isUpperLetter(first)) {
            if (mayBePageOrClassification(text, s) && isPageOrClassification(text.substring(s, e))) {
                return true;
            }
        } else if (first == 'P' && text.startsWith("PAGE ", s) && PAGE.matcher(text.substring(s, e)).matches()) {
            return true;
        }
        if (length <= 80) {
            // A heading over a rule: "Three Skeptics \n--------------" (09MOSCOW1051). The rule must follow at once and
            // the line stand apart from the text before it: the last line of a paragraph, then a blank line, then a
            // framed heading (06LAPAZ906) is text.
            int next = i + 1;
            if (next < lines.count() && isRuleLine(text, lines.start(next), lines.end(next))
                    && (i == 0 || lines.isBlank(i - 1) || isRuleLine(text, lines.start(i - 1), lines.end(i - 1)))) {
                return true;
            }
            return Texts.isDigit(last) && Texts.hasDigitRun(text, s, e, MARKER_SERIAL)
                    && isSectionMarker(text.substring(s, e));
        }
        return false;
    }

    /** Whether a line at {@code s} starts as a page break or a classification line can: most short lines do not. */
    private static boolean mayBePageOrClassification(String text, int s) {
        return switch (text.charAt(s)) {
            case 'P' -> text.startsWith("PAGE", s);
            case 'U' -> text.startsWith("UNCLASSIFIED", s);
            case 'C' -> text.startsWith("CONFIDENTIAL", s);
            case 'S' -> text.startsWith("SECRET", s) || text.startsWith("SENSITIVE", s);
            case 'L' -> text.startsWith("LIMITED OFFICIAL USE", s);
            case 'N' -> text.startsWith("NNNN", s);
            case 'B' -> text.startsWith("BT", s);
            default -> false;
        };
    }

    private static boolean isPageOrClassification(String line) {
        return PAGE.matcher(line).matches() || CLASSIFICATION_LINE.matcher(line).matches();
    }

    /** Whether {@code text[from, to)} is a rule of dashes, without copying it. */
    private static boolean isRuleLine(String text, int from, int to) {
        int dashes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '=' || c == '_') {
                dashes++;
            } else if (!Texts.isWhitespace(c)) {
                return false;
            }
        }
        return dashes >= 3;
    }

    /** A line that is only a section marker: {@code PRETORIA 00000939 001.2 OF 003}. */
    static boolean isSectionMarker(String line) {
        if (Texts.nextDigitRun(line, 0, MARKER_SERIAL) < 0) {
            return false;
        }
        Matcher m = markerMatcher(line);
        int at = nextMarker(line, 0, m);
        return at >= 0 && m.end() == line.length() && markerStart(line, at) == 0;
    }

    /** A rule of dashes, or a line ending in one: {@code Core Group Issues -----}. */
    static boolean isRuleOrHeading(String line) {
        return isRule(line) || line.endsWith("---");
    }

    private static boolean isRule(String line) {
        if (line.length() < 3) {
            return false;
        }
        int dashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-' || c == '=' || c == '_') {
                dashes++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return dashes >= 3;
    }

    /** "... End summary. -------------- TRADE SUMMARY --------------" (09MANAMA646): the heading of the next part goes. */
    static String stripTrailingHeading(String text) {
        String t = text;
        for (int guard = 0; guard < 6 && t.endsWith("---"); guard++) {
            int k = t.length();
            while (k > 0 && (t.charAt(k - 1) == '-' || t.charAt(k - 1) == ' ')) {
                k--;
            }
            int previousRule = t.lastIndexOf("---", k - 1);
            int j = previousRule >= 0 ? previousRule + 3 : 0;
            for (int x = k - 1; x >= j; x--) {
                char c = t.charAt(x);
                if (c == '.' || c == '!' || c == '?' || c == ';' || c == ')' || c == '"') {
                    j = x + 1;
                    break;
                }
            }
            if (k - j > 100) {
                t = t.substring(0, k);
                break;
            }
            t = t.substring(0, j).strip();
        }
        return t;
    }

    /** The signer and where the signature starts (the end of the last paragraph), or the body's end. */
    record Signer(String name, int offset) {}

    static Signer signer(Lines lines, int from) {
        String text = lines.text();
        int i = lines.count() - 1;
        // "BERRY" / "NNNN" / then the header of a second copy, "O 161036Z DEC 04" ... "AMEMBASSY TUNIS IMMEDIATE"
        // (04TRIPOLI31): the cable ends at its end of message.
        int endOfMessage = text.indexOf("\nNNNN", Math.min(from, text.length()));
        if (endOfMessage >= 0) {
            int line = lines.lineOf(endOfMessage + 1);
            if (lines.line(line).strip().equals("NNNN")) {
                i = line;
            }
        }
        while (i >= 0 && lines.start(i) >= from && (lines.isBlank(i) || TRAILER.matcher(lines.line(i).strip()).matches())) {
            i--;
        }
        if (i < 0 || lines.end(i) <= from) {
            return new Signer("", trimEnd(text, i < 0 ? 0 : lines.end(i)));
        }
        int end = lines.end(i);
        String line = lines.line(i).strip();
        if (mayHaveLineTrailer(line)) {
            line = LINE_TRAILER.matcher(line).replaceFirst("").strip();
        }
        if (lines.start(i) >= from && line.length() <= MAX_SIGNER && isName(line)) {
            // The text ends before downgrading marks above the name: "GP-3\nSACCIO" (66BUENOSAIRES2481).
            int first = i;
            while (first - 1 >= 0 && lines.start(first - 1) >= from && (lines.isBlank(first - 1)
                    || TRAILER.matcher(lines.line(first - 1).strip()).matches())) {
                first--;
            }
            return new Signer(Texts.stripTrailing(line, "."), lines.start(first));
        }
        // A re-flowed body ends "... activities. FOLEY" (10ZAGREB53). Only a full stop near the end counts, so only
        // the end is searched: the last line of a re-flowed body is all of it.
        int near = Math.max(0, line.length() - MAX_SIGNER);
        String ending = line.substring(near);
        int lastDot = Math.max(ending.lastIndexOf(". "), Math.max(ending.lastIndexOf(".\" "), ending.lastIndexOf(".) ")));
        int dot = lastDot < 0 ? -1 : near + lastDot;
        if (dot > 0 && line.length() - dot <= MAX_SIGNER) {
            String tail = line.substring(line.indexOf(' ', dot) + 1).strip();
            if (isName(tail) && tail.length() >= 3) {
                int at = text.lastIndexOf(tail, end);
                if (at > from) {
                    return new Signer(Texts.stripTrailing(tail, "."), at);
                }
            }
        }
        // A surname in capitals after the last sentence or link of a re-flowed body, glued or not: "...table.ROONEY"
        // (06VATICAN83), "...(http://www.state.sgov.gov/p/sa/newdelhi/) BLAKE" (06NEWDELHI3611), "...index.c fm
        // STAPLETON" (06PARIS7755), "...terrorism.” BURNS" (07IRANRPODUBAI23).
        String surname = capitalsAtEnd(line);
        if (surname != null) {
            int at = text.lastIndexOf(surname, end);
            if (at > from) {
                return new Signer(surname, at);
            }
        }
        return new Signer("", end);
    }

    /**
     * The surname in capitals that ends a line of mixed text, after a full stop, a bracket, a quote or a link; null if
     * none. Text in capitals throughout ends with a capital word too, so the text before must hold small letters.
     */
    private static String capitalsAtEnd(String line) {
        int e = line.length();
        int s = e;
        while (s > 0 && Texts.isUpperLetter(line.charAt(s - 1))) {
            s--;
        }
        if (e - s < 3 || e - s > MAX_SIGNER || s == 0) {
            return null;
        }
        char before = line.charAt(s - 1);
        boolean glued = before == '.';
        boolean spaced = before == ' ' && s >= 2 && ".)\"\u201d/m*".indexOf(line.charAt(s - 2)) >= 0;
        if (!glued && !spaced) {
            return null;
        }
        boolean smallLetters = false;
        for (int i = Math.max(0, s - 200); i < s && !smallLetters; i++) {
            smallLetters = Character.isLowerCase(line.charAt(i));
        }
        String name = line.substring(s, e);
        return smallLetters && isName(name) ? name : null;
    }

    /** Whether the end of a line may be end marks ({@link #LINE_TRAILER}): it ends with a blank, a quote or a backslash, or holds NNNN. */
    private static boolean mayHaveLineTrailer(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last == '"' || last == '\\' || line.contains(" NNNN") || line.contains(" - ");
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !NAME.matcher(s).matches() || NOT_A_NAME.matcher(s).matches()) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters >= 3;
    }

    private static int trimEnd(String text, int end) {
        return Math.max(0, Math.min(end, text.length()));
    }
}
