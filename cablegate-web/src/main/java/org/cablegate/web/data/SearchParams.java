package org.cablegate.web.data;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;

/**
 * Reads the query string of a search or a listing into a {@link SearchRequest}: {@code q}, {@code filter=FACET:VALUE}
 * (repeatable), {@code sort}, {@code limit}, {@code cursor}, {@code facets} (comma-separated, or {@code all}) and
 * {@code facetLimit}. Anything that cannot be used is a {@link BadQueryException} whose message says what is wrong.
 */
final class SearchParams {
    static final int DEFAULT_FACET_LIMIT = 10;
    static final int MAX_FACET_LIMIT = 1000;

    private SearchParams() {}

    /** Names as in URLs and JSON: {@code created-newest}. */
    static String label(SortOrder order) {
        return order.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String label(Facet facet) {
        return facet.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A search: the query and filters from the request. */
    static SearchRequest search(Context ctx, int defaultLimit) throws BadQueryException {
        String q = ctx.queryParam("q");
        SearchRequest request = SearchRequest.of(q == null ? "" : q);
        for (String filter : ctx.queryParams("filter")) {
            int colon = filter.indexOf(':');
            if (colon < 0) {
                throw new BadQueryException("The filter '" + filter + "' is not FACET:VALUE, e.g. origin:Embassy Moscow");
            }
            request = request.withFilter(facet(filter.substring(0, colon)), filter.substring(colon + 1));
        }
        return page(ctx, request, defaultLimit, SortOrder.RELEVANCE);
    }

    /** A listing: its own query, the paging and facets from the request. */
    static SearchRequest listing(Context ctx, Listing listing, int defaultLimit) throws BadQueryException {
        return page(ctx, listing.request(), defaultLimit, SortOrder.CREATED_NEWEST);
    }

    private static SearchRequest page(Context ctx, SearchRequest base, int defaultLimit, SortOrder defaultSort)
            throws BadQueryException {
        SortOrder sort = sort(ctx.queryParam("sort"), defaultSort);
        int limit = number(ctx, "limit", defaultLimit, 0, SearchRequest.MAX_LIMIT);
        String cursor = ctx.queryParam("cursor");
        Set<Facet> facets = facets(ctx.queryParam("facets"));
        int facetLimit = number(ctx, "facetLimit", DEFAULT_FACET_LIMIT, 1, MAX_FACET_LIMIT);
        return new SearchRequest(base.query(), base.filters(), sort, 0, limit,
                cursor == null || cursor.isEmpty() ? Optional.empty() : Optional.of(cursor), facets, facetLimit);
    }

    static SortOrder sort(String value, SortOrder otherwise) throws BadQueryException {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        for (SortOrder order : SortOrder.values()) {
            if (label(order).equals(value)) {
                return order;
            }
        }
        throw new BadQueryException("There is no sort '" + value + "'; the sorts are " + String.join(", ",
                EnumSet.allOf(SortOrder.class).stream().map(SearchParams::label).toList()));
    }

    private static Facet facet(String name) throws BadQueryException {
        for (Facet facet : Facet.values()) {
            if (label(facet).equalsIgnoreCase(name.trim())) {
                return facet;
            }
        }
        throw new BadQueryException("There is no facet '" + name + "'; the facets are " + facetNames());
    }

    private static Set<Facet> facets(String list) throws BadQueryException {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        if (list.equals("all")) {
            return EnumSet.allOf(Facet.class);
        }
        Set<Facet> facets = EnumSet.noneOf(Facet.class);
        for (String name : list.split(",")) {
            facets.add(facet(name));
        }
        return facets;
    }

    private static String facetNames() {
        List<String> names = EnumSet.allOf(Facet.class).stream().map(SearchParams::label).toList();
        return String.join(", ", names);
    }

    private static int number(Context ctx, String name, int otherwise, int min, int max) throws BadQueryException {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadQueryException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
