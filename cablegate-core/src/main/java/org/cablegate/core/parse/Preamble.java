package org.cablegate.core.parse;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates the fields that open a body, before the first paragraph: the E.O. line, TAGS, SUBJECT, REF and Classified
 * By. Each field runs from its keyword to the next keyword, a blank line or the first paragraph, whichever is first;
 * REF runs on over blank lines to its next bullet (06BOGOTA2291), TAGS only onto a wrapped line of tags. Keywords are
 * found at a line start or, with a colon, inside a line: some page builds re-flowed the preamble onto few lines
 * ({@code ... C. IIR 6 809 0079 10 Classified By: ...} in 09BRASILIA1315, {@code E.O. 12958: N/A TAGS: ...} in
 * 09TRIPOLI293). Only the first field of each kind counts: partial extracts repeat the preamble (00THEHAGUE1695).
 */
final class Preamble {
    /** A field: where its keyword is, and its value {@code [valueStart, valueEnd)} in the body. */
    record Field(FieldKind kind, int keyword, int valueStart, int valueEnd) {
        String value(String text) {
            return text.substring(valueStart, Math.max(valueStart, valueEnd));
        }
    }

    /** Keywords without a colon, only at a line start and in capitals: {@code TAGS PGOV, ELAB} (06PARIS5975). */
    private static final Pattern LINE_KEYWORD = Pattern.compile("[ \\t\\u00b6]*(?:"
            + "(?<tags>TAGS?|TAGE|TGS)[ \\t]+(?=[A-Z(])"
            + "|(?<subject>SUBJECT|SUBJ)\\.?[ \\t]+(?=\\S)"
            + "|(?<ref>REFS?|REFTELS?)\\.?[ \\t]+(?=[A-Z(0-9])"
            + "|(?<eo>EO[ \\t]+\\d{5}\\b:?)"
            + "|(?<classified>(?!)))");
    /** The words of {@link #LINE_KEYWORD}, for a test before it: a change to one is a change to both. */
    private static final String[] LINE_WORDS = {"TAG", "TAGS", "TAGE", "TGS", "SUBJECT", "SUBJ", "REF", "REFS",
            "REFTEL", "REFTELS", "EO"};
    /** A REF item on its own line: {@code B. BOGOTA 1987}, {@code (B) Sao Paulo 215}. */
    private static final Pattern BULLET_LINE = Pattern.compile("[ \\t\\u00b6]*(?:\\([A-Za-z]\\)|[A-Z][.)])[ \\t].*");
    /** A numbered REF item: {@code 1. STATE 1234}, not a paragraph. */
    private static final Pattern NUMBERED_REF = Pattern.compile(
            "[ \\t]*\\d{1,2}[.)][ \\t]+(?:\\d{2,4}[ \\t]+)?[A-Z]{3,}(?:[ \\t][A-Z]{2,})*[ \\t]+\\d{1,6}\\b.*");
    /** A wrapped line of tags: {@code SY, IS} after a long TAGS line (06PARTO9). */
    private static final Pattern TAG_LINE = Pattern.compile("[ \\t]*[A-Z]{2,6}(?:[ \\t,]+[A-Z]{2,6})*[ \\t,]*");
    /** A line that opens the text with a marking and no number: {@code (U) DCM and POL Intern ...} (08REYKJAVIK152). */
    private static final Pattern MARKED_LINE = Pattern.compile("[ \\t]*\\((?:U|C|S|SBU|S/NF|C/NF|SBU/NF)\\)[ \\t]+\\S.*");
    private static final Pattern HANDLING = Pattern.compile(
            "[ \\t]*(?:SIPDIS|NOFORN|SENSITIVE|UNCLAS|CONFIDENTIAL|SECRET|EXDIS|LIMDIS|NODIS|STADIS|CXKABUL)\\b.*");
    /** The preamble is at the top; past this many lines without a paragraph, the body has none numbered. */
    private static final int MAX_LINES = 120;
    private static final int MIN_WRAPPED_TAGS_LINE = 35;

    private final Map<FieldKind, Field> fields = new EnumMap<>(FieldKind.class);
    private final String text;
    private int endLine;
    private int endOffset;

    private Preamble(String text) {
        this.text = text;
    }

    Field field(FieldKind kind) {
        return fields.get(kind);
    }

    /** The first line after the preamble: where paragraphs are searched from. */
    int endLine() {
        return endLine;
    }

    int endOffset() {
        return endOffset;
    }

