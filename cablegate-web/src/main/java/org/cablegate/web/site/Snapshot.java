package org.cablegate.web.site;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.http.HttpDates;
import org.cablegate.web.http.ReleaseStamp;
import org.cablegate.web.view.Chrome;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.ReleaseBox;
import org.cablegate.web.url.Urls;
import org.cablegate.web.url.Slugs;

/**
 * What every page of one release shares, read once when the release is first seen: every value of every browse
 * dimension with its count, the slugs, the navigation, and the box with the counter and the latest release days.
 */
final class Snapshot {
    /** Enough for every value of every facet of the whole set (about 300 origins, 540 months, a few thousand tags). */
    private static final int ALL = 1_000_000;
    private static final int LATEST_DAYS = 10;

    final long release;
    final long count;
    final long setSize;
    /** The release and when it was published, as an HTTP date: what Last-Modified says. */
    private final ReleaseStamp stamp;
    /** Release days, newest first. */
    final List<FacetCount> days;
    /** Creation months, oldest first. */
    final List<FacetCount> months;
    /** Sorted by value. */
    final List<FacetCount> origins;
    final List<FacetCount> tags;
    final List<FacetCount> classifications;
    final Slugs originSlugs;
    final Slugs classificationSlugs;
    final Chrome chrome;
    final ReleaseBox box;
    /** Each listing's size and months, counted when first shown. */
    final Map<SearchRequest.Filter, Listing> listings = new ConcurrentHashMap<>();
    /** Where each listing page starts (the cursor after the page before), kept as pages are shown. */
    final Map<PageStart, String> pageStarts = new ConcurrentHashMap<>();

    record Listing(long total, List<FacetCount> months) {}

    record PageStart(SearchRequest.Filter filter, int page) {}

    private Snapshot(PublicArchive.View archive, String siteUrl) throws IOException {
        release = archive.lastRelease();
        count = archive.count();
        setSize = Math.max(count, archive.setSize());
        SearchResult all;
        try {
            all = archive.search(new SearchRequest("", List.of(), SortOrder.RELEASED_NEWEST, 0, 1, Optional.empty(),
                    EnumSet.of(Facet.ORIGIN, Facet.TAG, Facet.CLASSIFICATION, Facet.CREATED_MONTH, Facet.RELEASED_DAY),
                    ALL));
        } catch (BadQueryException e) {
            throw new IllegalStateException("the empty query is always valid", e);
        }
        // When the release was published, not the release time it was given (issue 12: a release dated in the past
        // kept the Last-Modified of the one before, and If-Modified-Since got 304s for changed pages).
        stamp = new ReleaseStamp(release, all.hits().isEmpty() ? "Thu, 01 Jan 1970 00:00:00 GMT"
                : HttpDates.format(archive.published()
                        .orElse(all.hits().get(0).released().toInstant(ZoneOffset.UTC))));
        days = sorted(all, Facet.RELEASED_DAY, Comparator.comparing(FacetCount::value).reversed());
        months = sorted(all, Facet.CREATED_MONTH, Comparator.comparing(FacetCount::value));
        origins = sorted(all, Facet.ORIGIN, Comparator.comparing(FacetCount::value));
        tags = sorted(all, Facet.TAG, Comparator.comparing(FacetCount::value));
        classifications = sorted(all, Facet.CLASSIFICATION, Comparator.comparing(FacetCount::value));
        originSlugs = Slugs.origins(origins.stream().map(FacetCount::value).toList());
        classificationSlugs = Slugs.classifications(classifications.stream().map(FacetCount::value).toList());
        chrome = Chrome.of(siteUrl, nav());
        box = new ReleaseBox(number(count), number(setSize), days.stream().limit(LATEST_DAYS)
                .map(d -> new Link(Urls.releaseDay(d.value(), 0), d.value().replace('-', '/'))).toList());
    }

    ReleaseStamp stamp() {
        return stamp;
    }

    /** Reads what the pages of the view's release share; {@code siteUrl} is where readers reach the site. */
    static Snapshot read(PublicArchive.View view, String siteUrl) throws IOException {
        return new Snapshot(view, siteUrl);
    }

    private static List<FacetCount> sorted(SearchResult all, Facet facet, Comparator<FacetCount> order) {
        List<FacetCount> values = new ArrayList<>(all.facets().getOrDefault(facet, List.of()));
        values.sort(order);
        return List.copyOf(values);
    }

    private Chrome.Nav nav() {
        List<Link> years = new ArrayList<>();
        for (String year : byYear().keySet()) {
            years.add(new Link("/date/index.html#y" + year, year));
        }
        List<Link> originLetters = letters(origins, Snapshot::place, "/origin/index.html#");
        List<Link> tagLetters = letters(tags, v -> v, "/tag/index.html#");
        List<Link> classes = classifications.stream()
                .map(c -> new Link(Urls.classification(classificationSlugs.slug(c.value()), 0), c.value())).toList();
        return new Chrome.Nav(years, originLetters, tagLetters, classes);
    }

    /** Creation months by year, both in order. */
    Map<String, List<FacetCount>> byYear() {
        Map<String, List<FacetCount>> years = new TreeMap<>();
        for (FacetCount m : months) {
            years.computeIfAbsent(m.value().substring(0, 4), y -> new ArrayList<>()).add(m);
        }
        return years;
    }

    /** Release days by month, newest first. */
    Map<String, List<FacetCount>> daysByMonth() {
        Map<String, List<FacetCount>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (FacetCount d : days) {
            byMonth.computeIfAbsent(d.value().substring(0, 7), m -> new ArrayList<>()).add(d);
        }
        return byMonth;
    }

    /** Values grouped by the letter an index files them under. */
    static Map<String, List<FacetCount>> byLetter(List<FacetCount> values, java.util.function.Function<String, String> key) {
        Map<String, List<FacetCount>> groups = new TreeMap<>();
        for (FacetCount v : values) {
            groups.computeIfAbsent(letter(key.apply(v.value())), l -> new ArrayList<>()).add(v);
        }
        for (List<FacetCount> g : groups.values()) {
            g.sort(Comparator.comparing((FacetCount v) -> key.apply(v.value())).thenComparing(FacetCount::value));
        }
        return groups;
    }

    private static List<Link> letters(List<FacetCount> values, java.util.function.Function<String, String> key,
            String prefix) {
        return byLetter(values, key).keySet().stream().map(l -> new Link(prefix + anchor(l), l)).toList();
    }

    static String anchor(String letter) {
        return letter.equals("#") ? "other" : letter;
    }

    private static String letter(String s) {
        char c = s.isEmpty() ? '#' : Character.toUpperCase(s.charAt(0));
        return c >= 'A' && c <= 'Z' ? String.valueOf(c) : "#";
    }

    /**
     * The place an origin is filed under: "Embassy Moscow" under M, as the 2011 index did, since nearly every origin
     * starts with Embassy or Consulate.
     */
    static String place(String origin) {
        for (String kind : List.of("Embassy ", "Consulate ", "Mission ")) {
            if (origin.startsWith(kind) && origin.length() > kind.length()) {
                return origin.substring(kind.length());
            }
        }
        return origin;
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
