package org.cablegate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The "bare Lucene searcher" of BENCHMARK-ANCHORS.md over the index {@link BareLuceneIngest} builds: the same 20
 * queries as plain Lucene calls (classic query parser on {@code body}, EnglishAnalyzer, AND; facets by
 * {@link StringValueFacetCounts} over the SortedSetDocValues; hits with 5 stored fields), so that cablegate can be
 * compared with it in one run.
 *
 * <p>That index has no subject field, no date points and no date doc values, so four queries are the nearest the bare
 * index allows: Q04 searches {@code visit} in the body, Q15 and Q16 filter on the year's doc values, Q17 and Q18 sort
 * by the year's doc values (newest year first).
 */
final class BareLuceneSearcher implements AutoCloseable {
    private static final Set<String> HIT_FIELDS = Set.of("id", "created", "origin", "classification", "references");
    private static final String[] FACETS = {"origin_facet", "classification_facet", "year_facet"};

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final StringDocValuesReaderState[] facetStates = new StringDocValuesReaderState[FACETS.length];
    private final List<Query> queries;
    private final boolean[] faceted = new boolean[20];
    private final Sort newestYear = new Sort(new SortedSetSortField("year_facet", true));

    BareLuceneSearcher(Path indexDir) throws IOException, ParseException {
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        searcher = new IndexSearcher(reader);
        for (int i = 0; i < FACETS.length; i++) {
            facetStates[i] = new StringDocValuesReaderState(reader, FACETS[i]);
        }
        QueryParser parser = new QueryParser("body", new EnglishAnalyzer());
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query iran = parser.parse("iran");
        queries = List.of(iran, parser.parse("nuclear"), parser.parse("falklands"), parser.parse("visit"),
                parser.parse("iran AND nuclear"), parser.parse("oil AND pipeline"),
                parser.parse("terrorism AND financing"), parser.parse("\"human rights\""),
                parser.parse("\"prime minister\""), parser.parse("\"nuclear program\""),
                iran, parser.parse("oil AND pipeline"), parser.parse("\"human rights\""), new MatchAllDocsQuery(),
                SortedSetDocValuesField.newSlowExactQuery("year_facet", new BytesRef("2009")),
                new BooleanQuery.Builder().add(iran, Occur.MUST).add(SortedSetDocValuesField.newSlowRangeQuery(
                        "year_facet", new BytesRef("2008"),
                        new BytesRef("2009"), true, true), Occur.FILTER).build(),
                iran, new MatchAllDocsQuery(),
                new BooleanQuery.Builder().add(iran, Occur.MUST)
                        .add(new TermQuery(new Term("classification", "SECRET")), Occur.FILTER).build(),
                new BooleanQuery.Builder().add(parser.parse("police"), Occur.MUST)
                        .add(new TermQuery(new Term("origin", "Embassy Moscow")), Occur.FILTER).build());
        for (int q : new int[] {10, 11, 12, 13, 18, 19}) {
            faceted[q] = true;
        }
    }

    /** Runs query {@code index} (0 for Q01); returns the number of hits counted (a lower bound past 1,000). */
    long search(int index) throws IOException {
        Query query = queries.get(index);
        TopDocs top;
        long facetChecksum = 0;
        if (faceted[index]) {
            FacetsCollectorManager.FacetsResult result =
                    FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
            top = result.topDocs();
            FacetsCollector hits = result.facetsCollector();
            for (int i = 0; i < FACETS.length; i++) {
                FacetResult r = new StringValueFacetCounts(facetStates[i], hits).getTopChildren(10, FACETS[i]);
                facetChecksum += r == null ? 0 : r.childCount;
            }
        } else if (index == 16 || index == 17) {
            top = searcher.search(query, 10, newestYear);
        } else {
            top = searcher.search(query, 10);
        }
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc, HIT_FIELDS);
            facetChecksum += d.getFields().size();
        }
        return facetChecksum >= 0 ? top.totalHits.value : -1;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
