package org.cablegate.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signer of a cable: the name on the last line(s) of the body, after the page furniture and before the end marks
 * ({@code NNNN}, {@code 2004CARACA02200 - CONFIDENTIAL}, downgrading marks), and where the signature starts.
 */
final class Signature {
    private Signature() {}

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
            "(?:\\s+NNNN\\b.*|\\s+\\d{4}[A-Z]+\\d+ - .*|[\\s\\\\\"]+|\\s+\\.|(?:\\s+0)?\\s+\\d{1,2}/\\d{1,2}/\\d{2,4})$");
    /**
     * What comes before the surname on the last line of a re-flowed body: the post's website line ({@code Visit
     * London's Classified Website: XXXXXXXXXXXX LEBARON}, 09LONDON923; {@code ...index. cfm Tuttle}, 07LONDON4045) or a
     * rule of stars ({@code ******************** CUNNINGHAM}, 09TELAVIV1324).
     */
    private static final Pattern BEFORE_NAME = Pattern.compile(
            "(?:.*(?:Website|Web Site|WEBSITE|cfm|XXXXXXXX|Portal:\\S*)\\W*|\\*+\\s*)");
    private static final Pattern NAME = Pattern.compile(
            "(?:(?:de|van|von|da|del|la|al|bin)[ \\t]+)?"
                    + "[A-Z][A-Za-z'\\-]*\\.?(?:[ \\t]+(?:[A-Z][A-Za-z'\\-]*\\.?|de|van|von|da|del|la|al|bin)){0,3}");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i).*\\b(?:END|SUMMARY|COMMENT|TEXT|SIPDIS|NOFORN|UNCLAS\\w*|CONFIDENTIAL|SECRET|SENSITIVE|NOTE|"
                    + "MESSAGE|CABLE|BEGIN|REF|TAGS|SUBJECT|AND|THE|FOR|OF|TO|NNNN|AMEMBASSY|AMCONSUL|IMMEDIATE|PRIORITY|"
                    + "ROUTINE)\\b.*");
    private static final int MAX_SIGNER = 40;
    private static final String MINIMIZE = "MINIMIZE CONSIDERED ";
    /** The most characters of end marks on a name's line: {@code NNNN  2005ROME01593 - Classification: SECRET}. */
    private static final int MAX_TRAILER = 120;

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
            // Only the end of the line is tried: the last line of a re-flowed body is all of it, and the regex, a
            // find() anchored at the end, would start at every blank of it.
            int tail = Math.max(0, line.length() - MAX_TRAILER);
            Matcher trailer = LINE_TRAILER.matcher(line).region(tail, line.length());
            if (trailer.find()) {
                line = line.substring(0, trailer.start()).strip();
            }
        }
        if (line.startsWith(MINIMIZE)) {
            // "MINIMIZE CONSIDERED MURRAY" (09BRUSSELS537): the handling note, then the name.
            line = line.substring(MINIMIZE.length()).strip();
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
        if (surname == null) {
            surname = nameAfterWebsite(line);
        }
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

    /** The name (one or two words) that ends a line after the post's website or a rule of stars, or null. */
    private static String nameAfterWebsite(String line) {
        int e = line.length();
        int s = line.lastIndexOf(' ', e - 1) + 1;
        int glued = s;
        while (glued < e && (line.charAt(glued) == 'X' || line.charAt(glued) == '*')) {
            glued++; // "XXXXXXXXXXXXTUTTLE" (08LONDON3215)
        }
        if (glued > s && glued < e) {
            s = glued;
        }
        String name = line.substring(s, e);
        if (s == 0 || e - s < 2 || e - s > MAX_SIGNER || !Character.isUpperCase(name.charAt(0)) || !isName(name)
                && !(name.length() == 2 && Texts.isUpperLetter(name.charAt(1)))) {
            return null;
        }
        boolean redaction = name.chars().allMatch(c -> c == 'X');
        return !redaction && BEFORE_NAME.matcher(line.substring(0, s)).matches() ? name : null;
    }

    /** Whether the end of a line may be end marks ({@link #LINE_TRAILER}): a quote, backslash, dot or digit, or NNNN. */
    private static boolean mayHaveLineTrailer(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last == '"' || last == '\\' || last == '.' || Texts.isDigit(last) || line.contains(" NNNN")
                || line.contains(" - ");
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
