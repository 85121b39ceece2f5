package org.cablegate.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds words in cable text exactly and case-sensitively, except that any run of white space in the words matches any
 * run of white space in the text, a line break included: names are broken across lines in real cables
 * ("Prime Minister Sturla \nSigurjonsson" in 08STATE63686).
 *
 * <p>A match never starts or ends inside a word: redacting the first "Ali" must not take the "Ali" of an "Alice" that
 * comes first and leave the name it meant standing.
 */
final class LooseText {
    private final String[] words;
    private final boolean wholeWords;

    /** Words as a person gives them: a match starts and ends at word boundaries. */
    LooseText(String needle) {
        this(needle, true);
    }

    /**
     * @param needle     the words to find; white space at either end does not count
     * @param wholeWords whether a match must start and end at word boundaries; not for words the parse read out of
     *                   this very text, which may be glued to the next field: 09ISLAMABAD2903's subject ends
     *                   "SHEIKH CASEREF: SECSTATE"
     */
    LooseText(String needle, boolean wholeWords) {
        this.wholeWords = wholeWords;
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = needle.length();
        while (i < n) {
            while (i < n && isSpace(needle.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(needle.charAt(i))) {
                i++;
            }
            if (i > start) {
                parts.add(needle.substring(start, i));
            }
        }
        this.words = parts.toArray(new String[0]);
    }

    boolean isEmpty() {
        return words.length == 0;
    }

    /** The first match in {@code text[from, to)} as {@code {start, end}}, or null. */
    int[] find(String text, int from, int to) {
        if (words.length == 0) {
            return null;
        }
        String first = words[0];
        for (int at = text.indexOf(first, from); at >= 0 && at + first.length() <= to;
                at = text.indexOf(first, at + 1)) {
            if (startsWord(text, at)) {
                int end = matchAt(text, at, to);
                if (end >= 0 && endsWord(text, end)) {
                    return new int[] {at, end};
                }
            }
        }
        return null;
    }

    /** Every match in {@code text}, not overlapping, in order. */
    List<int[]> findAll(String text) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int[] m = find(text, from, text.length()); m != null; m = find(text, from, text.length())) {
            out.add(m);
            from = m[1];
        }
        return out;
    }

    /** Where a match starting at {@code at} ends, or -1. */
    int matchAt(String text, int at, int to) {
        int i = at;
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                int spaces = i;
                while (i < to && isSpace(text.charAt(i))) {
                    i++;
                }
                if (i == spaces) {
                    return -1;
                }
            }
            String word = words[w];
            if (i + word.length() > to || !text.startsWith(word, i)) {
                return -1;
            }
            i += word.length();
        }
        return i;
    }

    private boolean startsWord(String text, int at) {
        return !wholeWords || at == 0 || !isWordChar(words[0].charAt(0)) || !isWordChar(text.charAt(at - 1));
    }

    private boolean endsWord(String text, int end) {
        String last = words[words.length - 1];
        return !wholeWords || end == text.length() || !isWordChar(last.charAt(last.length() - 1)) || !isWordChar(text.charAt(end));
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