    /**
     * Where the last field ends, or {@link #endOffset()} if that is sooner: headings between the fields and the first
     * paragraph ("SUMMARY" over a rule in 00HARARE5461, "SUMMARY. The three-day rebellion ..." in 04BRASILIA1450) are
     * text, though the preamble runs on to the first paragraph.
     */
    int fieldsEnd() {
        int end = 0;
        for (Field f : fields.values()) {
            end = Math.max(end, f.valueEnd());
        }
        return fields.isEmpty() ? endOffset : Math.min(end, endOffset);
    }

    static Preamble find(Lines lines, FoldedText folded) {
        String text = lines.text();
        Preamble p = new Preamble(text);
        FieldKind open = null;
        int keyword = 0;
        int valueStart = 0;
        int lastTagLineLength = 0;
        int i = 0;
        int limit = Math.min(lines.count(), MAX_LINES);
        Matcher lineKeyword = LINE_KEYWORD.matcher(text);
        PreambleKeywords keywords = new PreambleKeywords(text, folded);
        for (; i < limit; i++) {
            int start = lines.start(i);
            int end = lines.end(i);
            if (lines.isBlank(i)) {
                if (open == FieldKind.REF) {
                    int next = lines.nextNonBlank(i + 1);
                    if (next < lines.count() && BULLET_LINE.matcher(lines.line(next)).matches()) {
                        continue;
                    }
                }
                if (open != null) {
                    p.close(open, keyword, valueStart, start);
                    open = null;
                }
                continue;
            }
            boolean keywordAtStart = mayOpenWithKeyword(text, start, end) && lineKeyword.region(start, end).lookingAt();
            int firstKeyword = keywords.next(start, end);
            boolean keywordInLine = firstKeyword >= 0;
            if (!keywordAtStart && !(keywordInLine && isAtLineStart(text, start, firstKeyword))) {
                boolean refItem = open == FieldKind.REF
                        && (BULLET_LINE.matcher(lines.line(i)).matches() || NUMBERED_REF.matcher(lines.line(i)).matches());
                if (!refItem && (ParagraphParser.atLineStart(lines, i, 0) != null || isMarkedLine(text, start, end))) {
                    break;
                }
            }
            int scan = start;
            if (keywordAtStart) {
                if (open != null) {
                    p.close(open, keyword, valueStart, start);
                }
                open = kindOf(lineKeyword);
                keyword = lineKeyword.start(group(open));
                valueStart = lineKeyword.end();
                scan = valueStart;
                lastTagLineLength = end - start;
            } else if (!keywordInLine || firstKeyword > start + leadingBlanks(text, start, end)) {
                // No keyword opens this line: it continues the open field, or is a line the preamble skips.
                if (open == FieldKind.TAGS && !(continuesTags(text, valueStart, start, lastTagLineLength)
                        && TAG_LINE.matcher(lines.line(i)).matches() && !HANDLING.matcher(lines.line(i)).matches())) {
                    p.close(open, keyword, valueStart, start);
                    open = null;
                } else if (open == FieldKind.SUBJECT && isLayout(lines.line(i).strip())) {
                    // "SUBJECT: ... SOUTH AFRICA'S\nNEXT PRESIDENT\nPRETORIA 00000939 001.2 OF 003\n-------" (09PRETORIA939)
                    p.close(open, keyword, valueStart, start);
                    open = null;
                } else if (open == FieldKind.EO) {
                    p.close(open, keyword, valueStart, start);
                    open = null;
                } else if (open == FieldKind.TAGS) {
                    lastTagLineLength = end - start;
                }
            }
            int at = firstKeyword >= scan ? firstKeyword : keywordInLine ? keywords.next(scan, end) : -1;
            while (at >= 0) {
                if (open != null) {
                    p.close(open, keyword, valueStart, at);
                }
                open = keywords.kind();
                keyword = at;
                valueStart = keywords.end();
                if (open == FieldKind.TAGS) {
                    lastTagLineLength = end - start;
                }
                at = keywords.next(valueStart, end);
            }
        }
        if (open != null) {
            p.close(open, keyword, valueStart, i < lines.count() ? lines.start(i) : text.length());
        }
        if (i == lines.count() && !p.fields.isEmpty()) {
            // No paragraph opened the text: the preamble ends with its last field, and what follows is text (and a
            // signer) without numbers ("Ambassador Langdale delivered reftel ..." / "LANGDALE" in 06SANJOSE1196).
            // The last field of a re-flowed body runs to its end (10LONDON92: 13 lines, "... UK FDI." / "SUSMAN"):
            // the text starts on the line after its keyword's at the latest.
            int lastEnd = 0;
            int lastKeyword = 0;
            for (Field f : p.fields.values()) {
                lastEnd = Math.max(lastEnd, f.valueEnd());
                lastKeyword = Math.max(lastKeyword, f.keyword());
            }
            int after = Math.min(lines.count(), lines.lineOf(lastKeyword) + 1);
            i = lastEnd < text.length() ? Math.min(lines.lineOf(lastEnd), after) : after;
        }
        p.endLine = i;
        p.endOffset = i < lines.count() ? lines.start(i) : text.length();
        return p;
    }

