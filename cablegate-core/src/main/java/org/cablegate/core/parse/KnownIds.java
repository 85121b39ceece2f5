package org.cablegate.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The ids of the whole set with the month each cable was created in ({@code cable2month.csv}: {@code 08TRIPOLI870,11}).
 *
 * <p>A REF item without a year means the citing cable's year, unless that names a cable created after the citing one:
 * 09TRIPOLI2 (January 2009) cites "TRIPOLI 870", and 09TRIPOLI870 is of October 2009, so 08TRIPOLI870 is meant. The
 * parser can tell only when it knows the id list; without it ({@link #NONE}) it goes by the citing station's serials
 * alone. Immutable and thread-safe.
 */
public final class KnownIds {
    /** No id list: REF years are resolved without it. */
    public static final KnownIds NONE = new KnownIds(Map.of());

    private final Map<String, Byte> months;

    private KnownIds(Map<String, Byte> months) {
        this.months = months;
    }

    /** The ids of {@code id → month (1-12)}. */
    public static KnownIds of(Map<String, Integer> months) {
        Map<String, Byte> copy = new HashMap<>(months.size() * 2);
        months.forEach((id, month) -> copy.put(id, checkMonth(month, id)));
        return new KnownIds(Map.copyOf(copy));
    }

    /**
     * Reads {@code REFID,month} lines (plain or gzip, as {@code cable2month.csv.gz} comes).
     *
     * @throws IOException the file cannot be read, or a line is not {@code ID,month} (named with its line number)
     */
    public static KnownIds read(Path file) throws IOException {
        Map<String, Byte> months = new HashMap<>(1 << 19);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int comma = line.indexOf(',');
                int month;
                try {
                    month = comma > 0 ? Integer.parseInt(line.substring(comma + 1).strip()) : -1;
                } catch (NumberFormatException e) {
                    month = -1;
                }
                if (month < 1 || month > 12) {
                    throw new IOException(file + " line " + number + ": expected ID,month (1-12), found: " + line);
                }
                months.put(line.substring(0, comma).strip(), (byte) month);
            }
        }
        return new KnownIds(Map.copyOf(months));
    }

    /** The month (1-12) the cable {@code id} was created in, if the id is known. */
    public OptionalInt month(String id) {
        Byte month = months.get(id);
        return month == null ? OptionalInt.empty() : OptionalInt.of(month);
    }

    /** Every id of the list, in no order. */
    public Set<String> ids() {
        return months.keySet();
    }

    public int size() {
        return months.size();
    }

    private static byte checkMonth(int month, String id) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month of " + id + " must be 1-12: " + month);
        }
        return (byte) month;
    }
}
