package org.cablegate.web.data;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: CRLF ends a record, quoted fields may hold commas, quotes and line breaks. */
final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '"' || c == '\n' || c == '\r') {
                throw new AssertionError("not RFC 4180 at offset " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return records;
    }
}
