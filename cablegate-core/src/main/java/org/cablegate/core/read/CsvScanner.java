package org.cablegate.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.core.model.LineEnds;

/**
 * Splits the byte stream of a {@code cables.csv} into records of quoted fields, one record per call to {@link #next()}.
 *
 * <p>The 2011 full release is a MySQL dump, not RFC 4180: every field is quoted, a quote inside a field is escaped as
 * {@code \"}, an apostrophe as {@code \'} and a backslash as {@code \\} (cable 09BRASILIA1412 has {@code HIV\\AIDs};
 * 08ALGIERS1328 has runs of {@code \\\\}); any other backslash is kept as it is. Fields contain raw newlines.
 *
 * <p>The state machine runs over bytes, not chars: every delimiter is ASCII, and UTF-8 never puts an ASCII byte inside
 * a multi-byte character, so a field's bytes are copied in runs and decoded once. That is what makes a 2 GB file a
 * matter of seconds (a {@code Reader} decodes every char first, and {@code String.split} or a regex per record would
 * copy everything twice more).
 *
 * <p>Because every quote inside a field is escaped, a bare {@code "} is always structure. A record is broken when a
 * bare quote is followed by anything but {@code ","}, a line end or the end of the file, when a field is not quoted, or
 * when a line inside a field starts a new record ({@code "<digits>","}: the previous record lost its closing quote).
 * After a broken record the scanner resynchronises at the next line that starts a record, so one bad row costs one row.
 */
final class CsvScanner {
    /** The longest field accepted; the longest body in the 251,287 cables is far below this. */
    static final int MAX_FIELD_BYTES = 64 << 20;
    private static final int BUFFER_BYTES = 1 << 20;
    /** {@code "} + up to 12 digits + {@code ","}: enough to recognise the start of a record. */
    private static final int RECORD_START_LOOKAHEAD = 16;

    /** A record as scanned: either its fields or the reason it is broken. */
    sealed interface Record permits Fields, Broken {
        /** 1-based ordinal of the record in the file, broken ones included. */
        long row();

        /** 1-based line on which the record starts. */
        long line();
    }

    record Fields(long row, long line, List<String> values) implements Record {}

    record Broken(long row, long line, String reason) implements Record {}

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long NEWLINES = ONES * '\n';

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    /** Line number of the byte at {@code pos}. */
    private long line = 1;
    private long row;
    private byte[] field = new byte[1 << 16];
    private int fieldLength;

    CsvScanner(InputStream in) {
        this.in = in;
    }

    /** The next record, or {@code null} at the end of the input. */
    Record next() throws IOException {
        // Blank lines between records (a trailing newline, a file cut and pasted together) carry nothing.
        while (true) {
            if (!ensure(1)) {
                return null;
            }
            byte b = buf[pos];
            if (b == '\n') {
                pos++;
                line++;
            } else if (b == '\r' && ensure(2) && buf[pos + 1] == '\n') {
                pos++;
            } else {
                break;
            }
        }
        long startRow = ++row;
        long startLine = line;
        if (buf[pos] != '"') {
            // A header row, or text between records: nothing to import until the next record starts.
            skipToNextRecord();
            return new Broken(startRow, startLine, "line does not start a quoted record");
        }
        pos++;
        List<String> values = new ArrayList<>(8);
        while (true) {
            String problem = readField();
            if (problem != null) {
                return broken(startRow, startLine, problem);
            }
            values.add(fieldString());
            // readField stopped right after the closing quote; what follows decides.
            if (!ensure(1)) {
                return finish(startRow, startLine, values);
            }
            byte b = buf[pos];
            if (b == ',') {
                pos++;
                if (!ensure(1) || buf[pos] != '"') {
                    return broken(startRow, startLine, "column " + (values.size() + 1) + " is not quoted");
                }
                pos++;
            } else if (b == '\n') {
                pos++;
                line++;
                return finish(startRow, startLine, values);
            } else if (b == '\r' && ensure(2) && buf[pos + 1] == '\n') {
                pos += 2;
                line++;
                return finish(startRow, startLine, values);
            } else {
                return broken(startRow, startLine,
                        "unescaped quote inside column " + values.size() + " (line " + line + ")");
            }
        }
    }

    private Record finish(long startRow, long startLine, List<String> values) {
        return new Fields(startRow, startLine, List.copyOf(values));
    }

