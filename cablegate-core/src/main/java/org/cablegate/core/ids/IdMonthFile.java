package org.cablegate.core.ids;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code cable2month.csv} (plain or {@code .gz}): one {@code REFID,month} line per cable of the whole set.
 * A line that does not read is reported with its number and skipped.
 */
public final class IdMonthFile {
    private IdMonthFile() {}

    /** Reads every line into {@code ids}; returns the problems found, one message per bad line. */
    public static List<String> read(Path path, Consumer<IdMonth> ids) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> problems = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ids.accept(parse(line));
                } catch (IllegalArgumentException e) {
                    problems.add(path.getFileName() + " line " + number + ": " + e.getMessage());
                }
            }
            return problems;
        }
    }

    static IdMonth parse(String line) {
        int comma = line.indexOf(',');
        if (comma <= 0) {
            throw new IllegalArgumentException("expected REFID,month but found '" + line + "'");
        }
        String id = line.substring(0, comma).trim();
        int month;
        try {
            month = Integer.parseInt(line.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("month is not a number in '" + line + "'");
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month + " is not 1-12 in '" + line + "'");
        }
        return new IdMonth(id, YearMonth.of(IdMonth.yearOf(id), month));
    }
}
