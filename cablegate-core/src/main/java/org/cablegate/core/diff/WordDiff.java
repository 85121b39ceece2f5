package org.cablegate.core.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A word-level diff of two texts, for the history pages of a cable and for reading redactions off a redacted copy.
 *
 * <p>Texts are cut into tokens — words (letters and digits), runs of white space, and single punctuation characters —
 * so {@code XXXXXXXXXXXX}, the site's mark, is one token. The runs of a diff concatenate back to each text exactly:
 * {@code EQUAL + DELETE} runs give the first text, {@code EQUAL + INSERT} runs the second. Within a change the
 * deletion comes first.
 *
 * <p>The diff is Myers' O(ND) algorithm on the tokens between the common prefix and suffix, then tidied for reading:
 * an edit that can slide onto the next change does ("XXXXXXXXXXXX, and" against "Smith, Jones, and" is one change
 * of "Smith, Jones", not two), and white space alone between two changes joins them. Two texts too different to diff
 * within the work bound ({@link #DEFAULT_MAX_EDITS} token edits) come out as one deletion and one insertion between
 * their common prefix and suffix: a history page of a rewritten cable must not cost seconds.
 *
 * <p>Stateless and thread-safe.
 */
public final class WordDiff {
    /** The most token edits looked for before two texts count as wholly different. */
    public static final int DEFAULT_MAX_EDITS = 2_000;
    /** Token comparisons and diagonal steps allowed per diff: about 50 ms of work. */
    private static final long WORK_BOUND = 30_000_000L;

    /** What a run does. */
    public enum Op {
        /** In both texts. */
        EQUAL,
        /** Only in the second text. */
        INSERT,
        /** Only in the first text. */
        DELETE
    }

    /** Consecutive tokens with the same fate; never empty. */
    public record Run(Op op, String text) {
        public Run {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a run is never empty");
            }
        }
    }

    private WordDiff() {}

    /** The diff of {@code before} and {@code after}, at most {@link #DEFAULT_MAX_EDITS} token edits looked for. */
    public static List<Run> diff(String before, String after) {
        return diff(before, after, DEFAULT_MAX_EDITS);
    }

    /**
     * The diff of {@code before} and {@code after}.
     *
     * @param maxEdits beyond this many token edits (or the work bound) the differing middle is one deletion and one
     *                 insertion
     */
    public static List<Run> diff(String before, String after, int maxEdits) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (maxEdits < 0) {
            throw new IllegalArgumentException("maxEdits " + maxEdits + " is negative");
        }
        List<Run> out = new ArrayList<>();
        for (Chunk chunk : chunks(tokens(before), tokens(after), maxEdits)) {
            out.add(new Run(chunk.op, chunk.text()));
        }
        return out;
    }

    /**
     * A change between two lists of tokens: {@code before[beforeFrom, beforeTo)} became
     * {@code after[afterFrom, afterTo)}; one side may be empty.
     */
    public record Change(int beforeFrom, int beforeTo, int afterFrom, int afterTo) {}

    /**
     * The changes between two lists of tokens, tidied as {@link #diff} tidies runs; tokens between changes are equal.
     * For comparisons that leave some tokens out: the redaction suggester diffs words without the white space
     * between them, so that a copy laid out differently differs in nothing.
     */
    public static List<Change> changes(List<String> before, List<String> after) {
        List<Change> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        int changeI = -1;
        int changeJ = -1;
        for (Chunk chunk : chunks(before, after, DEFAULT_MAX_EDITS)) {
            if (chunk.op == Op.EQUAL) {
                if (changeI >= 0) {
                    out.add(new Change(changeI, i, changeJ, j));
                    changeI = -1;
                }
                i += chunk.tokens.size();
                j += chunk.tokens.size();
                continue;
            }
            if (changeI < 0) {
                changeI = i;
                changeJ = j;
            }
            if (chunk.op == Op.DELETE) {
                i += chunk.tokens.size();
            } else {
                j += chunk.tokens.size();
            }
        }
        if (changeI >= 0) {
            out.add(new Change(changeI, i, changeJ, j));
        }
        return out;
    }

    private static List<Chunk> chunks(List<String> a, List<String> b, int maxEdits) {
        Map<String, Integer> ids = new HashMap<>();
        int[] x = intern(a, ids);
        int[] y = intern(b, ids);
        int prefix = 0;
        while (prefix < x.length && prefix < y.length && x[prefix] == y[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < x.length - prefix && suffix < y.length - prefix
                && x[x.length - 1 - suffix] == y[y.length - 1 - suffix]) {
            suffix++;
        }
        List<Chunk> chunks = new ArrayList<>();
        add(chunks, Op.EQUAL, a.subList(0, prefix));
        Myers.edits(x, prefix, x.length - suffix, y, prefix, y.length - suffix, maxEdits, WORK_BOUND, a, b, chunks);
        add(chunks, Op.EQUAL, a.subList(a.size() - suffix, a.size()));
        return Tidy.tidy(chunks);
    }

    /** The first text of a diff: its EQUAL and DELETE runs. */
    public static String before(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            if (r.op() != Op.INSERT) {
                sb.append(r.text());
            }
        }
        return sb.toString();
    }

    /** The second text of a diff: its EQUAL and INSERT runs. */
    public static String after(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            if (r.op() != Op.DELETE) {
                sb.append(r.text());
            }
        }
        return sb.toString();
    }

    /** The tokens of {@code text}: words of letters and digits, runs of white space, single other characters. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(text.length() / 3 + 1);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i++;
            if (Character.isLetterOrDigit(c)) {
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
            } else if (isSpace(c)) {
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    /** White space as a reader sees it: the JDK's, and the no-break space of pages copied from HTML. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    private static int[] intern(List<String> tokens, Map<String, Integer> ids) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(tokens.get(i));
            if (id == null) {
                id = ids.size();
                ids.put(tokens.get(i), id);
            }
            out[i] = id;
        }
        return out;
    }

    static void add(List<Chunk> chunks, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last != null && last.op == op) {
            last.tokens.addAll(tokens);
        } else {
            chunks.add(new Chunk(op, new ArrayList<>(tokens)));
        }
    }

    /** A run under construction: its tokens, so that tidying never cuts a word. */
    static final class Chunk {
        Op op;
        final List<String> tokens;

        Chunk(Op op, List<String> tokens) {
            this.op = op;
            this.tokens = tokens;
        }

        String text() {
            return String.join("", tokens);
        }
    }
}
