package org.cablegate.web.search;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;

/**
 * The one vocabulary of a search in a URL, read by the search page, {@code /api/search}, its downloads and the search
 * feed alike: {@code q}, {@code filter=FACET:VALUE} (repeatable), {@code sort}, {@code limit}, {@code cursor},
 * {@code facets} (comma-separated, or {@code all}) and {@code facetLimit}.
 *
 * <p>Issue 10: the page had its own words for the same request ({@code f=} for a filter, {@code after=} for the cursor,
 * {@code sort=created} and {@code sort=released} for the newest first). Links written before keep working: those are
 * read as the same request, and every link made now uses the vocabulary above.
 *
 * <p>Anything that cannot be used is a {@link BadQueryException} whose message says what is wrong.
 */
public final class SearchQuery {
    public static final int DEFAULT_FACET_LIMIT = 10;
    public static final int MAX_FACET_LIMIT = 1000;
    /** The page's old names of two orders, still read. */
    private static final Map<String, SortOrder> OLD_SORTS = Map.of("created", SortOrder.CREATED_NEWEST,
            "released", SortOrder.RELEASED_NEWEST);
    /** The page's old parameter names, read when the new one is absent. */
    private static final Map<String, String> OLD_NAMES = Map.of("filter", "f", "cursor", "after");

    private SearchQuery() {}

    /** Names as in URLs and JSON: {@code created-newest}. */
    public static String label(SortOrder order) {
        return order.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Names as in URLs and JSON: {@code created-month}. */
    public static String label(Facet facet) {
        return facet.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every order by its name, in the order offered. */
    public static Map<String, SortOrder> sorts() {
        Map<String, SortOrder> all = new LinkedHashMap<>();
        for (SortOrder order : SortOrder.values()) {
            all.put(label(order), order);
        }
        return all;
    }

    /**
     * A search: the query and filters, and the paging, from a query string's parameters.
     *
     * @param defaultLimit hits per page when {@code limit} is absent
     */
    public static SearchRequest search(Map<String, List<String>> params, int defaultLimit) throws BadQueryException {
        SearchRequest request = SearchRequest.of(first(params, "q").orElse(""));
        for (String filter : values(params, "filter")) {
            int colon = filter.indexOf(':');
            if (colon < 0) {
                throw new BadQueryException("The filter '" + filter + "' is not FACET:VALUE, e.g. origin:Embassy Moscow");
            }
            request = request.withFilter(facet(filter.substring(0, colon)), filter.substring(colon + 1));
        }
        return paging(params, request, defaultLimit, SortOrder.RELEVANCE);
    }

    /**
     * A given request (a listing's) with the order, page size, cursor and facets a query string's parameters ask for.
     */
    public static SearchRequest paging(Map<String, List<String>> params, SearchRequest base, int defaultLimit,
            SortOrder defaultSort) throws BadQueryException {
        SortOrder sort = sort(first(params, "sort").orElse(""), defaultSort);
        int limit = number(params, "limit", defaultLimit, 0, SearchRequest.MAX_LIMIT);
        Optional<String> cursor = first(params, "cursor").filter(c -> !c.isEmpty());
        Set<Facet> facets = facets(first(params, "facets").orElse(""));
        int facetLimit = number(params, "facetLimit", DEFAULT_FACET_LIMIT, 1, MAX_FACET_LIMIT);
        return new SearchRequest(base.query(), base.filters(), base.conditions(), sort, 0, limit, cursor, facets,
                facetLimit);
    }

    /** An order by its name; empty is {@code otherwise}. */
    public static SortOrder sort(String value, SortOrder otherwise) throws BadQueryException {
        if (value.isEmpty()) {
            return otherwise;
        }
        SortOrder order = sorts().get(value);
        if (order == null) {
            order = OLD_SORTS.get(value);
        }
        if (order == null) {
            throw new BadQueryException("There is no sort '" + value + "'; the sorts are "
                    + String.join(", ", sorts().keySet()));
        }
        return order;
    }

    /** A facet by its name, as in {@code filter=origin:…}; case does not matter. */
    public static Facet facet(String name) throws BadQueryException {
        for (Facet facet : Facet.values()) {
            if (label(facet).equalsIgnoreCase(name.trim())) {
                return facet;
            }
        }
        throw new BadQueryException("There is no facet '" + name + "'; the facets are "
                + String.join(", ", EnumSet.allOf(Facet.class).stream().map(SearchQuery::label).toList()));
    }

    private static Set<Facet> facets(String list) throws BadQueryException {
        if (list.isBlank()) {
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

    private static int number(Map<String, List<String>> params, String name, int otherwise, int min, int max)
            throws BadQueryException {
        Optional<String> value = first(params, name).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadQueryException(name + " must be a whole number from " + min + " to " + max + ", not '"
                + value.get() + "'");
    }

    /** Every value of a parameter, under its name or else its old name. */
    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if ((values == null || values.isEmpty()) && OLD_NAMES.containsKey(name)) {
            values = params.get(OLD_NAMES.get(name));
        }
        return values == null ? List.of() : values;
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        List<String> values = values(params, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
