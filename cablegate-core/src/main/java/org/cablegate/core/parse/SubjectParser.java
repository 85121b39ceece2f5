package org.cablegate.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of a SUBJECT line: white space collapsed over its wrapped lines, without a leading portion marking
 * ({@code SUBJECT: (C) ...}). The preamble has already cut it at REF, Classified By, a blank line or the first paragraph.
 */
final class SubjectParser {
    private static final Pattern MARKING = Pattern.compile(
            "^\\((?:U|C|S|SBU|TS|S/NF|C/NF|SBU/NF|S//NF|C//NF|U//FOUO|FOUO|LOU)\\)\\s*", Pattern.CASE_INSENSITIVE);

    private SubjectParser() {}

    static String parse(String value) {
        String subject = Texts.collapse(value);
        // "SUBJECT: : MEXICANS DIFFER ..." (08MEXICO3108)
        subject = Texts.stripLeading(subject, ":;-");
        Matcher marking = MARKING.matcher(subject);
        if (marking.lookingAt()) {
            subject = subject.substring(marking.end()); // the pattern is anchored: lookingAt is its find()
        }
        // "... IRGC, MOIS DUBAI 00000049 001.2 OF 003" (08RPODUBAI49): the page's section marker ran into the subject.
        // ("... DEATH IN LIBYA TRIPOLI 00000939 001.2 OF 003 CLASSIFIED" in the re-flowed 09TRIPOLI939: what follows
        // the marker is the next field.)
        int marker = Sections.firstSectionMarker(subject);
        if (marker >= 0) {
            subject = subject.substring(0, marker);
        }
        return Texts.stripTrailing(subject, "").strip();
    }
}
