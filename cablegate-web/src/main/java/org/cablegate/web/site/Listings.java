package org.cablegate.web.site;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.view.IndexView;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.ListingView;
import org.cablegate.web.view.Pager;
import org.cablegate.web.view.Row;
import org.cablegate.web.url.Urls;

/** The listing pages ({@code /tag/PREL_3.html}: 50 cables a page, oldest first) and the index of each dimension. */
final class Listings {
    static final int PAGE_SIZE = 50;
    /** Pages linked on either side of the current one; first and last are always linked. */
    private static final int WINDOW = 3;
    /** How many pages back a kept cursor is walked from before finding every page's start at once is cheaper. */
    private static final int CURSOR_WALK = 20;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Templates templates;
    private final TagGlossary glossary = TagGlossary.standard();

    Listings(Templates templates) {
        this.templates = templates;
    }

    /** A listing page, or empty when the key names no released cable or the page is past the last. */
    Optional<byte[]> listing(PublicArchive.View archive, Dimension d, String key, int page, Snapshot s) throws IOException {
        Optional<String> value = value(d, key, s);
        if (value.isEmpty() || page < 0) {
            return Optional.empty();
        }
        SearchRequest.Filter filter = new SearchRequest.Filter(d.facet, value.get());
        Snapshot.Listing whole = s.listings.computeIfAbsent(filter, f -> whole(archive, f));
        if (whole.total() == 0 || (long) page * PAGE_SIZE >= whole.total()) {
            return Optional.empty();
        }
        List<Row> rows = page(archive, filter, page, s).stream().map(h -> Rows.of(h, s)).toList();
        int pages = (int) ((whole.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String heading = heading(d, value.get());
        IntFunction<String> url = n -> url(d, key, n);
        String description = heading + ": " + Snapshot.number(whole.total()) + " cables"
                + (pages > 1 ? ", page " + (page + 1) + " of " + pages : "") + ".";
        ListingView view = new ListingView(s.chrome.page(heading + (page > 0 ? ", page " + (page + 1) : "")
                + " — Cablegate", url.apply(page), description), heading, notes(d, value.get()), Snapshot.number(whole.total()), rows,
                pager(page, pages, url), Charts.byMonth("Cables of this listing by creation month", whole.months()));
        return Optional.of(templates.render("listing.jte", view));
    }

    /** A listing's size and months, counted once per release: every page of it shows them. */
    private static Snapshot.Listing whole(PublicArchive.View archive, SearchRequest.Filter filter) {
        try {
            SearchResult r = archive.search(new SearchRequest("", List.of(filter), SortOrder.CREATED_OLDEST, 0, 0,
                    Optional.empty(), EnumSet.of(Facet.CREATED_MONTH), 10_000));
            return new Snapshot.Listing(r.total(), r.facets().getOrDefault(Facet.CREATED_MONTH, List.of()));
        } catch (BadQueryException | IOException e) {
            throw new IllegalStateException("cannot count a listing: " + filter, e);
        }
    }

    /**
     * One page of a listing. A page is found from where the one before it ended (a cursor kept for the release),
     * which costs the same on page 2,900 of PREL as on page 1. Without a cursor nearby (a reader jumping deep, or a
     * crawler walking back from the last page) every page's start is found in one sorted pass over the listing and
     * kept, so that no page of it is found by offset again in this release.
     */
    private static List<Hit> page(PublicArchive.View archive, SearchRequest.Filter filter, int page, Snapshot s) throws IOException {
        SearchRequest base = new SearchRequest("", List.of(filter), SortOrder.CREATED_OLDEST, 0, PAGE_SIZE,
                Optional.empty(), EnumSet.noneOf(Facet.class), 1);
        try {
            int from = nearestStart(filter, page, s);
            if (from < 0) {
                List<String> starts = archive.pageStarts(base, PAGE_SIZE);
                for (int n = 1; n <= starts.size(); n++) {
                    s.pageStarts.putIfAbsent(new Snapshot.PageStart(filter, n), starts.get(n - 1));
                }
                from = Math.max(0, nearestStart(filter, page, s));
            }
            for (int n = from; ; n++) {
                String start = s.pageStarts.get(new Snapshot.PageStart(filter, n));
                SearchResult r = archive.search(start == null ? base : base.after(start));
                int next = n + 1;
                r.nextCursor().ifPresent(c -> s.pageStarts.put(new Snapshot.PageStart(filter, next), c));
                if (n == page) {
                    return r.hits();
                }
                if (r.nextCursor().isEmpty()) {
                    return List.of();
                }
            }
        } catch (BadQueryException e) {
            throw new IllegalStateException("a listing's request is always valid", e);
        }
    }

    /** The page at most {@link #CURSOR_WALK} before {@code page} whose start is known (page 0 always is), or -1. */
    private static int nearestStart(SearchRequest.Filter filter, int page, Snapshot s) {
        for (int from = page; from >= 0 && page - from < CURSOR_WALK; from--) {
            if (from == 0 || s.pageStarts.containsKey(new Snapshot.PageStart(filter, from))) {
                return from;
            }
        }
        return -1;
    }

    private static Optional<String> value(Dimension d, String key, Snapshot s) {
        return switch (d) {
            case RELDATE -> key.matches("\\d{4}-\\d{2}-\\d{2}") ? Optional.of(key) : Optional.empty();
            case DATE -> key.matches("\\d{4}-\\d{2}") ? Optional.of(key) : Optional.empty();
            case TAG -> key.isEmpty() ? Optional.empty() : Optional.of(key);
            case ORIGIN -> s.originSlugs.value(key);
            case CLASSIFICATION -> s.classificationSlugs.value(key);
        };
    }

    private static String url(Dimension d, String key, int page) {
        return switch (d) {
            case RELDATE -> Urls.releaseDay(key, page);
            case DATE -> Urls.month(key, page);
            case TAG -> Urls.tag(key, page);
            case ORIGIN -> Urls.origin(key, page);
            case CLASSIFICATION -> Urls.classification(key, page);
        };
    }

    private static String heading(Dimension d, String value) {
        return switch (d) {
            case RELDATE -> "Cables released on " + value;
            case DATE -> "Cables created in " + YearMonth.parse(value).format(MONTH);
            case TAG -> "Cables tagged " + value;
            case ORIGIN -> "Cables from " + value;
            case CLASSIFICATION -> "Cables classified " + value;
        };
    }

    private List<String> notes(Dimension d, String value) {
        if (d != Dimension.TAG) {
            return List.of();
        }
        TagGlossary.Kind kind = glossary.kind(value);
        String what = switch (kind) {
            case SUBJECT -> "a subject tag";
            case COUNTRY -> "a country tag";
            case PROGRAMME -> "a programme tag";
            case ORGANISATION -> "an organisation tag";
            case PERSON -> "a person tag: cables about this person";
            case OTHER -> "a tag outside the standard vocabularies";
        };
        List<String> notes = new ArrayList<>();
        notes.add(value + " is " + what + glossary.meaning(value).map(m -> ": " + m + ".").orElse("."));
        return notes;
    }

    static Pager pager(int page, int pages, IntFunction<String> url) {
        List<Link> links = new ArrayList<>();
        for (int n = 0; n < pages; n++) {
            if (n == 0 || n == pages - 1 || Math.abs(n - page) <= WINDOW) {
                links.add(new Link(url.apply(n), Integer.toString(n + 1)));
            }
        }
        return new Pager(links, page + 1,
                page > 0 ? Optional.of(new Link(url.apply(page - 1), "Previous")) : Optional.empty(),
                page + 1 < pages ? Optional.of(new Link(url.apply(page + 1), "Next")) : Optional.empty());
    }

    byte[] index(Dimension d, Snapshot s) {
        List<IndexView.Group> groups = new ArrayList<>();
        switch (d) {
            case RELDATE -> s.daysByMonth().forEach((month, days) -> groups.add(new IndexView.Group("m" + month,
                    YearMonth.parse(month).format(MONTH), entries(days, v -> Urls.releaseDay(v, 0), v -> v))));
            case DATE -> s.byYear().forEach((year, months) -> groups.add(new IndexView.Group("y" + year, year,
                    entries(months, v -> Urls.month(v, 0), v -> YearMonth.parse(v).format(MONTH)))));
            case ORIGIN -> byLetter(groups, Snapshot.byLetter(s.origins, Snapshot::place),
                    v -> Urls.origin(s.originSlugs.slug(v), 0));
            case TAG -> byLetter(groups, Snapshot.byLetter(s.tags, v -> v), v -> Urls.tag(v, 0));
            case CLASSIFICATION -> groups.add(new IndexView.Group("all", "All classifications", entries(
                    s.classifications, v -> Urls.classification(s.classificationSlugs.slug(v), 0), v -> v)));
        }
        return templates.render("index.jte", new IndexView(s.chrome.page(d.indexHeading + " — Cablegate",
                "/" + d.directory + "/index.html", d.indexHeading + ": every value, with its number of cables."),
                d.indexHeading, groups));
    }

    private static void byLetter(List<IndexView.Group> groups, Map<String, List<FacetCount>> letters,
            java.util.function.Function<String, String> href) {
        letters.forEach((letter, values) -> groups.add(new IndexView.Group(Snapshot.anchor(letter), letter,
                entries(values, href, v -> v))));
    }

    private static List<IndexView.Entry> entries(List<FacetCount> values, java.util.function.Function<String, String> href,
            java.util.function.Function<String, String> text) {
        return values.stream().map(v -> new IndexView.Entry(new Link(href.apply(v.value()), text.apply(v.value())),
                Snapshot.number(v.count()))).toList();
    }

    /** The cables of the latest release day, for the front page. */
    static List<Row> latest(PublicArchive.View archive, Snapshot s) throws IOException {
        if (s.days.isEmpty()) {
            return List.of();
        }
        try {
            return archive.search(new SearchRequest("", List.of(new SearchRequest.Filter(Facet.RELEASED_DAY,
                    s.days.get(0).value())), SortOrder.CREATED_OLDEST, 0, 20, Optional.empty(), EnumSet.noneOf(Facet.class), 1))
                    .hits().stream().map(h -> Rows.of(h, s)).toList();
        } catch (BadQueryException e) {
            throw new IllegalStateException("a listing's request is always valid", e);
        }
    }
}
