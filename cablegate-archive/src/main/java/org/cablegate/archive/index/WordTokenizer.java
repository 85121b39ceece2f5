package org.cablegate.archive.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits text into runs of letters and digits, lower-cased as it goes: {@code "08 MOSCOW 1647, (C) Putin's"} →
 * {@code 08 moscow 1647 c putin s}.
 *
 * <p>Why not StandardTokenizer: indexing 1.7 GB of cable text is the slowest step of a full release, and the JFlex
 * grammar of UAX#29 costs several times more per character than this loop while buying little for cables, which are
 * mostly upper-case telegraph English. ASCII takes a table lookup; other characters go through {@link Character}.
 * Surrogate pairs count as word characters (kept, not case-folded). Words longer than {@link #MAX_WORD} are cut
 * there and the rest of the run skipped, so a run of redaction X's or a base64 blob cannot bloat the terms dictionary.
 *
 * <p>Lucene's 33 English stop words ({@code the, to, and, of, in, a, that, …}) are dropped, their positions kept: in
 * the cables they are 29% of all words (measured on the full-scale corpus), every one of them costs the indexer as
 * much as a rare word, and nobody searches for them. A phrase around one still matches ({@code "secretary of state"}
 * finds the words two positions apart), as does the same phrase with another stop word in that place. So is the
 * {@code s} after an apostrophe ({@code Iran's} is {@code iran}), another 1.4% of the words.
 */
final class WordTokenizer extends Tokenizer {
    static final int MAX_WORD = 64;

    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    /** No stop word is longer: longer words skip the lookup. */
    private static final int MAX_STOP_WORD = 5;

    /** For each ASCII char: 0 = separator, otherwise the char lower-cased. */
    private static final char[] ASCII = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = c;
            ASCII[c - 'a' + 'A'] = c;
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final char[] buffer = new char[4096];
    private int length;
    private int position;
    /** Offset in the whole input of {@code buffer[0]}. */
    private int bufferStart;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        int skipped = 0;
        while (true) {
            int length = nextWord();
            if (length == 0) {
                return false;
            }
            if (length > MAX_STOP_WORD || !skip(length)) {
                increment.setPositionIncrement(1 + skipped);
                return true;
            }
            skipped++;
        }
    }

    /** A stop word, or the {@code s} of a possessive. */
    private boolean skip(int length) {
        char[] word = term.buffer();
        if (length == 1 && word[0] == 's' && wordStart > 0) {
            char before = previous;
            return before == '\'' || before == '\u2019';
        }
        return STOP_WORDS.contains(word, 0, length);
    }

    /** Offset of the current word's first char, and the char before it (0 at the start). */
    private int wordStart;
    private char previous;
    private char last;

    /** Reads the next word into the term attribute, with its offsets; its length, 0 at the end. */
    private int nextWord() throws IOException {
        char[] out = term.buffer();
        int wordLength = 0;
        int start = -1;
        while (true) {
            if (position >= length) {
                if (!fill()) {
                    break;
                }
            }
            char c = buffer[position];
            char folded = fold(c);
            if (folded == 0) {
                if (wordLength > 0) {
                    break;
                }
                last = c;
                position++;
                continue;
            }
            if (start < 0) {
                start = bufferStart + position;
                previous = last;
            }
            if (wordLength < MAX_WORD) {
                if (wordLength == out.length) {
                    out = term.resizeBuffer(wordLength + 1);
                }
                out[wordLength++] = folded;
            }
            position++;
        }
        if (wordLength == 0) {
            return 0;
        }
        term.setLength(wordLength);
        int end = bufferStart + position;
        wordStart = start;
        last = 0;
        offsets.setOffset(correctOffset(start), correctOffset(end));
        return wordLength;
    }

    private static char fold(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        if (Character.isLetterOrDigit(c)) {
            char lower = Character.toLowerCase(c);
            return lower == 0 ? c : lower;
        }
        return 0;
    }

    private boolean fill() throws IOException {
        bufferStart += length;
        position = 0;
        length = 0;
        int n = input.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        length = n;
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        finalOffset = correctOffset(bufferStart + length);
        offsets.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        position = 0;
        bufferStart = 0;
        finalOffset = 0;
        wordStart = 0;
        previous = 0;
        last = 0;
    }
}
