package org.cablegate.core.read;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classification banner that opens a cable's body: {@code S E C R E T MOSCOW 001647},
 * {@code C O N F I D E N T I A L SECTION 01 OF 04 SAN JOSE 000123}, {@code UNCLAS E F T O LONDON 002883}. Plain-text
 * cables start their body here, and without a top box it is where the classification, the station and the serial of
 * the reference id come from.
 *
 * @param classification {@code SECRET}, {@code CONFIDENTIAL}, {@code UNCLASSIFIED} or {@code LIMITED OFFICIAL USE}
 * @param station        the station as the id spells it: {@code SAN JOSE} gives {@code SANJOSE}; empty if the banner
 *                       has no serial after it
 * @param serial         the serial without leading zeros, {@code 1647}; empty if none
 */
record Banner(String classification, String station, String serial) {

    // Matched once per line until the body is found, never per character; lines are short.
    private static final Pattern BANNER = Pattern.compile(
            "^\\s*(S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS(?:SIFIED)?"
                    + "|L ?I ?M ?I ?T ?E ?D +O ?F ?F ?I ?C ?I ?A ?L +U ?S ?E)\\b"
                    // 09EFTOLONDON2187: the id was published with EFTO glued in; the station is LONDON.
                    + "(?:\\s+E ?F ?T ?O\\b)?"
                    + "(?:\\s+SECTION\\s+\\d+\\s+OF\\s+\\d+)?"
                    + "(?:\\s+([A-Z][A-Z .'-]*?)\\s+0*(\\d{1,7})(?!\\d))?",
            Pattern.CASE_INSENSITIVE);

    /** The banner on {@code line}, if the line is one. */
    static Optional<Banner> parse(String line) {
        Matcher m = BANNER.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String word = m.group(1).replace(" ", "").toUpperCase(Locale.ROOT);
        String classification = switch (word) {
            case "SECRET" -> "SECRET";
            case "CONFIDENTIAL" -> "CONFIDENTIAL";
            case "LIMITEDOFFICIALUSE" -> "LIMITED OFFICIAL USE";
            default -> "UNCLASSIFIED";
        };
        String station = m.group(2) == null ? ""
                : m.group(2).replaceAll("[ .'-]", "").toUpperCase(Locale.ROOT);
        String serial = m.group(3) == null ? "" : String.valueOf(Integer.parseInt(m.group(3)));
        return Optional.of(new Banner(classification, station, serial));
    }
}
