package org.cablegate.archive.index;

import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.IntroSorter;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.Version;

/**
 * Inverts the body field of a batch of documents, the bulk of a release's work, without Lucene's indexing chain: the
 * same terms, positions and norms as {@link WordTokenizer} through {@code IndexWriter}, about four times cheaper.
 *
 * <p>Why: Lucene looks every token up in a hash whose term bytes share one byte pool with the growing postings, so
 * on a corpus the size of the cables nearly every lookup of a word rarer than "state" is a cache miss (measured: 420
 * ns a token). Here the vocabulary has its own small arena and table, each token appends (term, position) to two
 * arrays, and {@link #finish} turns them into postings with one counting sort by term: sequential memory traffic.
 *
 * <p>The tokenizing loop repeats {@link WordTokenizer}'s rules on the whole text (same folding, same 64-char cut,
 * same stop words and possessive {@code s}, whose positions are kept); {@code BodyInverterTest} holds the two to
 * the same index. One inverter is used by one thread at a time and reused from batch to batch.
 */
final class BodyInverter {
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final int MAX_STOP_WORD = 5;
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

    private final Similarity similarity;
    private final int positionGap;
    private final int offsetGap;

    // The vocabulary: an open-addressing table of two longs a slot, (the term's first 8 bytes, then 24 bits of its
    // hash, its length and its id + 1), and the term bytes in an arena of their own. Terms of up to 8 bytes, most of
    // them, are matched in their slot alone: a token's lookup costs one cache line, two for a longer word.
    private long[] table = new long[2 << 13];
    private int terms;
    private byte[] termBytes = new byte[1 << 16];
    private int termBytesUsed;
    private int[] termStart = new int[1 << 12];

    // The batch's tokens in document order, and per document where its tokens end, its last position, its length.
    private int[] tokenTerm = new int[1 << 16];
    private int[] tokenPosition = new int[1 << 16];
    private int tokens;
    /**
     * The postings {@link #finish} makes, reused from batch to batch: the biggest array of a batch, which the garbage
     * collector would otherwise copy from young to old generation each time.
     */
    private long[] postings = new long[0];
    private int[] docEnd = new int[1 << 10];
    private int[] docLastPosition = new int[1 << 10];
    private int[] docChars = new int[1 << 10];
    private int docs;

    private char[] text = new char[1 << 14];
    private final char[] word = new char[WordTokenizer.MAX_WORD];
    private final byte[] utf8 = new byte[WordTokenizer.MAX_WORD * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR];

    BodyInverter(Similarity similarity, int positionGap, int offsetGap) {
        this.similarity = similarity;
        this.positionGap = positionGap;
        this.offsetGap = offsetGap;
    }

    int docs() {
        return docs;
    }

    /** Tokens inverted since the last {@link #finish}. */
    long tokens() {
        return tokens;
    }

    /** Inverts the next document's body. */
    void add(String body) {
        int n = body.length();
        if (text.length < n) {
            text = new char[ArrayUtil.oversize(n, Character.BYTES)];
        }
        body.getChars(0, n, text, 0);
        char[] text = this.text;
        char[] word = this.word;
        int position = -1;
        int skipped = 0;
        int i = 0;
        while (i < n) {
            if (fold(text[i]) == 0) {
                i++;
                continue;
            }
            int start = i;
            int len = 0;
            boolean ascii = true;
            // For an ASCII word its bytes are its chars: hash and first 8 bytes are taken as it is read.
            int hash = 0;
            long prefix = 0;
            char folded;
            while (i < n && (folded = fold(text[i])) != 0) {
                if (len < word.length) {
                    hash = 31 * hash + folded;
                    if (len < Long.BYTES) {
                        prefix |= (long) (folded & 0xFF) << (len << 3);
                    }
                    word[len++] = folded;
                    ascii &= folded < 128;
                }
                i++;
            }
            if (len <= MAX_STOP_WORD && skip(word, len, ascii, prefix, start > 0 ? text[start - 1] : 0, start > 0)) {
                skipped++;
                continue;
            }
            position += 1 + skipped;
            skipped = 0;
            int term = ascii ? termOfAscii(word, len, prefix, hash)
                    : termOfUtf8(UnicodeUtil.UTF16toUTF8(word, 0, len, utf8));
            if (tokens == tokenTerm.length) {
                tokenTerm = ArrayUtil.grow(tokenTerm, tokens + 1);
                tokenPosition = ArrayUtil.growExact(tokenPosition, tokenTerm.length);
            }
            tokenTerm[tokens] = term;
            tokenPosition[tokens++] = position;
        }
        if (docs == docEnd.length) {
            docEnd = ArrayUtil.grow(docEnd, docs + 1);
            docLastPosition = ArrayUtil.growExact(docLastPosition, docEnd.length);
            docChars = ArrayUtil.growExact(docChars, docEnd.length);
        }
        docEnd[docs] = tokens;
        docLastPosition[docs] = position;
        docChars[docs] = n;
        docs++;
    }

