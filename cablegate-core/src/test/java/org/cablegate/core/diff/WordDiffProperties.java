package org.cablegate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every diff must be: its runs give back both texts, none is empty, no two neighbours share an op. */
final class WordDiffProperties {
    private WordDiffProperties() {}

    static List<WordDiff.Run> assertConcatenates(String before, String after) {
        List<WordDiff.Run> runs = WordDiff.diff(before, after);
        assertThat(WordDiff.before(runs)).isEqualTo(before);
        assertThat(WordDiff.after(runs)).isEqualTo(after);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).op()).isNotEqualTo(runs.get(i - 1).op());
            // A change is its deletion, then its insertion.
            assertThat(runs.get(i - 1).op() == WordDiff.Op.INSERT && runs.get(i).op() == WordDiff.Op.DELETE).isFalse();
        }
        return runs;
    }
}
