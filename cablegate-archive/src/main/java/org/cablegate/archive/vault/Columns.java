package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.json.CableJson;

/** How values are written into the vault's columns and read back. */
final class Columns {
    private static final char LIST_SEPARATOR = '\n';

    private Columns() {}

    static String time(LocalDateTime t) {
        return t.format(CableJson.MINUTES);
    }

    static String time(Optional<LocalDateTime> t) {
        return t.map(Columns::time).orElse(null);
    }

    static LocalDateTime time(String text) {
        return LocalDateTime.parse(text);
    }

    static Optional<LocalDateTime> optionalTime(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDateTime.parse(text));
    }

    /** The earlier of two column times, either of which may be null. */
    static String earlier(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String list(List<String> values) {
        return String.join(String.valueOf(LIST_SEPARATOR), values);
    }

    static List<String> list(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(String.valueOf(LIST_SEPARATOR), -1));
    }
}
