package org.cablegate.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Recipient;

/**
 * Reads one addressee line of a TO or INFO list: {@code RUEHC/SECSTATE WASHDC PRIORITY 8840} is the routing indicator,
 * the name, the precedence and the message continuity number, all but the name optional.
 *
 * <p>The form is {@link #FORM}. Every header has a dozen such lines and the regex, a lazy name before optional tails,
 * tried each tail at every character of the name; the lines are read by hand instead, with the same result (the
 * shortest name that leaves a valid tail), and the regex is kept for lines with characters the hand reading does not
 * handle (line terminators, which {@code .} does not match, or a blank right after the indicator).
 */
final class RecipientLine {
    static final Pattern FORM = Pattern.compile(
            "(?:([A-Z0-9]{3,8})/)?(.+?)(?:\\s+(FLASH|NIACT\\s+IMMEDIATE|IMMEDIATE|PRIORITY|PIORITY|ROUTINE))?(?:\\s+(\\d{1,5}))?");
    private static final int MIN_ROUTE = 3;
    private static final int MAX_ROUTE = 8;
    private static final int MAX_MCN = 5;
    /** Precedence words, tried longest first at the end of the name: NIACT IMMEDIATE before IMMEDIATE. */
    private static final String[] PRECEDENCES = {"FLASH", "IMMEDIATE", "PRIORITY", "PIORITY", "ROUTINE"};

    private RecipientLine() {}

    /** The recipient a stripped line names, or null when it names none. */
    static Recipient read(String line) {
        if (line.isEmpty()) {
            return null;
        }
        if (!isPlain(line)) {
            return readByRegex(line);
        }
        int routeEnd = routeEnd(line);
        int nameStart = routeEnd < 0 ? 0 : routeEnd + 1;
        if (isSpace(line.charAt(nameStart))) {
            return readByRegex(line);
        }
        // The tails, from the end: "\s+\d{1,5}", then before it "\s+PRECEDENCE".
        int end = line.length();
        String mcn = "";
        int digits = end;
        while (digits > nameStart && Texts.isDigit(line.charAt(digits - 1))) {
            digits--;
        }
        if (digits > nameStart && digits < end && end - digits <= MAX_MCN && isSpace(line.charAt(digits - 1))) {
            mcn = line.substring(digits, end);
            end = spacesBefore(line, digits);
        }
        String precedence = "";
        int word = precedenceBefore(line, nameStart, end);
        if (word >= 0) {
            precedence = Texts.collapse(line, word, end);
            if (precedence.equals("PIORITY")) {
                precedence = "PRIORITY";
            }
            end = spacesBefore(line, word);
        }
        String name = Texts.collapse(line, nameStart, end);
        if (name.isEmpty()) {
            return null;
        }
        return new Recipient(routeEnd < 0 ? "" : line.substring(0, routeEnd), name, precedence, mcn);
    }

    /** Where the routing indicator ends at its '/' ({@code RUEHC/}), or -1: 3-8 capitals or digits, and a name after. */
    private static int routeEnd(String line) {
        int i = 0;
        while (i < line.length() && i <= MAX_ROUTE && isRouteChar(line.charAt(i))) {
            i++;
        }
        boolean route = i >= MIN_ROUTE && i <= MAX_ROUTE && i + 1 < line.length() && line.charAt(i) == '/';
        return route ? i : -1;
    }

    /**
     * Where a precedence word that ends at {@code end} starts, with blanks before it and at least one character of
     * name before those ({@code nameStart} is no blank); -1 if none. NIACT IMMEDIATE is one word.
     */
    private static int precedenceBefore(String line, int nameStart, int end) {
        for (String word : PRECEDENCES) {
            int start = end - word.length();
            if (start <= nameStart || !line.startsWith(word, start) || !isSpace(line.charAt(start - 1))) {
                continue;
            }
            if (word.equals("IMMEDIATE")) {
                int niact = spacesBefore(line, start) - "NIACT".length();
                if (niact > nameStart && line.startsWith("NIACT", niact) && isSpace(line.charAt(niact - 1))) {
                    return niact;
                }
            }
            return start;
        }
        return -1;
    }

    /** The start of the blanks that end just before {@code i}. */
    private static int spacesBefore(String line, int i) {
        int j = i;
        while (j > 0 && isSpace(line.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    /** Whether every character is one the hand reading handles: no line terminator ({@code .} matches none). */
    private static boolean isPlain(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Texts.isRegexSpace(c);
    }

    private static boolean isRouteChar(char c) {
        return c >= 'A' && c <= 'Z' || Texts.isDigit(c);
    }

    private static Recipient readByRegex(String line) {
        Matcher m = FORM.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String name = Texts.collapse(m.group(2));
        String precedence = m.group(3) == null ? "" : Texts.collapse(m.group(3));
        if (precedence.equals("PIORITY")) {
            precedence = "PRIORITY";
        }
        if (name.isEmpty()) {
            return null;
        }
        return new Recipient(m.group(1) == null ? "" : m.group(1), name, precedence,
                m.group(4) == null ? "" : m.group(4));
    }
}