    /**
     * Whether a line of tags after the TAGS line {@code [valueStart, lineStart)} continues it: the TAGS line is long
     * (wrapped, 06PARTO9), ends with a comma, or holds no tag yet ({@code TAGS: } / {@code PGOV, PHUM, ...} in
     * 09LONDON2178).
     */
    private static boolean continuesTags(String text, int valueStart, int lineStart, int lastTagLineLength) {
        if (lastTagLineLength >= MIN_WRAPPED_TAGS_LINE) {
            return true;
        }
        int e = lineStart;
        while (e > valueStart && Texts.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e == valueStart || text.charAt(e - 1) == ',';
    }

    /**
     * Whether a line may open with a keyword of {@link #LINE_KEYWORD}: after blanks and a ¶, one of its words in
     * capitals, then a full stop or a blank. Most lines fail here; "TAGS:" lines too, which have a colon.
     */
    private static boolean mayOpenWithKeyword(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00b6')) {
            i++;
        }
        int wordEnd = i;
        while (wordEnd < end && Texts.isUpperLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        if (wordEnd >= end || !isLineWord(text, i, wordEnd)) {
            return false;
        }
        char after = text.charAt(wordEnd);
        return after == '.' || after == ' ' || after == '\t';
    }

    private static boolean isLineWord(String text, int from, int to) {
        for (String word : LINE_WORDS) {
            if (word.length() == to - from && text.startsWith(word, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMarkedLine(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < end && text.charAt(i) == '(' && MARKED_LINE.matcher(text.substring(start, end)).matches();
    }

    private static boolean isLayout(String line) {
        return Layout.isSectionMarker(line) || Layout.isRuleOrHeading(line);
    }

    private void close(FieldKind kind, int keyword, int valueStart, int valueEnd) {
        Field first = fields.get(kind);
        if (first == null || kind == FieldKind.SUBJECT && holdsNoSubject(first)
                || kind == FieldKind.CLASSIFIED_BY && first.value(text).isBlank()) {
            // "SUBJECT: SUBJECT: COSTA RICA: TITLE III ..." (08SANJOSE1000), "SUBJECT: (C) SUBJECT: BRIEFING ..."
            // (07PARAMARIBO510): the keyword doubled, the second holds the subject; "SUBJECT:..." of a partial extract
            // before the whole preamble (04THEHAGUE281); "Classified By: Classified by Political Officer Ricardo
            // Zuniga" (05MADRID395).
            fields.put(kind, new Field(kind, keyword, valueStart, valueEnd));
        }
    }

    /** Whether a SUBJECT value is blank, dots, or a portion marking alone ({@code (C)}). */
    private boolean holdsNoSubject(Field field) {
        String value = field.value(text).strip();
        if (value.length() > 2 && value.length() <= 8 && value.charAt(0) == '(' && value.endsWith(")")) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtLineStart(String text, int start, int at) {
        for (int i = start; i < at; i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c == '\t' || c == '\u00b6')) {
                return false;
            }
        }
        return true;
    }

    private static int leadingBlanks(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00b6')) {
            i++;
        }
        return i - start;
    }

    private static String group(FieldKind kind) {
        return switch (kind) {
            case EO -> "eo";
            case TAGS -> "tags";
            case SUBJECT -> "subject";
            case REF -> "ref";
            case CLASSIFIED_BY -> "classified";
        };
    }

    private static FieldKind kindOf(Matcher m) {
        if (has(m, "tags")) {
            return FieldKind.TAGS;
        }
        if (has(m, "subject")) {
            return FieldKind.SUBJECT;
        }
        if (has(m, "ref")) {
            return FieldKind.REF;
        }
        if (has(m, "eo")) {
            return FieldKind.EO;
        }
        return FieldKind.CLASSIFIED_BY;
    }

    private static boolean has(Matcher m, String group) {
        return m.group(group) != null;
    }
}
