package org.cablegate.core.json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A minimal streaming JSON writer: the core has no framework dependencies, and a cable needs only objects, arrays,
 * strings, numbers, booleans and null. Commas are placed automatically; the caller nests begin/end calls correctly.
 */
public final class JsonWriter {
    private final Appendable out;
    private final boolean pretty;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    public JsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    public JsonWriter beginObject() {
        value();
        raw('{');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        value();
        raw('[');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endArray() {
        return end(']');
    }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        raw(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            raw("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        value();
        raw(Long.toString(n));
        return this;
    }

    public JsonWriter value(boolean b) {
        value();
        raw(b ? "true" : "false");
        return this;
    }

    public JsonWriter nullValue() {
        value();
        raw("null");
        return this;
    }

    private JsonWriter end(char c) {
        depth--;
        if (!first) {
            newline();
        }
        raw(c);
        first = false;
        return this;
    }

    private void value() {
        if (afterName) {
            afterName = false;
        } else if (depth > 0) {
            separate();
        }
        first = false;
    }

    private void separate() {
        if (!first) {
            raw(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        if (pretty && depth > 0) {
            raw('\n');
            for (int i = 0; i < depth; i++) {
                raw("  ");
            }
        }
    }

    private void quote(String s) {
        try {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        // '<' is escaped too, so JSON embedded in a page can never close a script element.
                        if (c < 0x20 || c == '<' || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void raw(char c) {
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void raw(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
