package org.cablegate.app.command;

import java.io.PrintWriter;
import java.util.List;

/**
 * Lists of problems as an operator reads them: capped, and escaped so that raw bytes of a wrong file never reach the
 * terminal. Issue 12: {@code import-ids} of a wrong file printed 657,275 rejection lines and echoed binary data.
 */
final class Report {
    /** Problems listed one by one; the rest are counted. */
    static final int SHOWN = 20;
    /** Characters of one problem shown. */
    private static final int LINE = 200;

    private Report() {}

    static void capped(String prefix, List<String> problems, PrintWriter err) {
        int shown = Math.min(SHOWN, problems.size());
        for (int i = 0; i < shown; i++) {
            err.println(prefix + printable(problems.get(i)));
        }
        if (problems.size() > shown) {
            err.printf("... and %,d more rejected (%,d in all)%n", problems.size() - shown, problems.size());
        }
    }

    /** Control characters and invalid text as {@code \\xNN} / {@code \\uNNNN}; cut after {@value #LINE} characters. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), LINE) + 8);
        for (int i = 0; i < text.length() && sb.length() < LINE; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c == '\uFFFD' || Character.isSurrogate(c) || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= LINE && text.length() > LINE) {
            sb.append("…");
        }
        return sb.toString();
    }
}
