package org.cablegate.core.parse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a body that is not its text: section headings and rules, teletype page breaks and page headers,
 * classification lines, and the section markers of pages ({@code MOSCOW 00001051 002 OF 003}). Paragraph, summary,
 * subject and REF text is cleaned of them here.
 */
final class Layout {
    private Layout() {}


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
}
