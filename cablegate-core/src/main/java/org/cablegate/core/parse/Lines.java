package org.cablegate.core.parse;

/**
 * A text cut into lines without copying it: the start and end offset of every line, so that each section parser can
 * scan line by line and still report positions in the original text. Line ends are {@code \n} (readers normalise
 * them); a {@code \r} before one is left out of the line.
 */
final class Lines {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    Lines(String text) {
        this.text = text;
        // String.indexOf(char) is vectorised; a charAt loop over the body cost more than the rest of this class.
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        starts = new int[n];
        ends = new int[n];
        int start = 0;
        for (int line = 0; line < n; line++) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            starts[line] = start;
            ends[line] = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            start = end + 1;
        }
        count = n;
    }

    String text() {
        return text;
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
            if (!Character.isWhitespace(c) && c != '\u00a0') {
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
