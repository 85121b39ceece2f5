package org.cablegate.core.parse;

/** Small text helpers shared by the section parsers. */
final class Texts {
    private Texts() {}

    /**
     * {@code text[from, to)} with runs of white space collapsed to one space and trimmed. The ¶ signs that some page
     * builds and the CSV put before paragraph numbers and REF bullets (06PARIS2069 {@code ¶B.}) are not cable text and
     * are dropped, so that a cable parses the same from every source.
     */
    static String collapse(CharSequence text, int from, int to) {
        // A char array, not StringBuilder.append(char): this runs over every character of every paragraph.
        char[] out = new char[Math.max(0, to - from)];
        int n = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\u00b6') {
                continue;
            }
            if (c <= ' ' || c == '\u00a0' || c > 0x7f && Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && n > 0) {
                    out[n++] = ' ';
                }
                space = false;
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    static String collapse(CharSequence text) {
        return collapse(text, 0, text.length());
    }

    static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
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

    /** Where {@code lowerWord} (lower case) occurs in {@code text[from, to)} in any case, or -1. No allocation. */
    static int indexOfIgnoreCase(String text, String lowerWord, int from, int to) {
        int n = lowerWord.length();
        char first = lowerWord.charAt(0);
        for (int i = Math.max(0, from); i + n <= to; i++) {
            if ((text.charAt(i) | 0x20) != first) {
                continue;
            }
            int k = 1;
            while (k < n && Character.toLowerCase(text.charAt(i + k)) == lowerWord.charAt(k)) {
                k++;
            }
            if (k == n) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code text} holds a run of at least {@code digits} digits (a section marker's serial). */
    static boolean hasDigitRun(CharSequence text, int digits) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                if (++run >= digits) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
