package org.cablegate.core.parse;

import java.util.Arrays;

/**
 * A text cut into lines without copying it: the start and end offset of every line, so that each section parser can
 * scan line by line and still report positions in the original text. Line ends are {@code \n} (readers normalise
 * them); a {@code \r} before one is left out of the line.
 *
 * <p>The text is also held as {@link Latin1Bytes#of bytes}, for the loops that go over every character, and those bytes
 * folded to lower case as a Latin-1 string, where keywords are searched ({@link FoldedText}): String.indexOf is
 * vectorised on a Latin-1 string and a char loop on any other, so line breaks and the '?' that stand for characters
 * outside Latin-1 are found there too.
 */
final class Lines {
    private static final int MIN_CAPACITY = 16;
    /** Bodies average about 70 characters a line; a guess that is too low costs one copy of the arrays. */
    private static final int GUESSED_LINE_LENGTH = 40;

    private final String text;
    /** One a character, '?' for one outside Latin-1; null if a surrogate pair made two characters one byte. */
    private final byte[] bytes;
    /** The bytes in lower case as a string; the text itself without bytes. */
    private final String folded;
    /** Where the characters outside Latin-1 are, in order; null without bytes. */
    private final int[] outsideLatin1;
    private int[] starts;
    private int[] ends;
    private int count;

    Lines(String text) {
        this.text = text;
        this.bytes = Latin1Bytes.of(text);
        this.folded = bytes == null ? text : Latin1Bytes.toLowerCase(bytes);
        this.outsideLatin1 = bytes == null ? null : outsideLatin1(text, folded);
        int capacity = Math.max(MIN_CAPACITY, text.length() / GUESSED_LINE_LENGTH);
        starts = new int[capacity];
        ends = new int[capacity];
        int start = 0;
        while (true) {
            int newline = folded.indexOf('\n', start); // where the text has it
            int end = newline < 0 ? text.length() : newline;
            add(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
    }

    /** Where the characters outside Latin-1 are: where the folded bytes hold a '?' that the text does not. */
    private static int[] outsideLatin1(String text, String folded) {
        int[] out = new int[0];
        int n = 0;
        for (int at = folded.indexOf('?'); at >= 0; at = folded.indexOf('?', at + 1)) {
            if (text.charAt(at) != '?') {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(8, n * 2));
                }
                out[n++] = at;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    String text() {
        return text;
    }

    /** The text as {@link Latin1Bytes#of bytes}, one a character ('?' for one outside Latin-1), or null. */
    byte[] bytes() {
        return bytes;
    }

    /** {@link #bytes()} with A-Z in lower case, as a string; null without bytes. */
    String foldedBytes() {
        return bytes == null ? null : folded;
    }

    /** Whether a character outside Latin-1, where {@link #bytes()} hold '?', is {@code c}. */
    boolean holdsOutsideLatin1(char c) {
        if (outsideLatin1 != null) {
            for (int at : outsideLatin1) {
                if (text.charAt(at) == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@link #bytes()} hold {@code text[from, to)} exactly: there is no character outside Latin-1 there. */
    boolean isLatin1(int from, int to) {
        if (bytes == null) {
            return false;
        }
        int at = Arrays.binarySearch(outsideLatin1, from);
        int next = at >= 0 ? at : -at - 1; // the first one at or after from
        return next == outsideLatin1.length || outsideLatin1[next] >= to;
    }

    int count() {
        return count;
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return ends[line];
    }

    String line(int line) {
        return text.substring(starts[line], ends[line]);
    }

    /** Whether the line holds only white space (pages use lines of one space as blank lines). */
    boolean isBlank(int line) {
        for (int i = starts[line]; i < ends[line]; i++) {
            char c = text.charAt(i);
            if (!Texts.isWhitespace(c) && c != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /** The line holding {@code offset}. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The first line at or after {@code from} that is not blank, or {@link #count()}. */
    int nextNonBlank(int from) {
        int i = from;
        while (i < count && isBlank(i)) {
            i++;
        }
        return i;
    }
}
