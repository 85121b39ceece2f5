package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts and facet filters checked against counts made in plain Java from the cables themselves, on an archive
 * of several segments (three releases) where a release replaced cables of earlier ones with new versions whose values
 * differ: the replaced documents are deleted, not gone, and must count nowhere.
 */
class FacetCountsTest {
    private static final String[] ORIGINS = {"Embassy Moscow", "Embassy London", "Embassy Baghdad", "Secretary of State",
        "Consulate Jeddah", "Embassy Buenos Aires", "Mission USUN New York"};
    private static final String[] CLASSIFICATIONS = {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "SECRET//NOFORN"};
    private static final String[] TAGS = {"PREL", "PGOV", "PHUM", "ECON", "MARR", "KNNP"};
    /** Release times on either side of midnight, so that a minute off would move a cable to the wrong day. */
    private static final LocalDateTime[] RELEASES = {LocalDateTime.parse("2010-11-28T00:00"),
        LocalDateTime.parse("2010-11-28T23:59"), LocalDateTime.parse("2010-11-29T00:00"),
        LocalDateTime.parse("2011-08-30T12:00"), LocalDateTime.parse("2011-09-01T23:59")};

    /** Enough for counts of more than 10,000 hits, by relevance and by date (orders that skip hits differently). */
    private static final int CABLES = 16_000;

    @TempDir
    Path dir;

    /** The cables the archive holds, by id, as of the last release. */
    private final Map<String, PublicCable> live = new LinkedHashMap<>();
    private PublicArchive archive;

    @BeforeEach
    void release() throws IOException {
        Random random = new Random(2010);
        List<PublicCable> first = new ArrayList<>();
        for (int i = 0; i < CABLES; i++) {
            first.add(cable(random, i));
        }
        write(first.subList(0, 5000), false, 1);
        write(first.subList(5000, CABLES), false, 2);
        List<PublicCable> replaced = new ArrayList<>();
        for (int i = 0; i < CABLES; i += 7) {
            PublicCable next = cable(random, i);
            replaced.add(new PublicCable(next.id(), next.canonicalId(), 2, next.created(), next.released(),
                    next.classification(), next.origin(), next.subject(), next.tags(), next.from(), next.to(),
                    next.cites(), next.header(), next.body()));
        }
        // The third release adds a value no earlier segment has: it must be numbered among the others.
        replaced.add(new PublicCable("11REYKJAVIK1", "11REYKJAVIK1", 1, LocalDateTime.parse("2011-02-01T00:00"),
                LocalDateTime.parse("2011-09-01T23:59"), "UNCLASSIFIED", "Embassy Reykjavik", "ALPHA", List.of("ZZZZ"),
                "", List.of(), List.of(), "", "alpha"));
        write(replaced, true, 3);
        archive = PublicArchive.open(dir);
    }

