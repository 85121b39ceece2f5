package org.cablegate.archive.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader.ExitingReaderException;
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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The public archive, read-only: released cables and nothing else. This is what the web server, the exporter and the
 * search command open. Thread-safe; reads run on a shared point-in-time ({@link SearcherManager}) that moves to the
 * newest release on {@link #refresh()}, and by itself at most once a second while reads come in. Each method reads the
 * current release; a {@link View} holds one release for a series of reads.
 *
 * <p>A release is one Lucene commit, so a reader sees a release whole or not at all. Before the first release there
 * is no index yet, and the archive is empty.
 */
public final class PublicArchive implements SearchBackend, AutoCloseable {
    private static final long AUTO_REFRESH_NANOS = 1_000_000_000L;
    /** Hits are counted exactly up to this many; beyond, only when it is cheap (see {@link SearchResult#total()}). */
    static final int COUNT_EXACTLY_UP_TO = 1000;

    private final Directory directory;
    private final SearchLimits limits;
    private final ArchiveQueryParser parser;
    private volatile SearcherManager manager;
    private volatile long lastRefresh = System.nanoTime();

    private PublicArchive(Directory directory, SearchLimits limits) {
        this.directory = directory;
        this.limits = limits;
        this.parser = new ArchiveQueryParser(new CableAnalyzer(), limits);
    }

    /** Opens the index directory ({@code <data>/public}); a missing or empty one is an empty archive. */
    public static PublicArchive open(Path indexDir) throws IOException {
        return open(indexDir, SearchLimits.defaults());
    }

    /** Opens the index directory with these limits on every search. */
    public static PublicArchive open(Path indexDir, SearchLimits limits) throws IOException {
        PublicArchive archive = new PublicArchive(FSDirectory.open(indexDir), limits);
        archive.manager();
        return archive;
    }

    /** The limits every search of this archive obeys. */
    public SearchLimits limits() {
        return limits;
    }

    /**
     * Parses a query and checks its cost, without running it: a server calls it before a search waits for a place in
     * its pool, so that a query refused anyway (issue 12: 50 regular expressions) never waits behind costly ones.
     */
    public void check(String query) throws BadQueryException {
        parser.parse(query);
    }

    /** A scope that ends on {@link #close()}; closing throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Within the scope, searches run on this thread also stop as soon as {@code cancelled} says so: a web server
     * passes "the client has gone", so that no thread keeps working for a client long gone (issue 12: ~270 did).
     */
    public static Scope cancelSearchesWhen(BooleanSupplier cancelled) {
        AutoCloseable scope = SearchDeadline.cancelWhen(cancelled);
        return () -> {
            try {
                scope.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Moves to the newest release, if there is a newer one. */
    public void refresh() throws IOException {
        lastRefresh = System.nanoTime();
        SearcherManager m = manager();
        if (m != null) {
            refresh(m, true);
        }
    }

    /**
     * Moves a manager to the newest release; once more if a release committed while the one it read opened, and
     * deleted a text pack of it ({@link CableTexts}): the next is the newest.
     */
    private static void refresh(SearcherManager m, boolean blocking) throws IOException {
        try {
            refreshOnce(m, blocking);
        } catch (NoSuchFileException superseded) {
            refreshOnce(m, blocking);
        }
    }

    private static void refreshOnce(SearcherManager m, boolean blocking) throws IOException {
        if (blocking) {
            m.maybeRefreshBlocking();
        } else {
            m.maybeRefresh();
        }
    }

    /**
     * The current release, held still until the view is closed: every read through it sees that release, however many
     * are published meanwhile. Whatever pages through many hits (a download, a sitemap) or reads several things that
     * must agree (a counter and its listing) reads through one view. Close it: it keeps the release's files open.
     */
    public View view() throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            return new View(null, null);
        }
        if (System.nanoTime() - lastRefresh > AUTO_REFRESH_NANOS) {
            lastRefresh = System.nanoTime();
            refresh(m, false);
        }
        return new View(m, (ArchiveSearcher) m.acquire());
    }

    /** Released cables in the current release. */
    public long count() throws IOException {
        try (View v = view()) {
            return v.count();
        }
    }

    /** The current release; 0 before the first. */
    public long lastRelease() throws IOException {
        try (View v = view()) {
            return v.lastRelease();
        }
    }

    /** See {@link View#setSize()}. */
    public long setSize() throws IOException {
        try (View v = view()) {
            return v.setSize();
        }
    }

    /** A released cable by its published id, or else by its corrected id. */
    public Optional<PublicCable> get(String id) throws IOException {
        try (View v = view()) {
            return v.get(id);
        }
    }

    /** Runs one search on the current release; see {@link View#search}. */
    public SearchResult search(SearchRequest request) throws BadQueryException, IOException {
        try (View v = view()) {
            return v.search(request);
        }
    }

    /** One release of the archive, read by one Lucene searcher; empty before the first release. */
    public final class View implements SearchBackend, AutoCloseable {
        private final SearcherManager manager;
        /** Null when the archive has no release yet. */
        private final ArchiveSearcher searcher;
        private final AtomicBoolean closed = new AtomicBoolean();
        /** Read once per view: the release log and the withdrawn list are parsed from text. */
        private CommitData data;

        private View(SearcherManager manager, ArchiveSearcher searcher) {
            this.manager = manager;
            this.searcher = searcher;
        }

        /** Released cables. */
        public long count() {
            return searcher() == null ? 0 : searcher.getIndexReader().numDocs();
        }

        /** The release this view holds; 0 before the first. */
        public long lastRelease() throws IOException {
            return commitData().release();
        }

        /** The public release log as of this release, oldest first. */
        public List<PublicRelease> releases() throws IOException {
            return commitData().releases();
        }

        /** Every cable withdrawn as of this release. */
        public List<WithdrawnCable> withdrawn() throws IOException {
            return commitData().withdrawn();
        }

        /** A withdrawn cable by its id: its URL answers 410. */
        public Optional<WithdrawnCable> withdrawn(String id) throws IOException {
            return commitData().withdrawn().stream().filter(w -> w.id().equals(id)).findFirst();
        }

        /** The cables changed in public since their first release, the latest change first. */
        public List<PublicCable> changed(int limit) throws IOException {
            if (searcher() == null || limit < 1) {
                return List.of();
            }
            TopDocs top = searcher.search(LongPoint.newRangeQuery(ArchiveSchema.CHANGED, Long.MIN_VALUE, Long.MAX_VALUE),
                    limit, new Sort(new SortField(ArchiveSchema.CHANGED, SortField.Type.LONG, true),
                            new SortField(ArchiveSchema.ID_KEY, SortField.Type.LONG)));
            List<PublicCable> cables = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc d : top.scoreDocs) {
                cables.add(searcher.cable(d.doc));
            }
            return cables;
        }

        /**
         * The size of the whole set (cables in the vault plus ids known without text) as of this release; at least
         * {@link #count()}, and 0 before the first release.
         */
        public long setSize() throws IOException {
            return searcher() == null ? 0 : Math.max(count(), commitData().setSize());
        }

        /**
         * When this release was published, by the wall clock of the machine that committed it; strictly later for
         * every new release. Empty before the first release, and for an index committed before this was recorded.
         */
        public Optional<Instant> published() throws IOException {
            return commitData().published();
        }

        private CommitData commitData() throws IOException {
            if (searcher() == null) {
                return CommitData.NONE;
            }
            if (data == null) {
                data = CommitData.of(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
            }
            return data;
        }

        /** What {@link #forEachCable} gives each cable to. */
        public interface CableVisitor {
            void visit(PublicCable cable) throws IOException;
        }

        /** Every released cable once, in the index's order: a whole pass over the archive. */
        public void forEachCable(CableVisitor visitor) throws IOException {
            if (searcher() == null) {
                return;
            }
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(searcher.cable(leaf.docBase + doc));
                    }
                }
            }
        }

        /** A released cable by its published id, or else by its corrected id. */
        public Optional<PublicCable> get(String id) throws IOException {
            if (searcher() == null) {
                return Optional.empty();
            }
            Optional<PublicCable> exact = first(searcher, new TermQuery(new Term(ArchiveSchema.ID, id)));
            return exact.isPresent() ? exact : first(searcher, new TermQuery(new Term(ArchiveSchema.CANONICAL_ID, id)));
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
            Query query = withFilters(parsed, request.filters(), request.conditions());
            Sorting.After after = request.cursor().isPresent() ? Sorting.after(order, request.cursor().get()) : null;
            if (searcher() == null) {
                return SearchResult.empty();
            }
            // A reader's query runs against the clock; a blank one (every cable, with filters: what listings and the
            // site's own counts ask) reads no dictionary and is bounded by the size of the index.
            boolean timed = !request.query().isBlank();
            if (timed) {
                SearchDeadline.start(limits.timeout());
            }
            try {
                SearchResult result = PublicArchive.search(searcher, query, after, order, request);
                // A collection that ran out of time returns the hits it had: never shown as if they were all.
                SearchDeadline.check(limits.timeout());
                return result;
            } catch (IndexSearcher.TooManyClauses e) {
                throw new BadQueryException("The query '" + request.query() + "' expands to too many terms; make it narrower");
            } catch (ExitingReaderException e) {
                throw SearchDeadline.interrupted(limits.timeout());
            } finally {
                if (timed) {
                    SearchDeadline.end();
                }
            }
        }

        /**
         * Where every page of a blank request's hits starts, from one sorted pass over them: element {@code n - 1} is
         * the cursor that page {@code n} (of {@code pageSize} hits; page 0 needs none) resumes after, the very cursor
         * the search of page {@code n - 1} returns as its next. A listing found page by page by offset sorts every
         * cable before each page again: walking PREL's 2,600 pages back from its last (as the export's crawl does)
         * was half of the full export's CPU.
         *
         * @throws IllegalArgumentException the request has words (relevance cursors are only as stable as scores),
         *                                  a cursor or an offset
         */
        public List<String> pageStarts(SearchRequest request, int pageSize) throws BadQueryException, IOException {
            if (!request.query().isBlank() || request.cursor().isPresent() || request.offset() != 0 || pageSize < 1) {
                throw new IllegalArgumentException("page starts are made for a blank request from its first hit");
            }
            SortOrder order = request.sort() == SortOrder.RELEVANCE ? SortOrder.CREATED_NEWEST : request.sort();
            if (searcher() == null) {
                return List.of();
            }
            Query query = withFilters(parser.parse(""), request.filters(), request.conditions());
            int total = searcher.count(query);
            if (total <= pageSize) {
                return List.of();
            }
            TopFieldDocs all = searcher.search(query, total, Sorting.sort(order));
            List<String> starts = new ArrayList<>((total - 1) / pageSize);
            for (int end = pageSize; end < all.scoreDocs.length; end += pageSize) {
                starts.add(Sorting.cursor(order, (FieldDoc) all.scoreDocs[end - 1], end));
            }
            return starts;
        }

        private ArchiveSearcher searcher() {
            if (closed.get()) {
                throw new IllegalStateException("this view of the archive is closed");
            }
            return searcher;
        }

        /** Lets the release's files go (once every view of it is closed and a newer release is current). */
        @Override
        public void close() throws IOException {
            if (!closed.getAndSet(true) && searcher != null) {
                manager.release(searcher);
            }
        }
    }

    private static Optional<PublicCable> first(ArchiveSearcher s, Query q) throws IOException {
        TopDocs top = s.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(s.cable(top.scoreDocs[0].doc));
    }

    private static Query withFilters(Query query, List<SearchRequest.Filter> filters,
            List<SearchRequest.Condition> conditions) {
        if (filters.isEmpty() && conditions.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        for (SearchRequest.Filter f : filters) {
            b.add(ArchiveSchema.facetFilter(f.facet(), f.value()), Occur.FILTER);
        }
        for (SearchRequest.Condition c : conditions) {
            b.add(condition(c), Occur.FILTER);
        }
        return b.build();
    }

    /** A typed condition as the query its field would be searched with: what {@code id:}, {@code cites:} and
     * {@code created:[… TO …]} make of the same text. */
    static Query condition(SearchRequest.Condition condition) {
        if (condition instanceof SearchRequest.IdIn in) {
            List<BytesRef> ids = in.ids().stream().sorted().map(BytesRef::new).toList();
            return new BooleanQuery.Builder()
                    .add(new TermInSetQuery(ArchiveSchema.ID, ids), Occur.SHOULD)
                    .add(new TermInSetQuery(ArchiveSchema.CANONICAL_ID, ids), Occur.SHOULD)
                    .build();
        }
        if (condition instanceof SearchRequest.Cites cites) {
            return new TermQuery(new Term(ArchiveSchema.CITES, cites.id()));
        }
        SearchRequest.CreatedIn span = (SearchRequest.CreatedIn) condition;
        return ArchiveSchema.minuteRange(ArchiveSchema.CREATED, ArchiveSchema.minute(span.from().atStartOfDay()),
                ArchiveSchema.minute(span.until().atStartOfDay()) - 1);
    }

    private static SearchResult search(ArchiveSearcher s, Query query, Sorting.After resume, SortOrder order,
            SearchRequest request) throws IOException, BadQueryException {
        FieldDoc after = resume == null ? null : resume.doc();
        int offset = after == null ? request.offset() : 0;
        long before = resume == null ? request.offset() : resume.position();
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
                ? Optional.of(Sorting.cursor(order, (FieldDoc) found[end - 1], before + (end - offset)))
                : Optional.empty();
        if (resume != null && exact && before + page.size() > total) {
            // A cursor that claims more hits before it than there are was not made by this search.
            throw new BadQueryException("The cursor is not one this search made: it resumes after hit " + before
                    + " of " + total);
        }
        return new SearchResult(total, exact, page, counts, next, before);
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

    /** The searcher manager, opened on the first commit once there is one. */
    private SearcherManager manager() throws IOException {
        SearcherManager m = manager;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (manager == null && DirectoryReader.indexExists(directory)) {
                manager = openManager();
            }
            return manager;
        }
    }

    private SearcherManager openManager() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                // Exitable: a search past its deadline stops inside the term dictionary too, not only between hits.
                return new SearcherManager(ExitableDirectoryReader.wrap(DirectoryReader.open(directory),
                        SearchDeadline.INSTANCE), new ArchiveSearcher.Factory());
            } catch (NoSuchFileException superseded) {
                // A release committed while this opened and deleted a text pack of the commit it read: read again.
                if (attempt == 3) {
                    throw superseded;
                }
            }
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
