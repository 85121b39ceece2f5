package org.cablegate.archive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * The archive's query syntax and analysis, for another {@link SearchBackend} that must give the same answers: the
 * query a reader's text parses to (which a cluster backend translates rather than parsing again), the analyzer that
 * made the archive's terms (which its own analysis is tested against), and the tie-break key of every sort.
 */
public final class QuerySyntax {
    private QuerySyntax() {}

    /** The query as {@link PublicArchive} runs it; a {@link BadQueryException} says what is wrong with the text. */
    public static Query parse(String text) throws BadQueryException {
        return new ArchiveQueryParser(new CableAnalyzer()).parse(text);
    }

    /** Whether the query ranks by words; without, a relevance order is newest first (see {@link SearchRequest}). */
    public static boolean hasWords(Query query) {
        return ArchiveQueryParser.hasWords(query);
    }

    /** A new instance of the analyzer of every field of the archive, for indexing and queries alike. */
    public static Analyzer analyzer() {
        return new CableAnalyzer();
    }

    /** The number every sort breaks ties by, from a cable's id (unique in practice). */
    public static long idKey(String id) {
        return ArchiveSchema.idKey(id);
    }
}