    private void write(List<PublicCable> cables, boolean replace, long release) throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            for (PublicCable c : cables) {
                if (replace) {
                    writer.replace(c);
                } else {
                    writer.add(c);
                }
                live.put(c.id(), c);
            }
            writer.commit(release);
        }
    }

    /** A cable with values drawn at random; month ends and starts are frequent, as are the words alpha and beta. */
    private static PublicCable cable(Random random, int i) {
        LocalDateTime created = switch (random.nextInt(4)) {
            case 0 -> LocalDateTime.of(1966 + random.nextInt(44), 1 + random.nextInt(12), 1, 0, 0);
            case 1 -> YearMonth.of(1966 + random.nextInt(44), 1 + random.nextInt(12)).atEndOfMonth().atTime(23, 59);
            default -> LocalDateTime.of(1966 + random.nextInt(44), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60));
        };
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        StringBuilder body = new StringBuilder("cable number ").append(i);
        if (random.nextInt(3) == 0) {
            body.append(" alpha");
        }
        if (random.nextInt(4) == 0) {
            body.append(" beta");
        }
        // The id depends on i alone: a new version of cable i replaces it.
        String id = String.format("09X%05d", i);
        return new PublicCable(id, id, 1, created, RELEASES[random.nextInt(RELEASES.length)],
                CLASSIFICATIONS[random.nextInt(CLASSIFICATIONS.length)], ORIGINS[random.nextInt(ORIGINS.length)],
                "SUBJECT " + i, tags, "", List.of(), List.of(), "", body.toString());
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    /** Every facet's counts, most frequent first and ties by value, over the live cables that pass {@code which}. */
    private Map<Facet, List<FacetCount>> expected(Predicate<PublicCable> which, int limit) {
        Map<Facet, Function<PublicCable, List<String>>> valuesOf = Map.of(
                Facet.ORIGIN, c -> List.of(c.origin()),
                Facet.CLASSIFICATION, c -> List.of(c.classification()),
                Facet.TAG, PublicCable::tags,
                Facet.YEAR, c -> List.of(Integer.toString(c.created().getYear())),
                Facet.CREATED_MONTH, c -> List.of(YearMonth.from(c.created()).toString()),
                Facet.RELEASED_DAY, c -> List.of(c.released().toLocalDate().toString()));
        Map<Facet, List<FacetCount>> expected = new TreeMap<>();
        valuesOf.forEach((facet, values) -> {
            Map<String, Long> counts = new TreeMap<>();
            live.values().stream().filter(which).forEach(c -> values.apply(c).forEach(v -> counts.merge(v, 1L, Long::sum)));
            expected.put(facet, counts.entrySet().stream()
                    .map(e -> new FacetCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
                    .limit(limit).toList());
        });
        return expected;
    }

    private static boolean has(PublicCable c, String word) {
        return c.body().contains(word);
    }

    @Test
    void countsEveryLiveCableOnceAcrossSegmentsAndReplacements() throws Exception {
        assertThat(archive.count()).isEqualTo(live.size()).isEqualTo(CABLES + 1);
        for (int limit : new int[] {1000, 3}) {
            SearchResult all = archive.search(SearchRequest.of("").withFacets(limit));
            assertThat(all.total()).isEqualTo(live.size());
            assertThat(new TreeMap<>(all.facets())).isEqualTo(expected(c -> true, limit));
        }
        // The newest release's own values, and nothing of the versions it replaced.
        assertThat(archive.search(SearchRequest.of("").withFacets(1000)).facets().get(Facet.ORIGIN))
                .contains(new FacetCount("Embassy Reykjavik", 1));
    }

    @Test
    void countsTheHitsOfAQuery() throws Exception {
        for (int limit : new int[] {1000, 5}) {
            SearchResult alpha = archive.search(SearchRequest.of("alpha").withFacets(limit));
            assertThat(alpha.totalExact()).isTrue();
            assertThat(alpha.total()).isEqualTo(live.values().stream().filter(c -> has(c, "alpha")).count());
            assertThat(new TreeMap<>(alpha.facets())).isEqualTo(expected(c -> has(c, "alpha"), limit));

            SearchResult both = archive.search(SearchRequest.of("alpha AND beta").withFacets(limit));
            assertThat(new TreeMap<>(both.facets()))
                    .isEqualTo(expected(c -> has(c, "alpha") && has(c, "beta"), limit));

            // Many hits, sorted both ways.
            for (SortOrder order : List.of(SortOrder.RELEVANCE, SortOrder.CREATED_NEWEST)) {
                SearchResult many = archive.search(SearchRequest.of("-beta").withSort(order).withFacets(limit));
                assertThat(many.total()).isEqualTo(live.values().stream().filter(c -> !has(c, "beta")).count())
                        .isGreaterThan(10_000);
                assertThat(new TreeMap<>(many.facets())).isEqualTo(expected(c -> !has(c, "beta"), limit));
            }
            SearchResult number = archive.search(SearchRequest.of("number").withFacets(limit));
            assertThat(number.total()).isEqualTo(CABLES);
            assertThat(new TreeMap<>(number.facets())).isEqualTo(expected(c -> has(c, "number"), limit));
        }
        SearchResult two = archive.search(SearchRequest.of("beta").withFacets(4, Facet.CREATED_MONTH, Facet.ORIGIN));
        assertThat(two.facets()).containsOnlyKeys(Facet.CREATED_MONTH, Facet.ORIGIN);
        assertThat(two.facets().get(Facet.CREATED_MONTH))
                .isEqualTo(expected(c -> has(c, "beta"), 4).get(Facet.CREATED_MONTH));
    }

    @Test
    void filtersOnEveryFacetByTheValuesItCounts() throws Exception {
        Map<Facet, List<FacetCount>> all = expected(c -> true, 1000);
        for (Facet facet : Facet.values()) {
            // The most frequent value, the least frequent, and one in the middle.
            List<FacetCount> values = all.get(facet);
            for (FacetCount value : List.of(values.get(0), values.get(values.size() / 2), values.get(values.size() - 1))) {
                SearchResult filtered = archive.search(SearchRequest.of("").withFilter(facet, value.value())
                        .withLimit(SearchRequest.MAX_LIMIT).withFacets(1000, facet));
                assertThat(filtered.total()).as(facet + "=" + value.value()).isEqualTo(value.count());
                assertThat(filtered.facets().get(facet)).as(facet + "=" + value.value())
                        .startsWith(new FacetCount(value.value(), value.count()));
                if (facet != Facet.TAG) {
                    assertThat(filtered.facets().get(facet)).hasSize(1);
                }
            }
        }
    }

    @Test
    void periodFiltersCutAtTheFirstAndLastMinute() throws Exception {
        YearMonth month = YearMonth.of(1999, 3);
        long inMonth = live.values().stream().filter(c -> YearMonth.from(c.created()).equals(month)).count();
        SearchResult march = archive.search(SearchRequest.of("").withFilter(Facet.CREATED_MONTH, "1999-03")
                .withFacets(1, Facet.CREATED_MONTH));
        assertThat(march.total()).isEqualTo(inMonth);
        assertThat(archive.search(SearchRequest.of("created:1999-03").withFacets(1, Facet.YEAR)).total())
                .isEqualTo(inMonth);

        LocalDate day = LocalDate.parse("2010-11-28");
        long onDay = live.values().stream().filter(c -> c.released().toLocalDate().equals(day)).count();
        SearchResult released = archive.search(SearchRequest.of("").withFilter(Facet.RELEASED_DAY, "2010-11-28")
                .withFacets(1, Facet.RELEASED_DAY).withLimit(SearchRequest.MAX_LIMIT));
        assertThat(released.total()).isEqualTo(onDay).isGreaterThan(0);
        assertThat(released.hits()).allSatisfy(h -> assertThat(h.released().toLocalDate()).isEqualTo(day));
        // Both the midnight that opens the day and the minute before the next are in it.
        assertThat(released.hits()).extracting(Hit::released).contains(LocalDateTime.parse("2010-11-28T00:00"),
                LocalDateTime.parse("2010-11-28T23:59"));
    }

    @Test
    void countsFollowTheArchiveToItsNextRelease() throws Exception {
        List<FacetCount> before = archive.search(SearchRequest.of("").withFacets(1000, Facet.ORIGIN, Facet.RELEASED_DAY))
                .facets().get(Facet.RELEASED_DAY);
        PublicCable moved = live.values().iterator().next();
        PublicCable newer = new PublicCable(moved.id(), moved.canonicalId(), 3, moved.created(),
                LocalDateTime.parse("2011-09-02T08:00"), moved.classification(), "Embassy Oslo", moved.subject(),
                moved.tags(), moved.from(), moved.to(), moved.cites(), moved.header(), moved.body());
        write(List.of(newer), true, 4);
        archive.refresh();
        SearchResult after = archive.search(SearchRequest.of("").withFacets(1000, Facet.ORIGIN, Facet.RELEASED_DAY));
        assertThat(after.facets()).isEqualTo(Map.of(Facet.ORIGIN, expected(c -> true, 1000).get(Facet.ORIGIN),
                Facet.RELEASED_DAY, expected(c -> true, 1000).get(Facet.RELEASED_DAY)));
        assertThat(after.facets().get(Facet.RELEASED_DAY)).isNotEqualTo(before)
                .contains(new FacetCount("2011-09-02", 1));
        assertThat(after.facets().get(Facet.ORIGIN)).contains(new FacetCount("Embassy Oslo", 1));
        SearchResult query = archive.search(SearchRequest.of(moved.body()).withFacets(10, Facet.ORIGIN));
        assertThat(query.facets().get(Facet.ORIGIN)).containsExactly(new FacetCount("Embassy Oslo", 1));
    }
}
