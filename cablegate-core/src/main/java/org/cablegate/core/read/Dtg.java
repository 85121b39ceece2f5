package org.cablegate.core.read;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date-time group of a cable's header, {@code O 101120Z JUN 08}: day, hour and minute in Zulu time, month, and
 * two-digit year. It gives a plain-text cable without metadata its creation time and the year of its id.
 *
 * @param time the moment, minute precision
 * @param year the two digits as written, {@code 08}: the first two characters of the reference id
 */
record Dtg(LocalDateTime time, String year) {
    private static final Pattern DTG = Pattern.compile("\\b(\\d\\d)(\\d\\d)(\\d\\d)Z\\s+([A-Z]{3})\\s+(\\d\\d)\\b");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    /** The first valid date-time group in {@code text}. */
    static Optional<Dtg> find(String text) {
        Matcher m = DTG.matcher(text);
        while (m.find()) {
            int month = MONTHS.indexOf(m.group(4)) + 1;
            if (month == 0) {
                continue;
            }
            int yy = Integer.parseInt(m.group(5));
            // As for reference ids (CABLE-FORMAT.md): a year above 10 is 19YY; the cables span 1966-2010.
            int year = yy > 10 ? 1900 + yy : 2000 + yy;
            try {
                LocalDateTime time = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return Optional.of(new Dtg(time, m.group(5)));
            } catch (DateTimeException e) {
                // "321120Z": not a date; look further
            }
        }
        return Optional.empty();
    }
}
