package org.cablegate.core.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a diff read the way a person would mark it up, without changing what it concatenates to: the deletions of a
 * change before its insertions; an edit that can slide over the equal tokens before or after it onto the next change
 * slides (so the comma after a redacted name is not matched inside the name); white space alone between two changes
 * joins them.
 */
final class Tidy {
    private Tidy() {}

    static List<WordDiff.Chunk> tidy(List<WordDiff.Chunk> chunks) {
        List<WordDiff.Chunk> c = normalise(chunks);
        boolean changed = true;
        while (changed) {
            changed = slide(c) | joinOverSpace(c);
            c = normalise(c);
        }
        return c;
    }

    /** Each change between equal runs as at most one DELETE then one INSERT; no empty chunks; equal runs merged. */
    private static List<WordDiff.Chunk> normalise(List<WordDiff.Chunk> chunks) {
        List<WordDiff.Chunk> out = new ArrayList<>(chunks.size());
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (WordDiff.Chunk chunk : chunks) {
            switch (chunk.op) {
                case DELETE -> deleted.addAll(chunk.tokens);
                case INSERT -> inserted.addAll(chunk.tokens);
                case EQUAL -> {
                    if (chunk.tokens.isEmpty()) {
                        continue;
                    }
                    flush(out, deleted, inserted);
                    WordDiff.add(out, WordDiff.Op.EQUAL, chunk.tokens);
                }
            }
        }
        flush(out, deleted, inserted);
        return out;
    }

    private static void flush(List<WordDiff.Chunk> out, List<String> deleted, List<String> inserted) {
        WordDiff.add(out, WordDiff.Op.DELETE, deleted);
        WordDiff.add(out, WordDiff.Op.INSERT, inserted);
        deleted.clear();
        inserted.clear();
    }

    /**
     * A lone deletion or insertion between two equal runs slides over a whole neighbouring equal run when its tokens
     * end (or start) with that run's: {@code =, -" Jones," =" and"} after {@code -Smith +XXXXXXXXXXXX} becomes
     * {@code -", Jones" =", and"}, which joins the change before it.
     */
    private static boolean slide(List<WordDiff.Chunk> c) {
        boolean changed = false;
        for (int i = 1; i + 1 < c.size(); i++) {
            WordDiff.Chunk prev = c.get(i - 1);
            WordDiff.Chunk edit = c.get(i);
            WordDiff.Chunk next = c.get(i + 1);
            if (prev.op != WordDiff.Op.EQUAL || next.op != WordDiff.Op.EQUAL || edit.op == WordDiff.Op.EQUAL) {
                continue;
            }
            // Only worth it when the slide brings the edit next to another change.
            boolean changeBefore = i >= 2;
            boolean changeAfter = i + 2 < c.size();
            if (changeBefore && endsWith(edit.tokens, prev.tokens)) {
                List<String> moved = new ArrayList<>(prev.tokens);
                moved.addAll(edit.tokens.subList(0, edit.tokens.size() - prev.tokens.size()));
                List<String> tail = new ArrayList<>(prev.tokens);
                tail.addAll(next.tokens);
                edit.tokens.clear();
                edit.tokens.addAll(moved);
                next.tokens.clear();
                next.tokens.addAll(tail);
                prev.tokens.clear();
                changed = true;
            } else if (changeAfter && startsWith(edit.tokens, next.tokens)) {
                List<String> moved = new ArrayList<>(edit.tokens.subList(next.tokens.size(), edit.tokens.size()));
                moved.addAll(next.tokens);
                prev.tokens.addAll(next.tokens);
                edit.tokens.clear();
                edit.tokens.addAll(moved);
                next.tokens.clear();
                changed = true;
            }
        }
        return changed;
    }

    /** An equal run of white space only, between two changes, becomes part of both sides of one change. */
    private static boolean joinOverSpace(List<WordDiff.Chunk> c) {
        boolean changed = false;
        for (int i = 1; i + 1 < c.size(); i++) {
            WordDiff.Chunk chunk = c.get(i);
            if (chunk.op == WordDiff.Op.EQUAL && c.get(i - 1).op != WordDiff.Op.EQUAL
                    && c.get(i + 1).op != WordDiff.Op.EQUAL && isSpace(chunk.tokens)) {
                List<String> tokens = chunk.tokens;
                c.set(i, new WordDiff.Chunk(WordDiff.Op.DELETE, new ArrayList<>(tokens)));
                c.add(i + 1, new WordDiff.Chunk(WordDiff.Op.INSERT, new ArrayList<>(tokens)));
                i++;
                changed = true;
            }
        }
        return changed;
    }

    private static boolean isSpace(List<String> tokens) {
        for (String t : tokens) {
            if (!WordDiff.isSpace(t.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(List<String> tokens, List<String> end) {
        int n = tokens.size();
        int k = end.size();
        return k > 0 && k <= n && tokens.subList(n - k, n).equals(end);
    }

    private static boolean startsWith(List<String> tokens, List<String> start) {
        int k = start.size();
        return k > 0 && k <= tokens.size() && tokens.subList(0, k).equals(start);
    }
}
