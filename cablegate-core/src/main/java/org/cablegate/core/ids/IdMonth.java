package org.cablegate.core.ids;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A cable known by id and month only, as listed for the whole set in {@code cable2month.csv}.
 *
 * @param id    reference id as published
 * @param month creation month: the year comes from the id ({@code 08…} → 2008, {@code 66…} → 1966), the month from the list
 */
public record IdMonth(String id, YearMonth month) {
    public IdMonth {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(month, "month");
    }

    /** The year a reference id was written in: two digits, above 10 in the 1900s (1966–2010). */
    public static int yearOf(String id) {
        if (id.length() < 2 || !Character.isDigit(id.charAt(0)) || !Character.isDigit(id.charAt(1))) {
            throw new IllegalArgumentException("a reference id starts with two digits of its year: " + id);
        }
        int yy = (id.charAt(0) - '0') * 10 + (id.charAt(1) - '0');
        return yy > 10 ? 1900 + yy : 2000 + yy;
    }
}
