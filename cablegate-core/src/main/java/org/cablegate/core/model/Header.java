package org.cablegate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The routing header of a cable. Every field is empty when the header does not carry it (old cables and partial
 * extracts have little or none).
 *
 * @param transmissionId {@code VZCZCXRO1331}
 * @param precedence     precedence of the message from its date-time-group line: {@code O}, {@code P}, {@code R}, {@code Z}, …
 * @param dtg            date-time group as written: {@code 101120Z JUN 08}
 * @param from           the FM line: {@code AMEMBASSY MOSCOW}
 * @param to             TO recipients, one per line
 * @param info           INFO recipients, one per line
 */
public record Header(String transmissionId, String precedence, String dtg, String from, List<Recipient> to, List<Recipient> info) {
    public static final Header EMPTY = new Header("", "", "", "", List.of(), List.of());

    public Header {
        Objects.requireNonNull(transmissionId, "transmissionId");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(dtg, "dtg");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        info = List.copyOf(info);
    }
}
