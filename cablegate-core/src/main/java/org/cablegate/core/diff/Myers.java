package org.cablegate.core.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Myers' O(ND) shortest edit script ("An O(ND) Difference Algorithm and Its Variations", 1986) with the furthest
 * point of every diagonal kept per edit count, for the way back. Memory is O(D²) ints, which {@code maxEdits} bounds.
 */
final class Myers {
    private Myers() {}

    /**
     * Appends to {@code out} the edits turning {@code a[aFrom, aTo)} into {@code b[bFrom, bTo)} (EQUAL, DELETE and
     * INSERT chunks of the tokens {@code at} / {@code bt}); beyond {@code maxEdits} edits or {@code workBound} steps,
     * one DELETE of the whole range and one INSERT.
     */
    static void edits(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int maxEdits, long workBound,
            List<String> at, List<String> bt, List<WordDiff.Chunk> out) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if (n == 0 || m == 0) {
            WordDiff.add(out, WordDiff.Op.DELETE, at.subList(aFrom, aTo));
            WordDiff.add(out, WordDiff.Op.INSERT, bt.subList(bFrom, bTo));
            return;
        }
        if (fewestEdits(a, aFrom, aTo, b, bFrom, bTo) > maxEdits) {
            // More edits than allowed whatever the alignment: no need to search for them.
            WordDiff.add(out, WordDiff.Op.DELETE, at.subList(aFrom, aTo));
            WordDiff.add(out, WordDiff.Op.INSERT, bt.subList(bFrom, bTo));
            return;
        }
        int bound = Math.min(n + m, maxEdits);
        int offset = bound + 1;
        int[] v = new int[2 * bound + 3];
        List<int[]> trace = new ArrayList<>();
        long work = 0;
        int found = -1;
        search:
        for (int d = 0; d <= bound; d++) {
            // The furthest points before step d, on diagonals -d..d: all the way back needs.
            int[] saved = new int[2 * d + 1];
            for (int k = -d; k <= d; k++) {
                saved[k + d] = v[k + offset];
            }
            trace.add(saved);
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset])) {
                    x = v[k + 1 + offset];
                } else {
                    x = v[k - 1 + offset] + 1;
                }
                int y = x - k;
                int snakeFrom = x;
                while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
                    x++;
                    y++;
                }
                work += x - snakeFrom + 1; // the steps along the diagonal, and the probe
                v[k + offset] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break search;
                }
            }
            work += 2L * d + 1;
            if (work > workBound) {
                break;
            }
        }
        if (found < 0) {
            WordDiff.add(out, WordDiff.Op.DELETE, at.subList(aFrom, aTo));
            WordDiff.add(out, WordDiff.Op.INSERT, bt.subList(bFrom, bTo));
            return;
        }
        // Back from (n, m): each step d came from diagonal k±1 of step d-1, then slid along a snake of equal tokens.
        int[] ops = new int[n + m];
        int count = 0;
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = x - y;
            boolean down = k == -d || (k != d && prev[k - 1 + d] < prev[k + 1 + d]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = prev[prevK + d];
            int prevY = prevX - prevK;
            int startX = down ? prevX : prevX + 1;
            int startY = down ? prevY + 1 : prevY;
            while (x > startX && y > startY) {
                ops[count++] = 0;
                x--;
                y--;
            }
            ops[count++] = down ? 1 : -1;
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            ops[count++] = 0;
            x--;
            y--;
        }
        int i = aFrom;
        int j = bFrom;
        for (int c = count - 1; c >= 0; c--) {
            switch (ops[c]) {
                case 0 -> {
                    WordDiff.add(out, WordDiff.Op.EQUAL, at.subList(i, i + 1));
                    i++;
                    j++;
                }
                case 1 -> {
                    WordDiff.add(out, WordDiff.Op.INSERT, bt.subList(j, j + 1));
                    j++;
                }
                default -> {
                    WordDiff.add(out, WordDiff.Op.DELETE, at.subList(i, i + 1));
                    i++;
                }
            }
        }
    }

    /**
     * A lower bound on the edits: tokens of one side that the other cannot match, counted as multisets. Two unrelated
     * texts of 60,000 words are told apart in linear time.
     */
    static int fewestEdits(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
        int max = 0;
        for (int i = aFrom; i < aTo; i++) {
            max = Math.max(max, a[i]);
        }
        for (int j = bFrom; j < bTo; j++) {
            max = Math.max(max, b[j]);
        }
        int[] count = new int[max + 1];
        for (int i = aFrom; i < aTo; i++) {
            count[a[i]]++;
        }
        int common = 0;
        for (int j = bFrom; j < bTo; j++) {
            if (count[b[j]] > 0) {
                count[b[j]]--;
                common++;
            }
        }
        return (aTo - aFrom) + (bTo - bFrom) - 2 * common;
    }
}
