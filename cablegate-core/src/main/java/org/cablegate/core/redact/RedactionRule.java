package org.cablegate.core.redact;

import java.util.Locale;
import java.util.Objects;

/**
 * What one redaction removes from a cable, before it is resolved to character spans by {@link Redactor}.
 *
 * <p>The value is kept as the command line and the batch file give it, so that the vault can store a rule as two
 * strings ({@link Kind#word()}, {@link #value()}) and read it back with {@link #parse(String, String)}:
 * <ul>
 *   <li>{@link Kind#TEXT}: the words; the first occurrence, in the header and then the body, is redacted;</li>
 *   <li>{@link Kind#EVERY_TEXT}: the words; every occurrence in the header and the body is redacted;</li>
 *   <li>{@link Kind#PARAGRAPH}: the paragraph number, {@code 5};</li>
 *   <li>{@link Kind#SPAN}: {@code FROM:TO}, character offsets in the body, half-open: {@code 120:134};</li>
 *   <li>{@link Kind#SUBJECT}: no value (empty).</li>
 * </ul>
 * A rule that cannot mean anything is refused when it is made, with a message that says why.
 *
 * @param kind  what the value names
 * @param value the words, the paragraph number, {@code FROM:TO}, or empty for a subject
 */
public record RedactionRule(Kind kind, String value) {

    /** What a rule names. */
    public enum Kind {
        /** The first occurrence of some words, in the header and then the body. */
        TEXT("text"),
        /** Every occurrence of some words in the header and the body. */
        EVERY_TEXT("every-text"),
        /** The text of a numbered paragraph, after its number and portion marking. */
        PARAGRAPH("paragraph"),
        /** Character offsets {@code FROM:TO} in the body, half-open. */
        SPAN("span"),
        /** The subject's text, after {@code SUBJECT:} and its portion marking. */
        SUBJECT("subject");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word the command line, the batch file and the vault use: {@code text}, {@code every-text}, … */
        public String word() {
            return word;
        }

        /**
         * The kind a word names: {@code text}, {@code every-text} (also {@code every_text}, {@code every}),
         * {@code paragraph}, {@code span}, {@code subject}, in any case.
         *
         * @throws IllegalArgumentException naming the word and the kinds there are
         */
        public static Kind fromWord(String word) {
            Objects.requireNonNull(word, "word");
            String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (w.equals("every")) {
                return EVERY_TEXT;
            }
            for (Kind kind : values()) {
                if (kind.word.equals(w)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind \"" + word
                    + "\": a redaction is one of text, every-text, paragraph, span, subject");
        }
    }

    public RedactionRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = canonical(kind, value);
    }

    /** The first occurrence of {@code words} (header, then body). */
    public static RedactionRule text(String words) {
        return new RedactionRule(Kind.TEXT, words);
    }

    /** Every occurrence of {@code words} in the header and the body. */
    public static RedactionRule everyText(String words) {
        return new RedactionRule(Kind.EVERY_TEXT, words);
    }

    /** The text of paragraph {@code number}. */
    public static RedactionRule paragraph(int number) {
        return new RedactionRule(Kind.PARAGRAPH, Integer.toString(number));
    }

    /** The characters {@code [from, to)} of the body. */
    public static RedactionRule span(int from, int to) {
        return new RedactionRule(Kind.SPAN, from + ":" + to);
    }

    /** The subject's text. */
    public static RedactionRule subject() {
        return new RedactionRule(Kind.SUBJECT, "");
    }

    /**
     * A rule as the command line ({@code --span 10:15}) and the batch file ({@code span,10:15}) give it.
     *
     * @param kindWord {@code text}, {@code every-text}, {@code paragraph}, {@code span} or {@code subject}
     * @param value    its value; for a subject, empty
     * @throws IllegalArgumentException with a message that says what is wrong, e.g.
     *                                  {@code span 10:5: FROM must be less than TO}
     */
    public static RedactionRule parse(String kindWord, String value) {
        return new RedactionRule(Kind.fromWord(kindWord), value == null ? "" : value);
    }

    /** For {@link Kind#PARAGRAPH}: the paragraph's number. */
    public int paragraphNumber() {
        require(Kind.PARAGRAPH);
        return Integer.parseInt(value);
    }

    /** For {@link Kind#SPAN}: where the span starts in the body. */
    public int from() {
        require(Kind.SPAN);
        return Integer.parseInt(value.substring(0, value.indexOf(':')));
    }

    /** For {@link Kind#SPAN}: where the span ends in the body (exclusive). */
    public int to() {
        require(Kind.SPAN);
        return Integer.parseInt(value.substring(value.indexOf(':') + 1));
    }

    /** {@code span 10:15}, {@code text "Ivan Petrov"}, {@code subject}: the rule as a person reads it. */
    @Override
    public String toString() {
        return switch (kind) {
            case TEXT, EVERY_TEXT -> kind.word + " \"" + value + "\"";
            case SUBJECT -> kind.word;
            default -> kind.word + " " + value;
        };
    }

    private void require(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(this + " is not a " + wanted.word + " rule");
        }
    }

    private static String canonical(Kind kind, String value) {
        return switch (kind) {
            case TEXT, EVERY_TEXT -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(kind.word + ": the words to redact are missing");
                }
                yield value;
            }
            case PARAGRAPH -> "" + paragraphNumber(value);
            case SPAN -> span(value);
            case SUBJECT -> {
                if (!value.isBlank()) {
                    throw new IllegalArgumentException("subject \"" + value
                            + "\": a subject redaction takes no value (it redacts the whole subject)");
                }
                yield "";
            }
        };
    }

    private static int paragraphNumber(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("paragraph: the paragraph number is missing");
        }
        int n = number(v, "paragraph " + value + ": the paragraph number must be a whole number, like 5");
        if (n < 1) {
            throw new IllegalArgumentException("paragraph " + value + ": paragraphs are numbered from 1");
        }
        return n;
    }

    private static String span(String value) {
        String v = value.strip();
        int colon = v.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("span " + (v.isEmpty() ? "(empty)" : v)
                    + ": a span is FROM:TO, two character offsets in the body, like 120:134");
        }
        String what = "span " + v + ": ";
        int from = number(v.substring(0, colon).strip(), what + "FROM must be a whole number of characters, like 120:134");
        int to = number(v.substring(colon + 1).strip(), what + "TO must be a whole number of characters, like 120:134");
        if (from < 0) {
            throw new IllegalArgumentException(what + "FROM cannot be negative (the body's first character is 0)");
        }
        if (to <= from) {
            throw new IllegalArgumentException(what + "FROM must be less than TO (the span is half-open: FROM is "
                    + "its first character, TO the one after its last), so " + v + " covers nothing");
        }
        return from + ":" + to;
    }

    private static int number(String digits, String message) {
        if (digits.isEmpty() || digits.length() > 9) {
            throw new IllegalArgumentException(message);
        }
        int start = digits.charAt(0) == '-' ? 1 : 0;
        if (start == digits.length()) {
            throw new IllegalArgumentException(message);
        }
        for (int i = start; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException(message);
            }
        }
        return Integer.parseInt(digits);
    }
}
