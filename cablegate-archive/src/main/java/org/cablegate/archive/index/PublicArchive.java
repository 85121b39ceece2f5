package org.cablegate.archive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The public archive, read-only: released cables and nothing else. This is what the web server, the exporter and the
 * search command open. Thread-safe; searches run on a shared point-in-time ({@link SearcherManager}) that moves to the
 * newest release on {@link #refresh()}, and by itself at most once a second while searches come in.
 *
 * <p>A release is one Lucene commit, so a reader sees a release whole or not at all. Before the first release there
 * is no index yet, and the archive is empty.
 */
public final class PublicArchive implements AutoCloseable {
    /** Key of the commit user data that names the release a commit published. */
    static final String RELEASE_KEY = "release";
    /**
     * Key of the commit user data that holds the size of the whole set when the release was made: the denominator of
     * "released 6,712 / 251,287". The vault knows it; the public archive keeps a copy, as its readers never open the vault.
     */
    static final String SET_SIZE_KEY = "setSize";

    private static final long AUTO_REFRESH_NANOS = 1_000_000_000L;
    /** Hits are counted exactly up to this many; beyond, only when it is cheap (see {@link SearchResult#total()}). */
    static final int COUNT_EXACTLY_UP_TO = 1000;

    private final Directory directory;
    private final ArchiveQueryParser parser = new ArchiveQueryParser(new CableAnalyzer());
    private volatile SearcherManager manager;
    private volatile long lastRefresh = System.nanoTime();

    private PublicArchive(Directory directory) {
        this.directory = directory;
    }

    /** Opens the index directory ({@code <data>/public}); a missing or empty one is an empty archive. */
    public static PublicArchive open(Path indexDir) throws IOException {
        PublicArchive archive = new PublicArchive(FSDirectory.open(indexDir));
        archive.manager();
        return archive;
    }

    /** Moves to the newest release, if there is a newer one. */
    public void refresh() throws IOException {
        lastRefresh = System.nanoTime();
        SearcherManager m = manager();
        if (m != null) {
            m.maybeRefreshBlocking();
        }
    }

    /** Released cables in the current view. */
    public long count() throws IOException {
        return withSearcher(s -> (long) s.getIndexReader().numDocs(), 0L);
    }

    /** The release whose commit is the current view; 0 before the first. */
    public long lastRelease() throws IOException {
        return withSearcher(s -> Long.parseLong(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()
                .getOrDefault(RELEASE_KEY, "0")), 0L);
    }

    /**
     * The size of the whole set (cables in the vault plus ids known without text) as of the current view's release;
     * at least {@link #count()}, and 0 before the first release.
     */
    public long setSize() throws IOException {
        return withSearcher(s -> Math.max(s.getIndexReader().numDocs(), Long.parseLong(((DirectoryReader) s.getIndexReader())
                .getIndexCommit().getUserData().getOrDefault(SET_SIZE_KEY, "0"))), 0L);
    }

    /** A released cable by its published id, or else by its corrected id. */
    public Optional<PublicCable> get(String id) throws IOException {
        return withSearcher(s -> {
            Optional<PublicCable> exact = first(s, new TermQuery(new Term(ArchiveSchema.ID, id)));
            return exact.isPresent() ? exact : first(s, new TermQuery(new Term(ArchiveSchema.CANONICAL_ID, id)));
        }, Optional.empty());
    }

    private static Optional<PublicCable> first(IndexSearcher s, Query q) throws IOException {
        TopDocs top = s.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(ArchiveSchema.toCable(s.storedFields().document(top.scoreDocs[0].doc)));
    }

    /**
     * Runs one search.
     *
     * @throws BadQueryException the query, a filter or the cursor cannot be used as written; the message says why
     * @throws IOException       the index could not be read
     */
    public SearchResult search(SearchRequest request) throws BadQueryException, IOException {
        Query parsed = parser.parse(request.query());
        // Without words there is no relevance (every cable scores the same): list newest first, which Lucene can
        // answer without visiting every hit (a relevance order would visit them all to order them by the id's key).
        SortOrder order = request.sort() == SortOrder.RELEVANCE && !ArchiveQueryParser.hasWords(parsed)
                ? SortOrder.CREATED_NEWEST : request.sort();
        Query query = withFilters(parsed, request.filters());
        FieldDoc after = request.cursor().isPresent() ? Sorting.after(order, request.cursor().get()) : null;
        try {
            return withSearcher(s -> search(s, query, after, order, request), SearchResult.empty());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("The query '" + request.query() + "' expands to too many terms; make it narrower");
        }
    }

    private static Query withFilters(Query query, List<SearchRequest.Filter> filters) {
        if (filters.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        for (SearchRequest.Filter f : filters) {
            b.add(ArchiveSchema.facetFilter(f.facet(), f.value()), Occur.FILTER);
        }
        return b.build();
    }

    private static SearchResult search(ArchiveSearcher s, Query query, FieldDoc after, SortOrder order,
            SearchRequest request) throws IOException {
        int offset = after == null ? request.offset() : 0;
        int wanted = offset + request.limit();
        int maxDoc = s.getIndexReader().maxDoc();
        // One more than asked, to know whether a next page exists; never more than the index holds.
        int numHits = Math.max(1, (int) Math.min((long) wanted + 1, maxDoc));
        boolean facets = !request.facets().isEmpty();
        boolean countAll = facets && query instanceof MatchAllDocsQuery;
        // Counting stops at COUNT_EXACTLY_UP_TO, which lets Lucene skip hits that cannot reach the page (by score
        // bounds, or by the date points for date orders): the first page of "iran" does not score all 90,000 hits.
        // With facets, a second pass counts every hit anyway, and this one need count none beyond the page.
        TopFieldCollectorManager top = new TopFieldCollectorManager(Sorting.sort(order), numHits, after,
                facets ? numHits : COUNT_EXACTLY_UP_TO);
        TopFieldCollector collector = top.newCollector();
        Weight weight = s.createWeight(s.rewrite(order == SortOrder.RELEVANCE ? query : new DateOrderedQuery(query)),
                collector.scoreMode(), 1f);
        s.search(weight, collector);
        TopFieldDocs docs = top.reduce(List.of(collector));
        long total = docs.totalHits.value;
        boolean exact = docs.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
        if (countAll) {
            for (Facet facet : request.facets()) {
                List<FacetCount> all = s.countsOfAll(facet);
                counts.put(facet, all.subList(0, Math.min(request.facetLimit(), all.size())));
            }
            total = s.getIndexReader().numDocs();
            exact = true;
        } else if (facets) {
            FacetCounter counter = s.search(query, FacetCounter.manager(s, request.facets()));
            counts = counter.top(request.facetLimit());
            total = counter.hits();
            exact = true;
        } else if (!exact) {
            OptionalLong counted = cheapCount(s, weight);
            if (counted.isPresent()) {
                total = counted.getAsLong();
                exact = true;
            }
        }
        ScoreDoc[] found = docs.scoreDocs;
        int end = Math.min(found.length, wanted);
        List<Hit> page = hits(s, found, offset, end, order);
        Optional<String> next = found.length > wanted && end > offset
                ? Optional.of(Sorting.cursor(order, (FieldDoc) found[end - 1]))
                : Optional.empty();
        return new SearchResult(total, exact, page, counts, next);
    }

    /** The hits {@code from} to {@code end} of {@code found}, read segment by segment in document order. */
    private static List<Hit> hits(IndexSearcher s, ScoreDoc[] found, int from, int end, SortOrder order)
            throws IOException {
        if (end <= from) {
            return List.of();
        }
        Integer[] byDoc = new Integer[end - from];
        for (int i = from; i < end; i++) {
            byDoc[i - from] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> found[i].doc));
        Hit[] hits = new Hit[end - from];
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        ArchiveSchema.HitReader reader = null;
        for (int i : byDoc) {
            FieldDoc fd = (FieldDoc) found[i];
            if (leaf == null || fd.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(fd.doc, leaves));
                reader = new ArchiveSchema.HitReader(leaf.reader());
            }
            float score = order == SortOrder.RELEVANCE ? (Float) fd.fields[0] : Float.NaN;
            hits[i - from] = reader.read(fd.doc - leaf.docBase, score);
        }
        return Arrays.asList(hits);
    }

    /** The exact number of hits if Lucene knows it without visiting them (a word, everything), else empty. */
    private static OptionalLong cheapCount(IndexSearcher s, Weight weight) throws IOException {
        long total = 0;
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            int count = weight.count(leaf);
            if (count < 0) {
                return OptionalLong.empty();
            }
            total += count;
        }
        return OptionalLong.of(total);
    }

    private interface SearcherTask<T> {
        T run(ArchiveSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task, T whenEmpty) throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            return whenEmpty;
        }
        if (System.nanoTime() - lastRefresh > AUTO_REFRESH_NANOS) {
            lastRefresh = System.nanoTime();
            m.maybeRefresh();
        }
        ArchiveSearcher s = (ArchiveSearcher) m.acquire();
        try {
            return task.run(s);
        } finally {
            m.release(s);
        }
    }

    /** The searcher manager, opened on the first commit once there is one. */
    private SearcherManager manager() throws IOException {
        SearcherManager m = manager;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (manager == null && DirectoryReader.indexExists(directory)) {
                manager = new SearcherManager(directory, new ArchiveSearcher.Factory());
            }
            return manager;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            SearcherManager m = manager;
            if (m != null) {
                m.close();
            }
        } finally {
            directory.close();
        }
    }
}
