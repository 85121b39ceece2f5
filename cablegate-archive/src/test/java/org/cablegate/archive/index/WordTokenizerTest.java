package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private final Analyzer analyzer = new CableAnalyzer();

    private List<String> terms(String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }

    @Test
    void splitsOnAnythingButLettersAndDigitsAndLowerCases() throws IOException {
        assertThat(terms("body", "1. (C) SUMMARY: Putin visits 08MOSCOW1647, per REF B/C."))
                .containsExactly("1", "c", "summary", "putin", "visits", "08moscow1647", "per", "ref", "b", "c");
    }

    @Test
    void dropsStopWordsAndPossessiveSButKeepsTheirPositions() throws IOException {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", "The visit of THE Minister, Iran's and Iran’s s S")) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                increments.add(increment.getPositionIncrement());
            }
            ts.end();
        }
        assertThat(terms).containsExactly("visit", "minister", "iran", "iran", "s", "s");
        assertThat(increments).containsExactly(2, 3, 1, 3, 2, 1);
    }

    @Test
    void foldsCaseBeyondAscii() throws IOException {
        assertThat(terms("body", "ÉCOLE Ärzte façade ŁÓDŹ")).containsExactly("école", "ärzte", "façade", "łódź");
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneInsideWords() throws IOException {
        assertThat(terms("body", "a\uD835\uDC00b c")).containsExactly("a\uD835\uDC00b", "c");
    }

    @Test
    void cutsOverlongWordsAndSkipsTheirRest() throws IOException {
        String xs = "X".repeat(WordTokenizer.MAX_WORD + 50);
        assertThat(terms("body", "before " + xs + " after"))
                .containsExactly("before", "x".repeat(WordTokenizer.MAX_WORD), "after");
    }

    @Test
    void readsTextLongerThanItsBuffer() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("word").append(i).append(' ');
        }
        List<String> terms = terms("body", text.toString());
        assertThat(terms).hasSize(3000);
        assertThat(terms.get(2999)).isEqualTo("word2999");
    }

    @Test
    void reportsOffsetsOfTheOriginalText() throws IOException {
        try (TokenStream ts = analyzer.tokenStream("body", "  Iran,  nuclear")) {
            OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            assertThat(ts.incrementToken()).isTrue();
            assertThat(List.of(offsets.startOffset(), offsets.endOffset())).containsExactly(2, 6);
            assertThat(ts.incrementToken()).isTrue();
            assertThat(List.of(offsets.startOffset(), offsets.endOffset())).containsExactly(9, 16);
            assertThat(ts.incrementToken()).isFalse();
            ts.end();
            assertThat(offsets.endOffset()).isEqualTo(16);
        }
    }

    @Test
    void keywordFieldsAreTakenWholeAndUpperCased() throws IOException {
        assertThat(terms(ArchiveSchema.TAG, "clinton, hillary")).containsExactly("CLINTON, HILLARY");
        assertThat(terms(ArchiveSchema.ID, "08moscow1647")).containsExactly("08MOSCOW1647");
    }
}
