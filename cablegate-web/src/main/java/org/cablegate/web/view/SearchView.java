package org.cablegate.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The search page, {@code /search?q=…}.
 *
 * @param chrome    the page around it
 * @param query     the query as typed
 * @param sort      the sort's parameter value
 * @param sorts     links to the other orders of the same search
 * @param filters   facet values in force, each with a link that removes it
 * @param summary   {@code 1–50 of 1,234 cables}
 * @param hits      this page's hits
 * @param facets    counts by facet; each value narrows the search
 * @param histogram hits by creation year
 * @param first     back to the first page, when on a later one
 * @param next      the next page, if any
 */
public record SearchView(Chrome chrome, String query, String sort, List<Link> sorts, List<Link> filters,
        String summary, List<Result> hits, List<FacetGroup> facets, Histogram histogram, Optional<Link> first,
        Optional<Link> next) {
    public SearchView {
        sorts = List.copyOf(sorts);
        filters = List.copyOf(filters);
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }

    /** One hit: its row and a snippet of its text around the words searched, the matches marked. */
    public record Result(Row row, List<Snippet> snippet) {
        public Result {
            snippet = List.copyOf(snippet);
        }
    }

    /** A piece of a snippet; {@code match} pieces are shown marked. */
    public record Snippet(String text, boolean match) {}

    public record FacetGroup(String title, List<IndexView.Entry> values) {
        public FacetGroup {
            values = List.copyOf(values);
        }
    }
}
