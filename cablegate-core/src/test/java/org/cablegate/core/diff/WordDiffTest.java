package org.cablegate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cablegate.core.diff.WordDiff.Op;
import org.cablegate.core.diff.WordDiff.Run;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    private static Run eq(String text) {
        return new Run(Op.EQUAL, text);
    }

    private static Run del(String text) {
        return new Run(Op.DELETE, text);
    }

    private static Run ins(String text) {
        return new Run(Op.INSERT, text);
    }

    @Test
    void tokensAreWordsSpaceRunsAndSinglePunctuation() {
        assertThat(WordDiff.tokens("Mr. Smith's  XXXXXXXXXXXX,\n\n1.4(b)")).containsExactly("Mr", ".", " ", "Smith",
                "'", "s", "  ", "XXXXXXXXXXXX", ",", "\n\n", "1", ".", "4", "(", "b", ")");
        assertThat(WordDiff.tokens("")).isEmpty();
    }

    @Test
    void oneWordChanged() {
        assertThat(WordDiff.diff("the cat sat", "the dog sat"))
                .containsExactly(eq("the "), del("cat"), ins("dog"), eq(" sat"));
    }

    @Test
    void aRedactedNameIsOneChangeAgainstOneMark() {
        assertThat(WordDiff.diff("met Ivan Petrov today", "met XXXXXXXXXXXX today"))
                .containsExactly(eq("met "), del("Ivan Petrov"), ins("XXXXXXXXXXXX"), eq(" today"));
        // The comma after "Smith" could be matched to the one after the mark: the change slides to stay one.
        assertThat(WordDiff.diff("to Smith, Jones, and Brown", "to XXXXXXXXXXXX, and Brown"))
                .containsExactly(eq("to "), del("Smith, Jones"), ins("XXXXXXXXXXXX"), eq(", and Brown"));
    }

    @Test
    void whiteSpaceAloneBetweenChangesJoinsThem() {
        assertThat(WordDiff.diff("a b c d", "a x y d"))
                .containsExactly(eq("a "), del("b c"), ins("x y"), eq(" d"));
    }

    @Test
    void pureInsertionsAndDeletions() {
        assertThat(WordDiff.diff("", "")).isEmpty();
        assertThat(WordDiff.diff("", "new text")).containsExactly(ins("new text"));
        assertThat(WordDiff.diff("old text", "")).containsExactly(del("old text"));
        assertThat(WordDiff.diff("same", "same")).containsExactly(eq("same"));
        assertThat(WordDiff.diff("one two", "one and two"))
                .containsExactly(eq("one "), ins("and "), eq("two"));
    }

    @Test
    void beyondTheBoundTheMiddleIsOneDeletionAndOneInsertion() {
        String before = "head 1 2 3 4 5 6 7 8 9 tail";
        String after = "head a 2 b 4 c 6 d 8 e tail";
        assertThat(WordDiff.diff(before, after, 3))
                .containsExactly(eq("head "), del("1 2 3 4 5 6 7 8 9"), ins("a 2 b 4 c 6 d 8 e"), eq(" tail"));
        // Within the bound: five changes of one word each.
        assertThat(WordDiff.diff(before, after)).hasSize(16).startsWith(eq("head "), del("1"), ins("a"), eq(" 2 "))
                .endsWith(del("9"), ins("e"), eq(" tail"));
    }

    @Test
    void hugeUnrelatedTextsEndAsOneDeletionAndOneInsertion() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            a.append("a").append(i).append(' ');
            b.append("b").append(i).append(' ');
        }
        List<Run> runs = WordDiff.diff(a.toString(), b.toString());
        assertThat(runs).containsExactly(del(a.toString().strip()), ins(b.toString().strip()), eq(" "));
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThatThrownBy(() -> WordDiff.diff("a", "b", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEdits -1 is negative");
    }

    @Test
    void runsConcatenateBackToBothTextsOnEditedText() {
        String base = "1. (C) Summary: Ambassador Ivan Petrov met the Foreign Minister, who said \"no\".\n"
                + "2. (S) The meeting (in Moscow) lasted two hours; both sides, again, said little.\n";
        List<String> variants = new ArrayList<>();
        variants.add(base.replace("Ivan Petrov", "XXXXXXXXXXXX"));
        variants.add(base.replace("\n", " \n"));
        variants.add(base.replace("two hours", "three long hours, or more"));
        variants.add(base.substring(40));
        variants.add(base + base);
        variants.add(new StringBuilder(base).reverse().toString());
        for (String v : variants) {
            WordDiffProperties.assertConcatenates(base, v);
            WordDiffProperties.assertConcatenates(v, base);
        }
    }
}
