package org.cablegate.archive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;

/**
 * The one analyzer of the public archive, for indexing and for queries alike. Text fields go through
 * {@link WordTokenizer} (letters and digits, lower-cased, no stemming, no stop words: phrases and exact words are what
 * cable readers search for, and stemming costs indexing time). Keyword fields ({@link ArchiveSchema#isKeyword}) are
 * taken whole and upper-cased, so that {@code id:08moscow1647} and {@code tag:prel} find what is indexed as written.
 */
final class CableAnalyzer extends Analyzer {
    /** Keeps phrase queries from matching across two recipients of the multi-valued {@code to} field. */
    private static final int VALUE_GAP = 100;

    CableAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        if (ArchiveSchema.isKeyword(field)) {
            KeywordTokenizer whole = new KeywordTokenizer();
            return new TokenStreamComponents(whole, new UpperCaseFilter(whole));
        }
        return new TokenStreamComponents(new WordTokenizer());
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
        return ArchiveSchema.isKeyword(field) ? new UpperCaseFilter(in) : new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String field) {
        return VALUE_GAP;
    }
}
