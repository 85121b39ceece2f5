package org.cablegate.core.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A batch of redactions, {@code cablegate redact --file FILE}: CSV (RFC 4180: fields in double quotes may hold commas,
 * line breaks and doubled quotes), one redaction a row, columns {@code id,kind,value,reason}, an optional header row
 * of those names. For example:
 * <pre>
 * id,kind,value,reason
 * 09LONDON2567,text,"Nancy McEldowney",source protection
 * 08MOSCOW1647,span,120:134,"a name, and the post"
 * 08MOSCOW1647,subject,,names the source
 * </pre>
 * All or nothing: {@link #read} returns every row or throws a {@link BadRow} naming the line of the first bad row and
 * what is wrong with it, so that a batch is never half stored.
 */
public final class RedactionFile {
    private static final List<String> COLUMNS = List.of("id", "kind", "value", "reason");

    /**
     * One redaction of the batch.
     *
     * @param line   the line of the file the row starts on (1-based)
     * @param id     the cable's reference id, as written
     * @param rule   what to redact
     * @param reason why, as written
     */
    public record Row(int line, String id, RedactionRule rule, String reason) {
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A batch file that cannot be read as a whole: the message names the file, the line and the fault. */
    public static final class BadRow extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;

        BadRow(String source, int line, String what) {
            super(source + " line " + line + ": " + what);
            this.line = line;
        }

        BadRow(String source, int line, String where, String what) {
            super(source + " line " + line + ", " + where + ": " + what);
            this.line = line;
        }

        /** The line of the first bad row (1-based). */
        public int line() {
            return line;
        }
    }

    private RedactionFile() {}

    /**
     * Every row of {@code file} (UTF-8), or a {@link BadRow} for the first bad one. Bytes that are not UTF-8 (a batch
     * saved as Latin-1 by a spreadsheet) are a BadRow naming the line and byte where they are, not the JDK's
     * {@code MalformedInputException: Input length = 1}, which the fuzz test of issue 13 found.
     */
    public static List<Row> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadRow(name, line, "byte " + (at + 1), String.format("0x%02X", bytes[at] & 0xFF)
                    + " is not UTF-8 text: save the file as UTF-8");
        }
        decoder.flush(out);
        return parse(out.flip().toString(), name);
    }

    /**
     * Every row of {@code text}, or a {@link BadRow} for the first bad one.
     *
     * @param source the file's name, for messages
     */
    public static List<Row> parse(String text, String source) {
        List<Row> rows = new ArrayList<>();
        CsvRows csv = new CsvRows(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        boolean first = true;
        for (CsvRows.Record record = csv.next(); record != null; record = csv.next()) {
            List<String> f = record.fields();
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue; // a blank line, as editors leave at the end
            }
            if (first && isHeader(f)) {
                first = false;
                continue;
            }
            first = false;
            rows.add(row(record, source));
        }
        return List.copyOf(rows);
    }

    private static boolean isHeader(List<String> fields) {
        if (fields.size() != COLUMNS.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).strip().toLowerCase(Locale.ROOT).equals(COLUMNS.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Row row(CsvRows.Record record, String source) {
        List<String> f = record.fields();
        int line = record.line();
        if (f.size() != COLUMNS.size()) {
            throw new BadRow(source, line, f.size() + " columns where 4 are wanted: id,kind,value,reason"
                    + " (quote a value that holds a comma)");
        }
        String id = f.get(0).strip();
        if (id.isEmpty()) {
            throw new BadRow(source, line, "the id is empty");
        }
        String reason = f.get(3).strip();
        RedactionRule rule;
        try {
            rule = RedactionRule.parse(f.get(1), f.get(2));
        } catch (IllegalArgumentException e) {
            throw new BadRow(source, line, e.getMessage());
        }
        if (reason.isEmpty()) {
            throw new BadRow(source, line, "the reason is missing: every redaction says why");
        }
        return new Row(line, id, rule, reason);
    }
}
