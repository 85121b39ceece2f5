package org.cablegate.core.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.ParseIssue;

/**
 * Reads the declassification date of the E.O. line: {@code DECL: 06/04/2018} (m/d/yyyy or m/d/yy),
 * {@code DECL: 2020/02/24} (10QUITO101), {@code DECLASSIFIED BY NARA 09/02/2009} (66BUENOSAIRES2481),
 * {@code GDS 8/12/85} under E.O. 12065, {@code DECLASSIFIED JUNE 21, 2006} (72TEHRAN1164). {@code N/A} has no date and
 * is no issue; text with no readable date ({@code DECL: TWENTY YEARS} in 09QUITO103) is.
 */
final class EoLineParser {
    private static final Pattern YMD = Pattern.compile("\\b(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})\\b");
    private static final Pattern MDY = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b");
    private static final Pattern WORDS = Pattern.compile(
            "(?i)\\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("(?i)\\bN/?A\\b|\\bNONE\\b");
    /** What the patterns above start with, after their \b: each is tried only there. */
    private static final String DIGITS = "0123456789";
    private static final String MONTH_LETTERS = "JFMASONDjfmasond";
    /** Two-digit years below this are 20YY: declassification dates run from the 1970s to the 2030s. */
    private static final int PIVOT = 60;

    private EoLineParser() {}

    static Optional<LocalDate> parse(String value, int offset, Issues issues) {
        Matcher m = YMD.matcher(value).useTransparentBounds(true);
        if (Texts.findAtWordStart(m, value, 0, DIGITS)) {
            Optional<LocalDate> d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (d.isPresent()) {
                return d;
            }
        }
        m = MDY.matcher(value).useTransparentBounds(true);
        if (Texts.findAtWordStart(m, value, 0, DIGITS)) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += year < PIVOT ? 2000 : 1900;
            }
            Optional<LocalDate> d = date(year, month, day);
            if (d.isEmpty()) {
                d = date(year, day, month); // 24/07/2018: day first
            }
            if (d.isPresent()) {
                return d;
            }
            issues.add(ParseIssue.Kind.DECLASSIFICATION, "no such date " + m.group() + " in the E.O. line", offset);
            return Optional.empty();
        }
        m = WORDS.matcher(value).useTransparentBounds(true);
        if (Texts.findAtWordStart(m, value, 0, MONTH_LETTERS)) {
            int month = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC".indexOf(m.group(1).toUpperCase(Locale.ROOT)) / 3 + 1;
            Optional<LocalDate> d = date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
            if (d.isPresent()) {
                return d;
            }
        }
        if (!Texts.findAtWordStart(NOT_APPLICABLE.matcher(value).useTransparentBounds(true), value, 0, "Nn")) {
            issues.add(ParseIssue.Kind.DECLASSIFICATION,
                    "no declassification date in the E.O. line: " + Texts.collapse(value), offset);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        if (year < 1900 || year > 2100) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
