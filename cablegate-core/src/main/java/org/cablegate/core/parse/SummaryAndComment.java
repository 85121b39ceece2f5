package org.cablegate.core.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary and the comment of a body: a section opened by its keyword ("Summary:", a heading over a rule, "BEGIN
 * SUMMARY") to its end marker ("End summary") or the end of its paragraph; a summary without any heading up to its
 * "End summary".
 */
final class SummaryAndComment {
    private SummaryAndComment() {}

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
        // Looked for in the first paragraphs only: most bodies have no summary, and the search is asked of them all.
        int limit = Math.min(bodyEnd, from + MAX_SECTION);
        int seen = 0;
        for (ParagraphParser.Start p : starts) {
            if (p.offset() > from && ++seen > MAX_UNHEADED_PARAGRAPHS) {
                limit = Math.min(limit, p.offset());
                break;
            }
        }
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
        String found = Texts.stripLeading(Texts.stripTrailing(Layout.cleanText(lines, start, end), "(-"), ":.-").strip();
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
        String found = Texts.stripTrailing(Layout.cleanText(lines, textStart, sectionEnd), "(-");
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
}
