package org.cablegate.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of an RFC 4180 CSV text, each with the line it starts on: fields separated by commas, records by CRLF
 * or LF, a field in double quotes may hold commas, line breaks and doubled quotes. Anything else after a closing
 * quote, and a quote left open, is refused with its line.
 */
final class CsvRows {
    record Record(int line, List<String> fields) {}

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    CsvRows(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** The next record, or null at the end. */
    Record next() {
        if (pos >= text.length()) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                int opened = line;
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new RedactionFile.BadRow(source, start, "a quote opened on line " + opened
                                + " is never closed");
                    }
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                }
                if (pos < text.length() && !atSeparator()) {
                    throw new RedactionFile.BadRow(source, start, "text after a closing quote on line " + line
                            + " (a quote inside a quoted field is written twice: \"\")");
                }
            } else {
                while (pos < text.length() && !atSeparator()) {
                    char c = text.charAt(pos);
                    if (c == '"') {
                        throw new RedactionFile.BadRow(source, start, "a quote inside an unquoted field on line "
                                + line + " (quote the whole field and write the quote twice: \"\")");
                    }
                    field.append(c);
                    pos++;
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (pos >= text.length()) {
                return new Record(start, fields);
            }
            char c = text.charAt(pos++);
            if (c == ',') {
                continue;
            }
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            return new Record(start, fields);
        }
    }

    private boolean atSeparator() {
        char c = text.charAt(pos);
        return c == ',' || c == '\n' || c == '\r';
    }
}
