package org.cablegate.core.read;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station and serial of a cable from its routing lines, where the banner does not give them: the serial from
 * {@code DE RUEHME #0953/01 0531546}, the station from {@code FM AMEMBASSY MEXICO}. 06MEXICO953 needs this: its
 * body opens with a database dump, not with its banner.
 */
final class RoutingLines {
    private RoutingLines() {}

    private static final Pattern DE = Pattern.compile("(?m)^DE [A-Z]{4,7} #0*(\\d{1,7})\\b");
    private static final Pattern FM = Pattern.compile("(?m)^FM ([A-Z][A-Z .'-]*?)\\s*$");
    /** Words before the post's name on the FM line. */
    private static final Set<String> TITLES = Set.of("AMEMBASSY", "AMEMB", "AMCONSUL", "AMCONGEN", "USMISSION");

    /** The serial of the DE line, without leading zeros. */
    static Optional<String> serial(String text) {
        Matcher m = DE.matcher(text);
        return m.find() ? Optional.of(String.valueOf(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /** The station as the id spells it: {@code FM AMEMBASSY BUENOS AIRES} gives BUENOSAIRES, SECSTATE gives STATE. */
    static Optional<String> station(String text) {
        Matcher m = FM.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] words = m.group(1).split("\\s+");
        if (words[0].equals("SECSTATE")) {
            return Optional.of("STATE");
        }
        int from = TITLES.contains(words[0]) && words.length > 1 ? 1 : 0;
        StringBuilder station = new StringBuilder();
        for (int i = from; i < words.length; i++) {
            station.append(words[i].replaceAll("[.'-]", ""));
        }
        return Optional.of(station.toString());
    }
}
