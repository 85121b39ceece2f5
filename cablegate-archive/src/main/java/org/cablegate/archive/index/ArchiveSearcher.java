package org.cablegate.archive.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A searcher over one point in time of the archive, with what facet counting needs of that point read once: the
 * values of each facet by document ({@link FacetValues}), and the counts over every cable, which the archive's front
 * page asks for on every visit and which only change with the next release; and the text packs of that point, open
 * for as long as its reader is.
 */
final class ArchiveSearcher extends IndexSearcher {
    private final Map<Facet, FacetValues> values = new ConcurrentHashMap<>();
    private final Map<Facet, List<FacetCount>> allCounts = new ConcurrentHashMap<>();
    private final CableTexts.Packs texts;

    ArchiveSearcher(IndexReader reader, CableTexts.Packs texts) {
        super(reader);
        this.texts = texts;
        // Collection stops at the deadline of the search on the calling thread (none outside a search).
        setTimeout(SearchDeadline.INSTANCE);
    }

    /** The cable of a document of this point in time. */
    PublicCable cable(int doc) throws IOException {
        return ArchiveSchema.toCable(storedFields().document(doc), texts);
    }

    /**
     * Runs a collector with a weight the caller made: {@link #search(Query, CollectorManager)} makes its own, and the
     * caller that wants to count the hits afterwards ({@link Weight#count}) would have to make a second one.
     */
    void search(Weight weight, Collector collector) throws IOException {
        search(getIndexReader().leaves(), weight, collector);
    }

    /** The values of a facet by document, read on first use. */
    FacetValues facetValues(Facet facet) throws IOException {
        try {
            return values.computeIfAbsent(facet, f -> {
                try {
                    return FacetValues.read(getIndexReader(), f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The counts of a facet over every cable of this point in time, most frequent first, ties in value order. */
    List<FacetCount> countsOfAll(Facet facet) throws IOException {
        List<FacetCount> counts = allCounts.get(facet);
        if (counts == null) {
            FacetValues facetValues = facetValues(facet);
            int[] tally = new int[facetValues.size()];
            for (LeafReaderContext leaf : getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0, max = leaf.reader().maxDoc(); doc < max; doc++) {
                    if (live == null || live.get(doc)) {
                        facetValues.count(leaf.ord, doc, tally);
                    }
                }
            }
            counts = facetValues.top(tally, Integer.MAX_VALUE);
            allCounts.put(facet, counts);
        }
        return counts;
    }

    /**
     * Makes the searcher of each new point in time, with the facet values its predecessor had read already read
     * again: the first search after a release does not pay for them.
     */
    static final class Factory extends SearcherFactory {
        private volatile ArchiveSearcher last;

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            DirectoryReader at = (DirectoryReader) reader;
            // Opened now, with the reader: a newer release may delete these files, and open ones stay readable.
            CableTexts.Packs packs = CableTexts.Packs.open(at.directory(),
                    CommitData.of(at.getIndexCommit().getUserData()).texts());
            reader.getReaderCacheHelper().addClosedListener(key -> packs.close());
            ArchiveSearcher searcher = new ArchiveSearcher(reader, packs);
            ArchiveSearcher before = last;
            if (previous != null && before != null) {
                for (Facet facet : before.values.keySet()) {
                    searcher.facetValues(facet);
                }
            }
            last = searcher;
            return searcher;
        }
    }
}
