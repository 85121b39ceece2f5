package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The query parser of the embedded archive under arbitrary text (issue 13). Seeds: the queries of the README and the
 * search tests. Properties: a text parses to a query or to a {@link BadQueryException} with a message for the
 * reader, never another exception (a stack overflow of deep parentheses, an automaton too complex, a parser error
 * escaping); parsing is deterministic; a parsed query holds no more expanding clauses than {@link SearchLimits}
 * allows (a bare word's clause is searched in two fields); and it rewrites over an index without failing.
 */
public class QueryParserFuzzTest {
    private static final SearchLimits LIMITS = SearchLimits.defaults();
    private static final IndexSearcher EMPTY = emptySearcher();

    private final ArchiveQueryParser parser = new ArchiveQueryParser(new CableAnalyzer(), LIMITS);

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException, BadQueryException {
        new QueryParserFuzzTest().parse(input);
    }

    @FuzzTest(maxDuration = "3s")
    void parse(byte[] input) throws IOException, BadQueryException {
        String text = new String(input, StandardCharsets.UTF_8);
        Query query;
        try {
            query = parser.parse(text);
        } catch (BadQueryException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertBadAgain(text, e.getMessage());
            return;
        }
        assertThat(parser.parse(text)).isEqualTo(query);
        AtomicInteger expanding = new AtomicInteger();
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof MultiTermQuery) {
                    expanding.incrementAndGet();
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        assertThat(expanding.get()).as("expanding clauses of %s", text)
                .isLessThanOrEqualTo(2 * LIMITS.maxExpandingClauses());
        EMPTY.rewrite(query);
    }

    private void assertBadAgain(String text, String message) {
        try {
            parser.parse(text);
            throw new AssertionError("parsed the second time: " + text);
        } catch (BadQueryException again) {
            assertThat(again.getMessage()).isEqualTo(message);
        }
    }

    private static IndexSearcher emptySearcher() {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            new IndexWriter(dir, new IndexWriterConfig(new CableAnalyzer())).close();
            return new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
