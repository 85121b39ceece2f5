package org.cablegate.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of a SUBJECT line: white space collapsed over its wrapped lines, the portion marking kept as written
 * ({@code SUBJECT: (C) ...}: the 2011 site's page titles carry it too). The preamble has already cut it at REF,
 * Classified By, a blank line or the first paragraph; what the preamble cannot see is cut here: the next field glued to
 * the subject, a page's section marker or header run into it.
 */
final class SubjectParser {
    /**
     * What ends a subject inside its line: {@code ...TO CAIROClassified By:} glued, {@code Sensitive but unclassified},
     * {@code This is an action request}, {@code Ref(s):} (08RIODEJANEIRO165), {@code REF 09 CAIRO 0173} (09CAIRO211): each a field or a line of its own that a re-flowed page ran into the subject.
     */
    private static final Pattern RUN_ON = Pattern.compile("Classified\\s+By\\b|CLASSIFIED\\s+BY\\b"
            + "|\\bREFS?:|\\bREF\\s+(?=\\d{2,4}\\s+[A-Z])|(?i:\\bREF\\(S\\):|\\bSENSITIVE\\s+BUT\\s+UNCLASSIFIED\\b|\\bTHIS\\s+IS\\s+AN\\s+ACTION\\s+REQUEST\\b)");
    /** A line that is only a backslash: the blank line of a body whose lines end with one (07BERN896). */
    private static final Pattern BLANK_CONTINUATION = Pattern.compile("\\n[ \\t]*\\\\[ \\t]*(?=\\r?\\n|$)");
    /** A backslash at a line end: {@code ... FRUSTRATION \} / {@code LEAD TO ...} (04BOGOTA11339, 61 cables). */
    private static final Pattern CONTINUATION = Pattern.compile("[ \\t]*\\\\[ \\t]*(?=\\r?\\n|$)");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,6})|#[xX]([0-9A-Fa-f]{1,5})|(amp|lt|gt|quot|apos));");

    private SubjectParser() {}

    static String parse(String value) {
        String text = value;
        if (text.indexOf('\\') >= 0) {
            Matcher blank = BLANK_CONTINUATION.matcher(text);
            if (blank.find()) {
                text = text.substring(0, blank.start());
            }
            text = CONTINUATION.matcher(text).replaceAll(" ");
        }
        String subject = Layout.removePageHeaders(Texts.collapse(text));
        // "... MEETS WITH ZIMBABWE CONFIDENTIAL PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER" (00HARARE6677):
        // the page header goes, the subject goes on.
        // "SUBJECT: : MEXICANS DIFFER ..." (08MEXICO3108)
        subject = Texts.stripLeading(subject, ":;-");
        if (subject.indexOf('&') >= 0) {
            subject = decodeEntities(subject);
        }
        // "... IRGC, MOIS DUBAI 00000049 001.2 OF 003" (08RPODUBAI49): the page's section marker ran into the subject.
        // ("... DEATH IN LIBYA TRIPOLI 00000939 001.2 OF 003 CLASSIFIED" in the re-flowed 09TRIPOLI939: what follows
        // the marker is the next field.)
        int marker = Layout.firstSectionMarker(subject);
        if (marker >= 0) {
            subject = subject.substring(0, marker);
        }
        if (mayRunOn(subject)) {
            Matcher m = RUN_ON.matcher(subject);
            if (m.find() && m.start() > 0) {
                subject = subject.substring(0, m.start());
            }
        }
        return Texts.stripTrailing(subject, "").strip();
    }

    /** Whether the regex of run-on fields can match: most subjects have none of its words. */
    private static boolean mayRunOn(String s) {
        return s.indexOf("REF", 1) >= 0 || s.indexOf("(s):", 1) >= 0 || s.indexOf("lassified", 1) >= 0 || s.indexOf("LASSIFIED", 1) >= 0 || s.indexOf("PAGE ", 1) >= 0
                || containsIgnoreCase(s, "ACTION REQUEST");
    }

    private static boolean containsIgnoreCase(String s, String word) {
        int n = word.length();
        for (int i = s.indexOf(' '); i >= 0 && i + 1 + n <= s.length(); i = s.indexOf(' ', i + 1)) {
            if (s.regionMatches(true, i + 1, word, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** {@code &#8217;} → ’, {@code &amp;} → &: subjects of the CSV carry the site's HTML entities. */
    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String r;
            if (m.group(1) != null || m.group(2) != null) {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                r = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
            } else {
                r = switch (m.group(3)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
