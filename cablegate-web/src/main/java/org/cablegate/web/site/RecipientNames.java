package org.cablegate.web.site;

import java.util.HashMap;
import java.util.Map;
import org.cablegate.core.model.Recipient;

/**
 * Plain names of routing indicators ({@code RUEHMO} → {@code AMEMBASSY MOSCOW}), for header lines that give only the
 * indicator. The table is shared/reference/route2name.csv.
 */
final class RecipientNames {
    private final Map<String, String> names = new HashMap<>();

    private RecipientNames() {
        for (String line : Resources.lines("route2name.csv")) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                names.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
    }

    static RecipientNames standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RecipientNames STANDARD = new RecipientNames();
    }

    /** The recipient's name as written, else the name of its routing indicator, else the indicator. */
    String name(Recipient r) {
        if (!r.name().isBlank()) {
            return r.name();
        }
        return names.getOrDefault(r.route(), r.route());
    }
}
