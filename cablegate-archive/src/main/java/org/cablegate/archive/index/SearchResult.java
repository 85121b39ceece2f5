package org.cablegate.archive.index;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param total      number of released cables that match: exact when {@code totalExact}, else a lower bound (the
 *                   count stops early for queries that are costly to count, so that the first page comes fast;
 *                   counts are always exact up to 1,000, for single words, for everything, and with facets)
 * @param totalExact whether {@code total} is the exact number
 * @param hits       the requested page
 * @param facets     per facet, the most frequent values among all matching cables (not just this page); empty when
 *                   facets were not asked for
 * @param nextCursor pass to {@link SearchRequest#after(String)} for the next page; empty on the last page
 * @param position   how many hits come before this page (the offset, or where the cursor resumed): the first hit is
 *                   number {@code position + 1}
 */
public record SearchResult(long total, boolean totalExact, List<Hit> hits, Map<Facet, List<FacetCount>> facets,
        Optional<String> nextCursor, long position) {
    public SearchResult {
        hits = List.copyOf(hits);
        EnumMap<Facet, List<FacetCount>> copy = new EnumMap<>(Facet.class);
        facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        facets = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(nextCursor, "nextCursor");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }

    /** A first page. */
    public SearchResult(long total, boolean totalExact, List<Hit> hits, Map<Facet, List<FacetCount>> facets,
            Optional<String> nextCursor) {
        this(total, totalExact, hits, facets, nextCursor, 0);
    }

    static SearchResult empty() {
        return new SearchResult(0, true, List.of(), Map.of(), Optional.empty());
    }
}
