package org.cablegate.core.write;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import org.cablegate.core.model.SourceCable;

/**
 * Writes cables in the layout of the September 2011 full release {@code cables.csv}: 8 quoted columns
 * {@code seq, created (M/D/YYYY H:MM), id, origin, classification, references, header, body}, no header row, with
 * backslash escapes as in the original ({@code \\}, {@code \"}, {@code \'}), so that the readers read it back unchanged.
 */
public final class CablesCsvWriter implements Closeable {
    private final Writer out;
    private final StringBuilder row = new StringBuilder(16 * 1024);
    private long seq;

    public CablesCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one row; {@code references} is the cited ids joined as the original did ({@code \|}), or empty. */
    public void write(SourceCable cable, String references) throws IOException {
        row.setLength(0);
        field(Long.toString(++seq)).append(',');
        field(created(cable.created())).append(',');
        field(cable.id()).append(',');
        field(cable.origin()).append(',');
        field(cable.classification()).append(',');
        field(references).append(',');
        field(cable.header()).append(',');
        field(cable.body()).append('\n');
        out.append(row);
    }

    private static String created(LocalDateTime t) {
        return t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear() + " " + t.getHour() + ":"
                + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }

    private StringBuilder field(String s) {
        row.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '\\') {
                row.append('\\');
            }
            row.append(c);
        }
        return row.append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
