package org.cablegate.web.site;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.view.IndexView;
import org.cablegate.web.view.Link;
import org.cablegate.web.search.SearchQuery;
import org.cablegate.web.view.SearchView;

/**
 * {@code /search?q=…&sort=…&filter=origin:Embassy Moscow&cursor=…}: Lucene query syntax, facet counts that narrow the
 * search when clicked, five orders, snippets with the words marked, and paging by cursor, which reaches every hit.
 */
final class SearchPage {
    static final int PAGE_SIZE = 25;
    private static final int FACET_VALUES = 10;
    private static final int SNIPPET_BEFORE = 80;
    private static final int SNIPPET_AFTER = 200;
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "to");
    /** Words of a query, without field names, operators or syntax: what a snippet marks. */
    private static final Pattern WORD = Pattern.compile("(?:\\b[a-zA-Z]+:)?([\\p{L}\\p{N}]+)");
    private static final Map<String, Facet> FACETS = new LinkedHashMap<>();

    static {
        FACETS.put("origin", Facet.ORIGIN);
        FACETS.put("tag", Facet.TAG);
        FACETS.put("classification", Facet.CLASSIFICATION);
        FACETS.put("year", Facet.YEAR);
    }

    /** Either the rendered page or what is wrong with the request. */
    record Outcome(byte[] page, Optional<String> problem) {}

    private final Templates templates;

    SearchPage(Templates templates) {
        this.templates = templates;
    }

    /**
     * The page for a query string, read in the vocabulary of {@code /api/search} ({@link SearchQuery}; the page's old
     * {@code f=}, {@code after=} and sort names are read too). {@code backend} runs the search; the hits' rows and
     * snippets are read from {@code archive}, the release the pages show.
     */
    Outcome render(PublicArchive.View archive, SearchBackend backend, Map<String, List<String>> params, Snapshot s)
            throws IOException {
        SearchRequest asked;
        try {
            asked = SearchQuery.search(params, PAGE_SIZE);
        } catch (BadQueryException e) {
            return problem(e.getMessage());
        }
        String q = asked.query().strip();
        SortOrder sort = asked.sort();
        String sortName = SearchQuery.label(sort);
        // The page shows a fixed page of hits and its four facets, whatever the query string says of them.
        SearchRequest request = asked.withQuery(q).withLimit(PAGE_SIZE).withFacets(EnumSet.copyOf(FACETS.values()), 100);
        SearchResult result;
        try {
            result = backend.search(request);
        } catch (BadQueryException e) {
            return problem(e.getMessage());
        }
        List<SearchRequest.Filter> filters = request.filters();
        String base = "/search?q=" + enc(q) + filterParams(filters, null);
        List<Link> sorts = new ArrayList<>();
        for (Map.Entry<String, SortOrder> e : SearchQuery.sorts().entrySet()) {
            sorts.add(new Link(base + (e.getValue() == SortOrder.RELEVANCE ? "" : "&sort=" + e.getKey()),
                    label(e.getValue())));
        }
        String sortParam = sort == SortOrder.RELEVANCE ? "" : "&sort=" + sortName;
        List<Link> filterLinks = new ArrayList<>();
        for (SearchRequest.Filter f : filters) {
            filterLinks.add(new Link("/search?q=" + enc(q) + filterParams(filters, f) + sortParam,
                    SearchQuery.label(f.facet()) + ": " + f.value()));
        }
        List<SearchView.FacetGroup> groups = new ArrayList<>();
        for (Map.Entry<String, Facet> e : FACETS.entrySet()) {
            List<FacetCount> counts = result.facets().getOrDefault(e.getValue(), List.of());
            List<IndexView.Entry> values = counts.stream().limit(FACET_VALUES).map(c -> new IndexView.Entry(
                    new Link(base + "&filter=" + enc(e.getKey() + ":" + c.value()) + sortParam, c.value()),
                    Snapshot.number(c.count()))).toList();
            groups.add(new SearchView.FacetGroup("By " + e.getKey(), values));
        }
        List<FacetCount> years = new ArrayList<>(result.facets().getOrDefault(Facet.YEAR, List.of()));
        years.sort((a, b) -> a.value().compareTo(b.value()));
        List<String> words = words(q);
        List<SearchView.Result> hits = new ArrayList<>();
        for (Hit h : result.hits()) {
            hits.add(new SearchView.Result(Rows.of(h, s), snippet(archive, h, words)));
        }
        // The position comes from the cursor, which the archive checks against the count (issue 12: a client-made
        // from=999999999 printed "999,999,999–1,000,000,023 of 780 cables"); a from= in an old link is ignored.
        long from = result.position() + 1;
        long last = from + result.hits().size() - 1;
        String summary = result.hits().isEmpty() ? "No cable matches."
                : Snapshot.number(from) + "–" + Snapshot.number(last) + " of " + (result.totalExact() ? "" : "at least ")
                        + Snapshot.number(result.total()) + " cables";
        Optional<Link> next = result.nextCursor().map(c -> new Link(base + sortParam + "&cursor=" + enc(c),
                "Next " + PAGE_SIZE + " cables"));
        Optional<Link> firstPage = request.cursor().isEmpty() ? Optional.empty()
                : Optional.of(new Link(base + sortParam, "First page"));
        String title = q.isEmpty() ? "Search" : "Search: " + q;
        SearchView view = new SearchView(s.chrome.unplaced(title + " — Cablegate",
                q.isEmpty() ? "Search the text of the released cables." : "Released cables matching " + q + "."), q, sortName, sorts, filterLinks,
                summary, hits, groups, Charts.byPeriod("Matching cables by creation year", years), firstPage, next);
        return new Outcome(templates.render("search.jte", view), Optional.empty());
    }

    private static Outcome problem(String message) {
        return new Outcome(new byte[0], Optional.of(message));
    }

    private static String label(SortOrder sort) {
        return switch (sort) {
            case RELEVANCE -> "Best match";
            case CREATED_NEWEST -> "Newest first";
            case CREATED_OLDEST -> "Oldest first";
            case RELEASED_NEWEST -> "Latest released";
            case RELEASED_OLDEST -> "First released";
        };
    }

    private static String filterParams(List<SearchRequest.Filter> filters, SearchRequest.Filter without) {
        StringBuilder b = new StringBuilder();
        for (SearchRequest.Filter f : filters) {
            if (f != without) {
                b.append("&filter=").append(enc(SearchQuery.label(f.facet()) + ":" + f.value()));
            }
        }
        return b.toString();
    }

    static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(w) && w.length() > 1 && !w.chars().allMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * The text around the first word searched for, the words marked. A plain scan of the stored body rather than a
     * highlighter: only the window shown is copied and folded, and stems are matched as prefixes, which is enough to
     * show why a cable matched.
     */
    private static List<SearchView.Snippet> snippet(PublicArchive.View archive, Hit h, List<String> words) throws IOException {
        if (words.isEmpty()) {
            return List.of();
        }
        Optional<PublicCable> c = archive.get(h.id());
        if (c.isEmpty()) {
            return List.of();
        }
        String body = c.get().body();
        // Lower-cased once, for indexOf; a body whose length changes with case (rare letters) is searched as it is.
        String lower = body.toLowerCase(Locale.ROOT);
        String folded = lower.length() == body.length() ? lower : body;
        int hit = -1;
        for (String w : words) {
            int at = wordStart(folded, w, 0, hit < 0 ? body.length() : hit);
            if (at >= 0) {
                hit = at;
            }
        }
        if (hit < 0) {
            return List.of();
        }
        int start = Math.max(0, hit - SNIPPET_BEFORE);
        int end = Math.min(body.length(), hit + SNIPPET_AFTER);
        String window = body.substring(start, end).replaceAll("\\s+", " ");
        String windowLower = window.toLowerCase(Locale.ROOT);
        String windowFolded = windowLower.length() == window.length() ? windowLower : window;
        List<SearchView.Snippet> pieces = new ArrayList<>();
        if (start > 0) {
            pieces.add(new SearchView.Snippet("… ", false));
        }
        int at = 0;
        while (at < window.length()) {
            int best = -1;
            for (String w : words) {
                int found = wordStart(windowFolded, w, at, best < 0 ? window.length() : best);
                if (found >= 0) {
                    best = found;
                }
            }
            if (best < 0) {
                break;
            }
            int wordEnd = best;
            while (wordEnd < window.length() && Character.isLetterOrDigit(window.charAt(wordEnd))) {
                wordEnd++;
            }
            if (best > at) {
                pieces.add(new SearchView.Snippet(window.substring(at, best), false));
            }
            pieces.add(new SearchView.Snippet(window.substring(best, wordEnd), true));
            at = wordEnd;
        }
        if (at < window.length()) {
            pieces.add(new SearchView.Snippet(window.substring(at), false));
        }
        if (end < body.length()) {
            pieces.add(new SearchView.Snippet(" …", false));
        }
        return pieces;
    }

    /** Where a word starting with {@code word} (lower case; the text lower-cased) begins in [from, to), or -1. */
    private static int wordStart(String text, String word, int from, int to) {
        for (int i = text.indexOf(word, from); i >= 0 && i < to; i = text.indexOf(word, i + 1)) {
            if (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
