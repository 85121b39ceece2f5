package org.cablegate.archive.index;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every hit of a query by the values of some facets. It runs as a pass of its own, apart from the one that finds
 * the page: that one skips hits that cannot make the page (by score bounds or dates), and counting along with it would
 * make it score every hit; this one wants no scores, which Lucene rewards with its cheapest way of visiting every hit
 * (and with its query cache, for a query counted often).
 */
final class FacetCounter extends SimpleCollector {
    private final Facet[] facets;
    private final FacetValues[] values;
    private final int[][] counts;
    private long hits;
    private int leaf;

    FacetCounter(ArchiveSearcher searcher, Set<Facet> facets) throws IOException {
        this.facets = facets.toArray(new Facet[0]);
        values = new FacetValues[this.facets.length];
        counts = new int[this.facets.length][];
        for (int i = 0; i < this.facets.length; i++) {
            values[i] = searcher.facetValues(this.facets[i]);
            counts[i] = new int[values[i].size()];
        }
    }

    /** The manager of one counter: the archive's searcher searches segments one after the other. */
    static CollectorManager<FacetCounter, FacetCounter> manager(ArchiveSearcher searcher, Set<Facet> facets) {
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() throws IOException {
                return new FacetCounter(searcher, facets);
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> collectors) {
                if (collectors.size() != 1) {
                    throw new IllegalStateException("the archive's searcher counts on one thread");
                }
                return collectors.iterator().next();
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
        leaf = context.ord;
    }

    @Override
    public void setScorer(Scorable scorer) {
        // no scores needed
    }

    @Override
    public void collect(int doc) {
        hits++;
        for (int i = 0; i < values.length; i++) {
            values[i].count(leaf, doc, counts[i]);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    long hits() {
        return hits;
    }

    /** Per facet, the {@code limit} most frequent values among the hits. */
    Map<Facet, List<FacetCount>> top(int limit) {
        Map<Facet, List<FacetCount>> top = new EnumMap<>(Facet.class);
        for (int i = 0; i < facets.length; i++) {
            top.put(facets[i], values[i].top(counts[i], limit));
        }
        return top;
    }
}
