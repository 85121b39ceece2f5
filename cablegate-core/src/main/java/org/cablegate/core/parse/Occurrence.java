package org.cablegate.core.parse;

/**
 * Where a word next occurs in a text, remembered between calls: a parser that asks line after line, for a word most
 * lines do not hold, gets its answers from one indexOf (vectorised) over the rest of the text instead of a scan of
 * every line.
 */
final class Occurrence {
    private final String text;
    private final String word;
    private int searchedFrom = Integer.MAX_VALUE;
    private int found = -1;

    Occurrence(String text, String word) {
        this.text = text;
        this.word = word;
    }

    String word() {
        return word;
    }

    /** Where the word next occurs at or after {@code from}, or -1. */
    int next(int from) {
        // The last answer holds while from has not moved before the last search nor past what it found.
        if (from < searchedFrom || found >= 0 && from > found) {
            searchedFrom = from;
            found = text.indexOf(word, from);
        }
        return found;
    }
}