    /**
     * The norm IndexingChain would store: the similarity's, from the field's state as the chain leaves it after the
     * field's only value (the analyzer's gaps added at its end), 0 for a body without a token.
     */
    private long norm(int doc, int length, int maxFreq, int unique) {
        if (length == 0) {
            return 0;
        }
        FieldInvertState state = new FieldInvertState(Version.LATEST.major, ArchiveSchema.BODY,
                IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, docLastPosition[doc] + positionGap, length, 0,
                docChars[doc] + offsetGap, maxFreq, unique);
        long norm = similarity.computeNorm(state);
        if (norm == 0) {
            throw new IllegalStateException("the similarity gave a norm of 0 to a body with " + length + " tokens");
        }
        return norm;
    }

    /** A stop word, or the {@code s} of a possessive ({@code before} is the char before the word, if any). */
    private static boolean skip(char[] word, int len, boolean ascii, long prefix, char before, boolean notFirst) {
        if (len == 1 && word[0] == 's' && notFirst) {
            return before == '\'' || before == '\u2019';
        }
        return ascii && isStopWord(prefix);
    }

    /**
     * Lucene's English stop words, each packed as its bytes in a long, in a table addressed by a multiplicative hash:
     * the same answers as {@code CharArraySet.contains} for the folded word, for a fraction of its cost.
     */
    private static final long[] STOP_KEYS = new long[128];

    static {
        for (Object o : STOP_WORDS) {
            char[] stop = (char[]) o;
            long key = 0;
            for (int k = 0; k < stop.length; k++) {
                if (stop[k] >= 128 || stop.length > MAX_STOP_WORD) {
                    throw new IllegalStateException("a stop word this inverter cannot pack: " + new String(stop));
                }
                key |= (long) stop[k] << (k << 3);
            }
            int slot = stopSlot(key);
            while (STOP_KEYS[slot] != 0) {
                slot = (slot + 1) & (STOP_KEYS.length - 1);
            }
            STOP_KEYS[slot] = key;
        }
    }