    /**
     * Reads one field after its opening quote up to and including its closing quote. Returns null when the field was
     * read, or why it could not be; on a problem the input is left where the next record can be looked for.
     */
    private String readField() throws IOException {
        fieldLength = 0;
        byte[] b = buf;
        while (true) {
            if (pos >= limit && !fill()) {
                return "unterminated quote: the file ends inside a column";
            }
            // The hot loop: find the next byte that matters, then copy the run before it in one go.
            int start = pos;
            int end = limit;
            int p = nextSpecial(b, start, end);
            byte c = p < end ? b[p] : 0;
            if (p > start) {
                append(b, start, p - start);
                pos = p;
                if (fieldLength > MAX_FIELD_BYTES) {
                    return "column longer than " + (MAX_FIELD_BYTES >> 20) + " MB (a quote is probably missing)";
                }
            }
            if (p == end) {
                continue;
            }
            if (c == '"') {
                pos++;
                return null;
            } else if (c == '\\') {
                if (!ensure(2)) {
                    pos++;
                    appendByte((byte) '\\');
                    continue;
                }
                byte n = b[pos + 1];
                if (n == '"' || n == '\'' || n == '\\') {
                    appendByte(n);
                    pos += 2;
                } else {
                    // Not an escape the dump uses; keep the backslash and let the next byte be read normally.
                    appendByte((byte) '\\');
                    pos++;
                }
            } else {
                appendByte((byte) '\n');
                pos++;
                line++;
                // Every quote inside a field is escaped, so a line that starts like a record is one: the record we
                // are in lost its closing quote. Stop here so that the next record is not lost with it.
                if (ensure(1) && b[pos] == '"' && atRecordStart()) {
                    return "unterminated quote: line " + line + " starts the next record";
                }
            }
        }
    }

    /**
     * The index of the first {@code "}, {@code \\} or newline in {@code b[from, to)}, or {@code to}. Tests eight bytes
     * at a time (SWAR): most of a 2 GB file is ordinary text, and after making the Strings this loop is where the
     * reading time goes. {@code v ^ target} is zero in each byte that matches; {@code (x - 0x01..) & ~x & 0x80..}
     * marks zero bytes, exactly for the lowest one, which is the one taken.
     */
    static int nextSpecial(byte[] b, int from, int to) {
        int p = from;
        while (p + Long.BYTES <= to) {
            long v = (long) LONGS.get(b, p);
            long q = v ^ QUOTES;
            long s = v ^ BACKSLASHES;
            long n = v ^ NEWLINES;
            long hit = ((q - ONES) & ~q | (s - ONES) & ~s | (n - ONES) & ~n) & HIGHS;
            if (hit != 0) {
                return p + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
            p += Long.BYTES;
        }
        while (p < to) {
            byte c = b[p];
            if (c == '"' || c == '\\' || c == '\n') {
                return p;
            }
            p++;
        }
        return to;
    }

    private Record broken(long startRow, long startLine, String reason) throws IOException {
        boolean atNextRecord = ensure(1) && atLineStart() && buf[pos] == '"' && atRecordStart();
        if (!atNextRecord) {
            skipToNextRecord();
        }
        return new Broken(startRow, startLine, reason);
    }

    /** Skips bytes until the start of a line that starts a record, or the end of the input. */
    private void skipToNextRecord() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                line++;
                if (ensure(1) && buf[pos] == '"' && atRecordStart()) {
                    return;
                }
            }
        }
    }

    private boolean atLineStart() {
        return pos > 0 && buf[pos - 1] == '\n';
    }

    /** Whether the bytes at {@code pos} read {@code "<digits>","}. */
    private boolean atRecordStart() throws IOException {
        ensure(RECORD_START_LOOKAHEAD);
        int p = pos + 1;
        int digits = 0;
        while (p < limit && buf[p] >= '0' && buf[p] <= '9' && digits < RECORD_START_LOOKAHEAD - 4) {
            p++;
            digits++;
        }
        return digits > 0 && p + 2 < limit && buf[p] == '"' && buf[p + 1] == ',' && buf[p + 2] == '"';
    }

    private String fieldString() {
        String s = new String(field, 0, fieldLength, StandardCharsets.UTF_8);
        // Line ends are \n in a SourceCable; a file that went through Windows has \r\n (or \r\r\n, twice through).
        return s.indexOf('\r') >= 0 ? LineEnds.normalise(s) : s;
    }

    private void append(byte[] src, int off, int len) {
        if (fieldLength + len > field.length) {
            grow(fieldLength + len);
        }
        System.arraycopy(src, off, field, fieldLength, len);
        fieldLength += len;
    }

    private void appendByte(byte value) {
        if (fieldLength == field.length) {
            grow(fieldLength + 1);
        }
        field[fieldLength++] = value;
    }

    private void grow(int needed) {
        byte[] bigger = new byte[Math.max(needed, field.length * 2)];
        System.arraycopy(field, 0, bigger, 0, fieldLength);
        field = bigger;
    }

    /** Makes at least {@code n} bytes available at {@code pos} unless the input ends first; false if fewer are left. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return limit - pos >= n;
            }
        }
        return true;
    }

    /**
     * Reads more input, keeping the unread bytes and the one before them (so {@link #atLineStart()} still sees it).
     * Returns false at the end of the input.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keepFrom = Math.max(0, pos - 1);
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            pos -= keepFrom;
            limit -= keepFrom;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
