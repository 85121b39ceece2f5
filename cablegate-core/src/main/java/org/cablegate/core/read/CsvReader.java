package org.cablegate.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;

/**
 * Reads the {@code cables.csv} of the September 2011 full release: eight quoted columns {@code seq, created, reference
 * id, origin, classification, references, header, body}, no header row. Records stream through one at a time.
 */
final class CsvReader {
    static final int COLUMNS = 8;
    private static final int CREATED = 1;
    private static final int ID = 2;
    private static final int ORIGIN = 3;
    private static final int CLASSIFICATION = 4;
    private static final int HEADER = 6;
    private static final int BODY = 7;

    private final String name;
    private final CableSink sink;

    /** {@code name} is how the file is named in locations, e.g. {@code cables.csv}. */
    CsvReader(String name, CableSink sink) {
        this.name = name;
        this.sink = sink;
    }

    /**
     * Reads every record of {@code in} (already decompressed). An {@link IOException} from {@code in} once reading has
     * begun (a truncated {@code .gz}) ends the reading with one rejection after the last good record.
     */
    void read(InputStream in) {
        CsvScanner scanner = new CsvScanner(in);
        long lastRow = 0;
        while (true) {
            CsvScanner.Record record;
            try {
                record = scanner.next();
            } catch (IOException e) {
                sink.reject(new Rejection(name + " after row " + lastRow,
                        "the file is damaged or truncated, reading stopped: " + e.getMessage()));
                return;
            }
            if (record == null) {
                return;
            }
            lastRow = record.row();
            if (record instanceof CsvScanner.Broken broken) {
                reject(broken, broken.reason());
            } else {
                accept((CsvScanner.Fields) record);
            }
        }
    }

    private void accept(CsvScanner.Fields record) {
        List<String> values = record.values();
        if (values.size() != COLUMNS) {
            reject(record, "expected " + COLUMNS + " columns, found " + values.size());
            return;
        }
        String id = values.get(ID).strip();
        if (id.isEmpty()) {
            reject(record, "empty reference id");
            return;
        }
        String created = values.get(CREATED).strip();
        Optional<LocalDateTime> time = parseCreated(created);
        if (time.isEmpty()) {
            reject(record, "unparseable created date '" + created + "' (expected M/D/YYYY H:MM) for " + id);
            return;
        }
        sink.accept(new SourceCable(id, time.get(), Optional.empty(), values.get(CLASSIFICATION).strip(),
                values.get(ORIGIN).strip(), values.get(HEADER), values.get(BODY), SourceFormat.CSV,
                name + " row " + record.row()));
    }

    private void reject(CsvScanner.Record record, String reason) {
        sink.reject(new Rejection(name + " row " + record.row() + " (line " + record.line() + ")", reason));
    }

    /** Parses {@code 6/10/2008 11:11} (seconds, {@code 11:11:00}, are accepted too). */
    static Optional<LocalDateTime> parseCreated(String text) {
        int[] parts = new int[6];
        int part = 0;
        int digits = 0;
        // Separators in order: M / D / YYYY space H : MM [: SS]
        char[] separators = {'/', '/', ' ', ':', ':'};
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 4) {
                    return Optional.empty();
                }
                parts[part] = parts[part] * 10 + (c - '0');
            } else if (part < separators.length && c == separators[part] && digits > 0) {
                part++;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        // A two-digit year (6/10/08) would silently become year 8.
        if (digits == 0 || part < 4 || parts[2] < 1000) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(parts[2], parts[0], parts[1], parts[3], parts[4], parts[5]));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