    private static int stopSlot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 57);
    }

    private static boolean isStopWord(long key) {
        for (int slot = stopSlot(key); ; slot = (slot + 1) & (STOP_KEYS.length - 1)) {
            long k = STOP_KEYS[slot];
            if (k == key) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
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

    private int termOfAscii(char[] word, int len, long prefix, int hash) {
        if (len > Long.BYTES) {
            // Compared in the arena: put at its end, where it stays if the term is new.
            ensureArena(len);
            for (int k = 0; k < len; k++) {
                termBytes[termBytesUsed + k] = (byte) word[k];
            }
        }
        return find(prefix, hash, len);
    }

    private int termOfUtf8(int len) {
        ensureArena(len);
        byte[] bytes = termBytes;
        int at = termBytesUsed;
        int h = 0;
        long prefix = 0;
        for (int k = 0; k < len; k++) {
            byte b = utf8[k];
            bytes[at + k] = b;
            h = 31 * h + b;
            if (k < Long.BYTES) {
                prefix |= (b & 0xFFL) << (k << 3);
            }
        }
        return find(prefix, h, len);
    }

    private void ensureArena(int len) {
        if (termBytesUsed + len > termBytes.length) {
            termBytes = ArrayUtil.grow(termBytes, termBytesUsed + len);
        }
    }

    /**
     * The id of the term at the end of the arena, adding it if it is new. A term has no zero byte (no char folds to
     * 0), so up to 8 bytes its prefix and length are the whole term.
     */
    private int find(long prefix, int hash, int len) {
        int h = mix(hash);
        long meta = (long) ((h & 0xFFFFFF00) | len) << 32;
        long[] table = this.table;
        int mask = (table.length >> 1) - 1;
        int slot = h & mask;
        while (true) {
            long found = table[2 * slot + 1];
            if (found == 0) {
                return add(slot, prefix, meta, len);
            }
            if ((found & 0xFFFFFFFF00000000L) == meta && table[2 * slot] == prefix) {
                int id = (int) found - 1;
                int s = termStart[id];
                if (len <= Long.BYTES || Arrays.equals(termBytes, s, s + len, termBytes, termBytesUsed, termBytesUsed + len)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, long prefix, long meta, int len) {
        if (len <= Long.BYTES) {
            ensureArena(len);
            for (int k = 0; k < len; k++) {
                termBytes[termBytesUsed + k] = (byte) (prefix >>> (k << 3));
            }
        }
        int id = terms++;
        table[2 * slot] = prefix;
        table[2 * slot + 1] = meta | (id + 1L);
        if (terms > termStart.length) {
            termStart = ArrayUtil.grow(termStart, terms);
        }
        termStart[id] = termBytesUsed;
        termBytesUsed += len;
        if (2 * terms > table.length >> 1) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        int mask = (bigger.length >> 1) - 1;
        for (int slot = 0; slot < table.length >> 1; slot++) {
            long meta = table[2 * slot + 1];
            if (meta != 0) {
                int id = (int) meta - 1;
                int h = 0;
                for (int k = termStart[id], end = k + ((int) (meta >>> 32) & 0xFF); k < end; k++) {
                    h = 31 * h + termBytes[k];
                }
                int to = mix(h) & mask;
                while (bigger[2 * to + 1] != 0) {
                    to = (to + 1) & mask;
                }
                bigger[2 * to] = table[2 * slot];
                bigger[2 * to + 1] = meta;
            }
        }
        table = bigger;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * The batch's postings, valid until the next call, and a fresh start for the next batch. Postings are sorted by
     * term id with one counting sort over the tokens taken in document order, which keeps each term's documents and
     * positions in order.
     */
    InvertedBody finish() {
        int[] start = new int[terms + 1];
        int[] tokenTerm = this.tokenTerm;
        for (int i = 0; i < tokens; i++) {
            start[tokenTerm[i] + 1]++;
        }
        for (int t = 0; t < terms; t++) {
            start[t + 1] += start[t];
        }
        int[] cursor = Arrays.copyOf(start, terms);
        if (postings.length < tokens) {
            postings = new long[ArrayUtil.oversize(tokens, Long.BYTES)];
        }
        long[] postings = this.postings;
        int[] tokenPosition = this.tokenPosition;
        int i = 0;
        int docCount = 0;
        for (int doc = 0; doc < docs; doc++) {
            long high = (long) doc << 32;
            int end = docEnd[doc];
            if (end > i) {
                docCount++;
            }
            for (; i < end; i++) {
                postings[cursor[tokenTerm[i]]++] = high | tokenPosition[i];
            }
        }
        // Per term its documents; per document its distinct terms and its highest term frequency, for the norms.
        int[] docFreq = new int[terms];
        int[] unique = new int[docs];
        int[] maxFreq = new int[docs];
        long sumDocFreq = 0;
        for (int t = 0; t < terms; t++) {
            int end = start[t + 1];
            for (int p = start[t]; p < end; ) {
                int doc = (int) (postings[p] >>> 32);
                int first = p;
                while (++p < end && (int) (postings[p] >>> 32) == doc) {
                    // the rest of the term's positions in this document
                }
                docFreq[t]++;
                unique[doc]++;
                maxFreq[doc] = Math.max(maxFreq[doc], p - first);
            }
            sumDocFreq += docFreq[t];
        }
        long[] norms = new long[docs];
        for (int doc = 0, from = 0; doc < docs; from = docEnd[doc++]) {
            norms[doc] = norm(doc, docEnd[doc] - from, maxFreq[doc], unique[doc]);
        }
        byte[] bytes = Arrays.copyOf(termBytes, termBytesUsed);
        int[] termStart = Arrays.copyOf(this.termStart, terms + 1);
        termStart[terms] = termBytesUsed;
        InvertedBody inverted = new InvertedBody(bytes, termStart, sortedTerms(bytes, termStart), start, docFreq, postings,
                norms, docs, docCount, sumDocFreq);
        clear();
        return inverted;
    }

    /** Term ids in the order of their bytes, unsigned, as Lucene orders terms. */
    private int[] sortedTerms(byte[] bytes, int[] starts) {
        int[] order = new int[terms];
        for (int t = 0; t < terms; t++) {
            order[t] = t;
        }
        new IntroSorter() {
            private int pivot;

            @Override
            protected void swap(int i, int j) {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }

            @Override
            protected void setPivot(int i) {
                pivot = order[i];
            }

            @Override
            protected int comparePivot(int j) {
                return compareTerms(pivot, order[j]);
            }

            @Override
            protected int compare(int i, int j) {
                return compareTerms(order[i], order[j]);
            }

            private int compareTerms(int a, int b) {
                return Arrays.compareUnsigned(bytes, starts[a], starts[a + 1], bytes, starts[b], starts[b + 1]);
            }
        }.sort(0, terms);
        return order;
    }

    private void clear() {
        Arrays.fill(table, 0);
        terms = 0;
        termBytesUsed = 0;
        tokens = 0;
        docs = 0;
    }
}
