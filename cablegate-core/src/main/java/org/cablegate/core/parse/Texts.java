package org.cablegate.core.parse;

import java.util.regex.Matcher;

/** Small text helpers shared by the section parsers. */
final class Texts {
    private Texts() {}

    /**
     * {@code text[from, to)} with runs of white space collapsed to one space and trimmed. The ¶ signs that some page
     * builds and the CSV put before paragraph numbers and REF bullets (06PARIS2069 {@code ¶B.}) are not cable text and
     * are dropped, so that a cable parses the same from every source.
     */
    static String collapse(CharSequence text, int from, int to) {
        if (to <= from) {
            return "";
        }
        if (text instanceof String && isCollapsed((String) text, from, to)) {
            return ((String) text).substring(from, to); // most names, subjects and items are
        }
        char[] out = new char[to - from];
        if (text instanceof String) {
            ((String) text).getChars(from, to, out, 0);
        } else {
            for (int i = from; i < to; i++) {
                out[i - from] = text.charAt(i);
            }
        }
        return new String(out, 0, withoutTrailingSpace(out, collapseInPlace(out, 0, false, 0, out.length)));
    }

    /** Whether collapsing {@code text[from, to)} leaves it as it is: words and single spaces, and no ¶. */
    private static boolean isCollapsed(String text, int from, int to) {
        if (text.charAt(from) == ' ' || text.charAt(to - 1) == ' ') {
            return false;
        }
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < ' ' || c >= 0x80 && (c == '\u00a0' || c == '\u00b6' || Character.isWhitespace(c))) {
                return false;
            } else {
                space = false;
            }
        }
        return true;
    }

    /**
     * Collapses {@code chars[from, to)} as {@link #collapse(CharSequence, int, int)} does, writing it at {@code n}
     * ({@code n <= from}) after what is already there; with {@code join}, white space comes before it (a line break).
     * Returns the new write position; the result may end with one space, which {@link #withoutTrailingSpace} drops.
     */
    static int collapseInPlace(char[] chars, int n, boolean join, int from, int to) {
        // The space before the text is pending when nothing is written yet or a space was written last.
        int space = n == 0 || chars[n - 1] == ' ' ? 1 : 0;
        if (join && space == 0) {
            chars[n++] = ' ';
            space = 1;
        }
        // Branch-free over ASCII: a branch on "is this a space" mispredicted at every word and was most of the cost.
        for (int k = from; k < to; k++) {
            int c = chars[k];
            int isSpace;
            if (c < 0x80) {
                isSpace = (' ' - c) >>> 31 ^ 1; // c <= ' '
            } else if (c == '\u00b6') {
                continue;
            } else {
                isSpace = c == '\u00a0' || Character.isWhitespace(c) ? 1 : 0;
            }
            chars[n] = (char) (c - ((c - ' ') & -isSpace)); // a space for any white space
            n += 1 - (isSpace & space);
            space = isSpace;
        }
        return n;
    }

    /** {@code n} less one if {@code chars[n - 1]} is the space {@link #collapseInPlace} may leave at the end. */
    static int withoutTrailingSpace(char[] chars, int n) {
        return n > 0 && chars[n - 1] == ' ' ? n - 1 : n;
    }

    static String collapse(CharSequence text) {
        return collapse(text, 0, text.length());
    }

    /**
     * What {@code m.find(from)} finds, for a pattern that opens with \b before one of {@code firsts} (letters or
     * digits): the regex is tried only there, and not where an ASCII letter, digit or _ comes before (\b cannot hold);
     * find() tried it at every character. {@code m} must have transparent bounds, so that the \b at the start sees
     * the character before.
     */
    static boolean findAtWordStart(Matcher m, String text, int from, String firsts) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            if ((i == 0 || !isAsciiWordChar(text.charAt(i - 1))) && firsts.indexOf(text.charAt(i)) >= 0
                    && m.region(i, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
    }

    static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@link Character#isWhitespace(char)}, with ASCII answered without its table: it runs for every line. */
    static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
        }
        return Character.isWhitespace(c);
    }

    /** The regex {@code \s}: fewer characters than {@link Character#isWhitespace} (no U+2003, no U+001C). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes trailing characters of {@code chars} and white space. */
    static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && (chars.indexOf(s.charAt(end - 1)) >= 0 || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Removes leading characters of {@code chars} and white space. */
    static String stripLeading(String s, String chars) {
        int start = 0;
        while (start < s.length() && (chars.indexOf(s.charAt(start)) >= 0 || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        return s.substring(start);
    }

    /**
     * Where the first run of at least {@code digits} digits that starts at or after {@code from} starts, or -1. Such
     * a run covers one index in every {@code digits}: only those are tested, and the run measured around a digit
     * found there.
     */
    static int nextDigitRun(CharSequence text, int from, int digits) {
        int n = text.length();
        for (int i = from + digits - 1; i < n; i += digits) {
            if (!isDigit(text.charAt(i))) {
                continue;
            }
            int s = i;
            while (s > 0 && isDigit(text.charAt(s - 1))) {
                s--;
            }
            int e = i + 1;
            while (e < n && isDigit(text.charAt(e))) {
                e++;
            }
            if (s >= from && e - s >= digits) {
                return s;
            }
            i = e - 1; // the next run starts after this one
        }
        return -1;
    }

    /** Whether {@code text[from, to)} holds a run of at least {@code digits} digits, tested as by {@link #nextDigitRun}. */
    static boolean hasDigitRun(CharSequence text, int from, int to, int digits) {
        for (int i = from + digits - 1; i < to; i += digits) {
            if (isDigit(text.charAt(i))) {
                int s = i;
                while (s > from && isDigit(text.charAt(s - 1))) {
                    s--;
                }
                int e = i + 1;
                while (e < to && isDigit(text.charAt(e))) {
                    e++;
                }
                if (e - s >= digits) {
                    return true;
                }
            }
        }
        return false;
    }
}
