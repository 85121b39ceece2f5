package org.cablegate.archive.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One search of the public archive. Start from {@link #of(String)} and refine with the {@code with…} methods.
 *
 * @param query      Lucene query syntax; blank means every released cable. Bare words search subject and body, and
 *                   all of them must match (AND is the default operator); fields: {@code subject: body: tag: origin:
 *                   classification: id: from: to: created: released: year:}; dates take {@code 2008}, {@code 2008-06},
 *                   {@code 2008-06-10} or a range {@code created:[2008-01 TO 2008-06]}
 * @param filters    exact facet values every hit must carry (what clicking a facet value adds, and what a listing
 *                   by day of release or month of creation is)
 * @param conditions typed conditions beside the query and the facets (these cables, the cables citing one, a span of
 *                   creation dates): what the site asks without writing query syntax for the backend to parse back
 * @param sort       the order of hits; a query without words has no relevance, and is sorted newest first instead
 * @param offset     hits to skip; ignored when a cursor is given. Cost grows with offset: page deep with the cursor
 * @param limit      hits to return, 0–1000
 * @param cursor     {@link SearchResult#nextCursor()} of the previous page of the same query and sort
 * @param facets     which facets to count hits by (origin, tag, classification, year, month of creation, day of
 *                   release); empty: none
 * @param facetLimit how many values to return per facet, most frequent first
 */
public record SearchRequest(
        String query,
        List<Filter> filters,
        List<Condition> conditions,
        SortOrder sort,
        int offset,
        int limit,
        Optional<String> cursor,
        Set<Facet> facets,
        int facetLimit) {

    public static final int MAX_LIMIT = 1000;

    /** An exact value of a facet: {@code new Filter(Facet.ORIGIN, "Embassy Moscow")}. */
    public record Filter(Facet facet, String value) {
        public Filter {
            Objects.requireNonNull(facet, "facet");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A condition every hit must meet, typed; each backend translates it to its own query. */
    public sealed interface Condition permits IdIn, Cites, CreatedIn {}

    /** The cables with one of these ids, published or corrected (as {@code id:} matches either). */
    public record IdIn(Set<String> ids) implements Condition {
        public IdIn {
            ids = Set.copyOf(ids);
        }
    }

    /** The cables whose REF lines cite this id. */
    public record Cites(String id) implements Condition {
        public Cites {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The cables created on a day from {@code from} (inclusive) to {@code until} (exclusive). */
    public record CreatedIn(LocalDate from, LocalDate until) implements Condition {
        public CreatedIn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("an empty span of days: " + from + " until " + until);
            }
        }

        /** The cables created on {@code from} or later. */
        public static CreatedIn since(LocalDate from) {
            return new CreatedIn(from, LocalDate.MAX);
        }

        /** The cables created in the years {@code first} to {@code last}, both included. */
        public static CreatedIn years(int first, int last) {
            return new CreatedIn(LocalDate.of(first, 1, 1), LocalDate.of(last + 1, 1, 1));
        }
    }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        filters = List.copyOf(filters);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(cursor, "cursor");
        facets = facets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(facets));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0-" + MAX_LIMIT + ": " + limit);
        }
        if (facetLimit < 1) {
            throw new IllegalArgumentException("facetLimit must be positive: " + facetLimit);
        }
    }

    /** Without typed conditions. */
    public SearchRequest(String query, List<Filter> filters, SortOrder sort, int offset, int limit,
            Optional<String> cursor, Set<Facet> facets, int facetLimit) {
        this(query, filters, List.of(), sort, offset, limit, cursor, facets, facetLimit);
    }

    /** The first 10 hits by relevance, without facets. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), SortOrder.RELEVANCE, 0, 10, Optional.empty(), Set.of(), 10);
    }

    /** Every released cable (no query), first 10 newest first; narrow it with filters and conditions. */
    public static SearchRequest all() {
        return of("");
    }

    public SearchRequest withCondition(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new SearchRequest(query, filters, more, sort, offset, limit, cursor, facets, facetLimit);
    }

    /** The same request for another query, its filters, conditions, order and paging kept. */
    public SearchRequest withQuery(String newQuery) {
        return new SearchRequest(newQuery, filters, conditions, sort, offset, limit, cursor, facets, facetLimit);
    }

    public SearchRequest withFilter(Facet facet, String value) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(new Filter(facet, value));
        return new SearchRequest(query, more, conditions, sort, offset, limit, cursor, facets, facetLimit);
    }

    public SearchRequest withSort(SortOrder order) {
        return new SearchRequest(query, filters, conditions, order, offset, limit, cursor, facets, facetLimit);
    }

    public SearchRequest withPage(int newOffset, int newLimit) {
        return new SearchRequest(query, filters, conditions, sort, newOffset, newLimit, cursor, facets, facetLimit);
    }

    public SearchRequest withLimit(int newLimit) {
        return new SearchRequest(query, filters, conditions, sort, offset, newLimit, cursor, facets, facetLimit);
    }

    /** The page after the one that returned {@code nextCursor}. */
    public SearchRequest after(String nextCursor) {
        return new SearchRequest(query, filters, conditions, sort, 0, limit, Optional.of(nextCursor), facets, facetLimit);
    }

    /** Counts of every facet, the {@code top} values of each. */
    public SearchRequest withFacets(int top) {
        return new SearchRequest(query, filters, conditions, sort, offset, limit, cursor, EnumSet.allOf(Facet.class), top);
    }

    /** Counts of these facets (none: no counts), the {@code top} values of each. */
    public SearchRequest withFacets(Set<Facet> which, int top) {
        return new SearchRequest(query, filters, conditions, sort, offset, limit, cursor, which, top);
    }

    /** Counts of the facets named, the {@code top} values of each. */
    public SearchRequest withFacets(int top, Facet first, Facet... more) {
        return new SearchRequest(query, filters, conditions, sort, offset, limit, cursor, EnumSet.of(first, more), top);
    }
}
