package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicArchiveTest {
    static final LocalDateTime RELEASED = LocalDateTime.parse("2011-04-11T12:00");

    static PublicCable cable(String id, String canonicalId, String created, String classification, String origin,
            String tags, String subject, String body) {
        String post = origin.substring(origin.lastIndexOf(' ') + 1).toUpperCase();
        return new PublicCable(id, canonicalId, 1, LocalDateTime.parse(created), RELEASED, classification, origin, subject,
                tags.isEmpty() ? List.of() : List.of(tags.split(" ")), "AMEMBASSY " + post, List.of("SECSTATE WASHDC", "AMEMBASSY LONDON"),
                List.of(), "FM AMEMBASSY " + post, body);
    }

    /**
     * Ten cables whose words were chosen so that every count below can be checked by eye. One has neither tags nor
     * subject, as some real ones do: every field must still have one structure across documents.
     */
    static final List<PublicCable> SAMPLE = List.of(
            cable("08MOSCOW1647", "08MOSCOW1647", "2008-06-10T11:11", "CONFIDENTIAL", "Embassy Moscow", "PREL RS",
                    "RUSSIA AND IRAN: NUCLEAR TALKS", "1. (C) Iran's nuclear program was discussed with the prime minister."),
            cable("08MOSCOW2000", "08MOSCOW2000", "2008-09-01T09:00", "SECRET", "Embassy Moscow", "PREL PHUM RS",
                    "HUMAN RIGHTS IN RUSSIA", "1. (S) Police detained human rights activists in Moscow."),
            cable("09MOSCOW100", "09MOSCOW100", "2009-01-15T10:30", "SECRET//NOFORN", "Embassy Moscow", "ENRG RS",
                    "GAS PIPELINE", "1. (S) The oil and gas pipeline to Europe."),
            cable("09LONDON200", "09LONDON200", "2009-03-02T08:00", "UNCLASSIFIED", "Embassy London", "PREL UK IR",
                    "IRAN SANCTIONS", "1. (U) The UK supports sanctions on Iran."),
            cable("07BUENOSAIRES300", "07BUENOSAIRES300", "2007-11-20T16:45", "CONFIDENTIAL", "Embassy Buenos Aires",
                    "PREL AR UK", "FALKLANDS", "1. (C) Argentina raised the Falklands again."),
            cable("10STATE1234", "10STATE1234", "2010-02-01T23:59", "SECRET", "Secretary of State", "PTER KTFN",
                    "TERRORISM FINANCING", "1. (S) Terrorism financing networks in the Gulf."),
            cable("06BAGHDAD500", "06BAGHDAD500", "2006-05-05T05:05", "SECRET", "Embassy Baghdad", "PREL PGOV IZ",
                    "VISIT OF THE PRIME MINISTER", "1. (S) The prime minister's visit to Baghdad."),
            cable("66BUENOSAIRES2481", "66BUENOSAIRES2481", "1966-12-28T18:06", "UNCLASSIFIED", "Embassy Buenos Aires",
                    "EFIS PBTS AR", "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS", "Falkland islands fishing."),
            cable("08ECTION01OF02MANAMA492", "08MANAMA492", "2008-04-01T12:00", "CONFIDENTIAL", "Embassy Manama",
                    "PREL BA IR", "IRAN VISIT", "1. (C) Bahrain and Iran."),
            cable("09MOSCOW200", "09MOSCOW200", "2009-07-07T07:07", "CONFIDENTIAL//NOFORN", "Embassy Moscow", "PGOV RS",
                    "VISIT OF PRESIDENT", "1. (C) The president's visit. Police were present."),
            cable("75STATE7", "75STATE7", "1975-05-05T05:05", "UNCLASSIFIED", "Secretary of State", "", "",
                    "Telegram without tags or subject about the weather."));

    /** Oldest created first, then by the id's key: the order of SortOrder.CREATED_OLDEST. */
    static final Comparator<Hit> ORDER = Comparator.comparing(Hit::created)
            .thenComparingLong(h -> ArchiveSchema.idKey(h.id()));

    @TempDir
    Path dir;

    PublicArchive archive;

    @BeforeEach
    void index() throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            for (PublicCable c : SAMPLE) {
                writer.add(c);
            }
            writer.commit(1);
        }
        archive = PublicArchive.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    List<String> ids(String query) throws Exception {
        return ids(SearchRequest.of(query).withLimit(100).withSort(SortOrder.CREATED_OLDEST));
    }

    List<String> ids(SearchRequest request) throws Exception {
        return archive.search(request).hits().stream().map(Hit::id).toList();
    }

    @Test
    void typedConditionsFindWhatTheirQueryTextFinds() throws Exception {
        // Issue 10: the site asks these typed; each must answer as the query text it replaces did.
        SearchRequest all = SearchRequest.all().withLimit(100).withSort(SortOrder.CREATED_OLDEST);
        assertThat(ids(all.withCondition(new SearchRequest.IdIn(Set.of("08MOSCOW1647", "08MANAMA492")))))
                .isEqualTo(ids("id:(08MOSCOW1647 OR 08MANAMA492)"))
                .containsExactly("08ECTION01OF02MANAMA492", "08MOSCOW1647");
        assertThat(ids(all.withCondition(SearchRequest.CreatedIn.years(2008, 2009))))
                .isEqualTo(ids("created:[2008 TO 2009]")).hasSize(6);
        assertThat(ids(all.withCondition(SearchRequest.CreatedIn.since(java.time.LocalDate.of(2009, 3, 2)))))
                .isEqualTo(ids("created:[2009-03-02 TO *]"))
                .containsExactly("09LONDON200", "09MOSCOW200", "10STATE1234");
        assertThat(ids(all.withCondition(new SearchRequest.CreatedIn(java.time.LocalDate.of(2008, 6, 10),
                java.time.LocalDate.of(2008, 6, 11))))).containsExactly("08MOSCOW1647");
        assertThat(ids(all.withFilter(Facet.CREATED_MONTH, "2008-06"))).isEqualTo(ids("created:2008-06"));
        assertThat(ids(SearchRequest.of("iran").withLimit(100).withSort(SortOrder.CREATED_OLDEST)
                .withCondition(SearchRequest.CreatedIn.years(2009, 2009)))).containsExactly("09LONDON200");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "iran                          | 08ECTION01OF02MANAMA492 08MOSCOW1647 09LONDON200",
        "nuclear                       | 08MOSCOW1647",
        "falklands                     | 07BUENOSAIRES300",
        "subject:visit                 | 06BAGHDAD500 08ECTION01OF02MANAMA492 09MOSCOW200",
        "iran AND nuclear              | 08MOSCOW1647",
        "iran nuclear                  | 08MOSCOW1647",
        "iran OR falklands             | 07BUENOSAIRES300 08ECTION01OF02MANAMA492 08MOSCOW1647 09LONDON200",
        "oil AND pipeline              | 09MOSCOW100",
        "terrorism AND financing       | 10STATE1234",
        "'\"human rights\"'            | 08MOSCOW2000",
        "'\"prime minister\"'          | 06BAGHDAD500 08MOSCOW1647",
        "'\"minister prime\"'          | ''",
        "'\"oil and gas\"'             | 09MOSCOW100",
        "'\"oil or gas\"'              | 09MOSCOW100",
        "'\"oil gas\"'                 | ''",
        "the                           | ''",
        "body:police                   | 08MOSCOW2000 09MOSCOW200",
        "tag:prel                      | 06BAGHDAD500 07BUENOSAIRES300 08ECTION01OF02MANAMA492 08MOSCOW1647 08MOSCOW2000 09LONDON200",
        "TAG:IR                        | 08ECTION01OF02MANAMA492 09LONDON200",
        "origin:moscow                 | 08MOSCOW1647 08MOSCOW2000 09MOSCOW100 09MOSCOW200",
        "'origin:\"embassy moscow\"'   | 08MOSCOW1647 08MOSCOW2000 09MOSCOW100 09MOSCOW200",
        "classification:secret         | 06BAGHDAD500 08MOSCOW2000 09MOSCOW100 10STATE1234",
        "classification:noforn         | 09MOSCOW100 09MOSCOW200",
        "id:08moscow1647               | 08MOSCOW1647",
        "id:08MANAMA492                | 08ECTION01OF02MANAMA492",
        "id:09MOSCOW*                  | 09MOSCOW100 09MOSCOW200",
        "from:london                   | 09LONDON200",
        "'to:\"secstate washdc\"'      | 66BUENOSAIRES2481 75STATE7 06BAGHDAD500 07BUENOSAIRES300 08ECTION01OF02MANAMA492 08MOSCOW1647 08MOSCOW2000 09MOSCOW100 09LONDON200 09MOSCOW200 10STATE1234",
        "'to:\"washdc amembassy\"'     | ''",
        "'created:[2008-01 TO 2008-06]' | 08ECTION01OF02MANAMA492 08MOSCOW1647",
        "'created:{2008-04-01 TO 2008-06]' | 08MOSCOW1647",
        "created:2009                  | 09MOSCOW100 09LONDON200 09MOSCOW200",
        "'created:[* TO 1970]'         | 66BUENOSAIRES2481",
        "'created:\"2008-06-10 11:11\"' | 08MOSCOW1647",
        "year:2008                     | 08ECTION01OF02MANAMA492 08MOSCOW1647 08MOSCOW2000",
        "'iran AND created:[2008 TO 2009]' | 08ECTION01OF02MANAMA492 08MOSCOW1647 09LONDON200",
        "'released:2011-04'            | 66BUENOSAIRES2481 75STATE7 06BAGHDAD500 07BUENOSAIRES300 08ECTION01OF02MANAMA492 08MOSCOW1647 08MOSCOW2000 09MOSCOW100 09LONDON200 09MOSCOW200 10STATE1234",
        "released:2010                 | ''",
        "visit -subject:president      | 06BAGHDAD500 08ECTION01OF02MANAMA492",
        "'TAG:\"prel\"'                 | 06BAGHDAD500 07BUENOSAIRES300 08ECTION01OF02MANAMA492 08MOSCOW1647 08MOSCOW2000 09LONDON200",
        "-iran -falkland*              | 75STATE7 06BAGHDAD500 08MOSCOW2000 09MOSCOW100 09MOSCOW200 10STATE1234",
        "falkland*                     | 66BUENOSAIRES2481 07BUENOSAIRES300",
        "u.k.                          | ''",
        "'\"u k\"'                     | ''",
    })
    void findsExactlyTheCablesThatMatch(String query, String expected) throws Exception {
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split("\\s+"));
        assertThat(ids(query)).containsExactlyElementsOf(want);
        assertThat(archive.search(SearchRequest.of(query)).total()).isEqualTo(want.size());
    }

    @Test
    void blankQueryFindsEverything() throws Exception {
        assertThat(archive.search(SearchRequest.of("  ")).total()).isEqualTo(11);
        assertThat(archive.search(SearchRequest.of("*:*")).total()).isEqualTo(11);
        assertThat(archive.count()).isEqualTo(11);
        assertThat(archive.lastRelease()).isEqualTo(1);
    }

    @Test
    void countsFacetsOverAllHitsNotJustThePage() throws Exception {
        SearchResult all = archive.search(SearchRequest.of("").withLimit(1).withFacets(3));
        assertThat(all.hits()).hasSize(1);
        assertThat(all.facets().get(Facet.ORIGIN)).containsExactly(new FacetCount("Embassy Moscow", 4),
                new FacetCount("Embassy Buenos Aires", 2), new FacetCount("Secretary of State", 2));
        assertThat(all.facets().get(Facet.CLASSIFICATION)).containsExactly(new FacetCount("CONFIDENTIAL", 3),
                new FacetCount("SECRET", 3), new FacetCount("UNCLASSIFIED", 3));
        assertThat(all.facets().get(Facet.TAG)).containsExactly(new FacetCount("PREL", 6), new FacetCount("RS", 4),
                new FacetCount("AR", 2));
        assertThat(all.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2008", 3), new FacetCount("2009", 3),
                new FacetCount("1966", 1));

        SearchResult iran = archive.search(SearchRequest.of("iran").withFacets(10));
        assertThat(iran.facets().get(Facet.ORIGIN)).containsExactly(new FacetCount("Embassy London", 1),
                new FacetCount("Embassy Manama", 1), new FacetCount("Embassy Moscow", 1));
        assertThat(iran.facets().get(Facet.TAG)).containsExactly(new FacetCount("PREL", 3), new FacetCount("IR", 2),
                new FacetCount("BA", 1), new FacetCount("RS", 1), new FacetCount("UK", 1));
        assertThat(iran.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2008", 2), new FacetCount("2009", 1));
    }

    @Test
    void filtersOnExactFacetValues() throws Exception {
        assertThat(ids(SearchRequest.of("visit").withFilter(Facet.ORIGIN, "Embassy Moscow"))).containsExactly("09MOSCOW200");
        assertThat(ids(SearchRequest.of("").withLimit(20).withFilter(Facet.CLASSIFICATION, "SECRET")
                .withSort(SortOrder.CREATED_OLDEST))).containsExactly("06BAGHDAD500", "08MOSCOW2000", "10STATE1234");
        assertThat(ids(SearchRequest.of("").withFilter(Facet.TAG, "IR").withFilter(Facet.YEAR, "2009")))
                .containsExactly("09LONDON200");
        assertThat(archive.search(SearchRequest.of("").withFilter(Facet.ORIGIN, "embassy moscow")).total()).isZero();
    }

    @Test
    void countsAndFiltersByMonthOfCreationAndDayOfRelease() throws Exception {
        SearchResult all = archive.search(SearchRequest.of("").withFacets(3, Facet.CREATED_MONTH, Facet.RELEASED_DAY));
        // One cable a month: ties go by value, so the oldest months come first (1966, before 1970, included).
        assertThat(all.facets().get(Facet.CREATED_MONTH)).containsExactly(new FacetCount("1966-12", 1),
                new FacetCount("1975-05", 1), new FacetCount("2006-05", 1));
        assertThat(all.facets().get(Facet.RELEASED_DAY)).containsExactly(new FacetCount("2011-04-11", 11));
        assertThat(archive.search(SearchRequest.of("origin:moscow").withFacets(10, Facet.CREATED_MONTH)).facets()
                .get(Facet.CREATED_MONTH)).containsExactly(new FacetCount("2008-06", 1), new FacetCount("2008-09", 1),
                new FacetCount("2009-01", 1), new FacetCount("2009-07", 1));

        assertThat(ids(SearchRequest.of("").withFilter(Facet.CREATED_MONTH, "1966-12"))).containsExactly("66BUENOSAIRES2481");
        assertThat(ids(SearchRequest.of("visit").withFilter(Facet.CREATED_MONTH, "2009-07"))).containsExactly("09MOSCOW200");
        assertThat(archive.search(SearchRequest.of("").withFilter(Facet.RELEASED_DAY, "2011-04-11")).total()).isEqualTo(11);
        assertThat(archive.search(SearchRequest.of("").withFilter(Facet.RELEASED_DAY, "2011-04-12")).total()).isZero();
        // Only the values the facet shows filter: anything else matches nothing (as an unknown origin does).
        for (String notShown : List.of("2008-6", "2008-13", "+2008-06", "2008-06-10", "June 2008", "")) {
            assertThat(archive.search(SearchRequest.of("").withFilter(Facet.CREATED_MONTH, notShown)).total())
                    .as(notShown).isZero();
        }
        for (String notShown : List.of("2011-4-11", "2011-04", "2011-04-11T12:00", "2011-02-30")) {
            assertThat(archive.search(SearchRequest.of("").withFilter(Facet.RELEASED_DAY, notShown)).total())
                    .as(notShown).isZero();
        }
    }

    @Test
    void sortsByDateNewestOrOldestAndByRelevance() throws Exception {
        assertThat(ids(SearchRequest.of("").withLimit(3).withSort(SortOrder.CREATED_NEWEST)))
                .containsExactly("10STATE1234", "09MOSCOW200", "09LONDON200");
        assertThat(ids(SearchRequest.of("").withLimit(2).withSort(SortOrder.CREATED_OLDEST)))
                .containsExactly("66BUENOSAIRES2481", "75STATE7");
        // Same release time for all: the id's key breaks the tie.
        List<String> byKey = SAMPLE.stream().map(PublicCable::id)
                .sorted(Comparator.comparingLong(ArchiveSchema::idKey)).toList();
        assertThat(ids(SearchRequest.of("").withLimit(20).withSort(SortOrder.RELEASED_NEWEST)))
                .containsExactlyElementsOf(byKey);
        // Without words there is no relevance: newest first.
        assertThat(ids(SearchRequest.of("").withLimit(3))).containsExactly("10STATE1234", "09MOSCOW200", "09LONDON200");
        assertThat(archive.search(SearchRequest.of("")).hits().get(0).score()).isNaN();
        // Nor with dates and exclusions only.
        assertThat(ids(SearchRequest.of("created:2009"))).containsExactly("09MOSCOW200", "09LONDON200", "09MOSCOW100");
        assertThat(archive.search(SearchRequest.of("created:2009")).hits()).allSatisfy(h -> assertThat(h.score()).isNaN());
        assertThat(ids(SearchRequest.of("-iran -falkland*"))).containsExactly("10STATE1234", "09MOSCOW200",
                "09MOSCOW100", "08MOSCOW2000", "06BAGHDAD500", "75STATE7");
        assertThat(archive.search(SearchRequest.of("iran AND created:2008")).hits())
                .allSatisfy(h -> assertThat(h.score()).isPositive());
        // IRAN in the subject weighs more than in the body; the boosted subject wins.
        SearchResult iran = archive.search(SearchRequest.of("iran"));
        assertThat(iran.hits().get(0).subject()).contains("IRAN");
        assertThat(iran.hits()).allSatisfy(h -> assertThat(h.score()).isPositive());
        assertThat(iran.hits().get(0).score()).isGreaterThanOrEqualTo(iran.hits().get(2).score());
        assertThat(archive.search(SearchRequest.of("iran").withSort(SortOrder.CREATED_NEWEST)).hits().get(0).score()).isNaN();
    }

    @Test
    void pagesWithOffsetAndWithCursorAlike() throws Exception {
        List<String> all = ids(SearchRequest.of("").withLimit(20).withSort(SortOrder.CREATED_NEWEST));
        assertThat(all).hasSize(11);
        assertThat(ids(SearchRequest.of("").withPage(3, 4).withSort(SortOrder.CREATED_NEWEST)))
                .containsExactlyElementsOf(all.subList(3, 7));
        assertThat(ids(SearchRequest.of("").withPage(9, 4).withSort(SortOrder.CREATED_NEWEST)))
                .containsExactlyElementsOf(all.subList(9, 11));
        assertThat(ids(SearchRequest.of("").withPage(50, 4))).isEmpty();

        for (SortOrder order : SortOrder.values()) {
            List<String> expected = ids(SearchRequest.of("").withLimit(20).withSort(order));
            List<String> paged = new ArrayList<>();
            SearchRequest request = SearchRequest.of("").withLimit(3).withSort(order);
            while (true) {
                SearchResult page = archive.search(request);
                assertThat(page.total()).isEqualTo(11);
                page.hits().forEach(h -> paged.add(h.id()));
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                request = request.after(page.nextCursor().get());
            }
            assertThat(paged).as(order.name()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pageStartsAreTheCursorsOfPagingOneByOne() throws Exception {
        for (SortOrder order : SortOrder.values()) {
            for (SearchRequest request : List.of(SearchRequest.of("").withLimit(3).withSort(order),
                    SearchRequest.of("").withLimit(3).withSort(order).withFilter(Facet.CLASSIFICATION, "SECRET"))) {
                List<String> cursors = new ArrayList<>();
                for (SearchRequest r = request; ; ) {
                    Optional<String> next = archive.search(r).nextCursor();
                    if (next.isEmpty()) {
                        break;
                    }
                    cursors.add(next.get());
                    r = request.after(next.get());
                }
                try (PublicArchive.View view = archive.view()) {
                    assertThat(view.pageStarts(request, 3)).as(order + " " + request.filters())
                            .containsExactlyElementsOf(cursors);
                }
            }
        }
        try (PublicArchive.View view = archive.view()) {
            // 11 cables: pages 1 to 3 of 3 start after hits 3, 6 and 9; one page of 11 needs no start.
            assertThat(view.pageStarts(SearchRequest.of("").withSort(SortOrder.CREATED_OLDEST), 3)).hasSize(3);
            assertThat(view.pageStarts(SearchRequest.of(""), 11)).isEmpty();
            assertThatThrownBy(() -> view.pageStarts(SearchRequest.of("iran"), 3))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The rewrite that lets Lucene prune required words changes neither what matches nor any score. */
    @ParameterizedTest
    @ValueSource(strings = {"iran", "iran AND nuclear", "iran nuclear", "\"prime minister\" AND visit",
        "iran OR police", "iran -sanctions", "subject:nuclear AND iran", "police AND (moscow OR visit)",
        "iran AND tag:PREL", "visit AND NOT baghdad", "terrorism AND financing AND gulf", "iran^3 AND nuclear"})
    void requiredWordsScoreAsWrittenAfterTheRewrite(String text) throws Exception {
        ArchiveQueryParser parser = new ArchiveQueryParser(new CableAnalyzer());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<Integer, Float> asWritten = scores(searcher, parser.parseAsWritten(text));
            Map<Integer, Float> rewritten = scores(searcher, parser.parse(text));
            assertThat(asWritten).as(text).isNotEmpty();
            assertThat(rewritten.keySet()).as(text).isEqualTo(asWritten.keySet());
            asWritten.forEach((doc, score) -> assertThat(rewritten.get(doc)).as(text + " doc " + doc)
                    .isCloseTo(score, within(1e-5f)));
        }
        if (text.equals("iran AND nuclear")) {
            assertThat(parser.parse(text)).isNotEqualTo(parser.parseAsWritten(text));
        }
    }

    private static Map<Integer, Float> scores(IndexSearcher searcher, Query query) throws IOException {
        Map<Integer, Float> scores = new HashMap<>();
        for (ScoreDoc d : searcher.search(query, 100).scoreDocs) {
            scores.put(d.doc, d.score);
        }
        return scores;
    }

    @Test
    void aViewHoldsItsReleaseWhileTheNextIsPublished() throws Exception {
        PublicCable added = cable("10OSLO99", "10OSLO99", "2010-01-05T09:00", "SECRET", "Embassy Oslo", "PREL",
                "NORWAY: A LATER CABLE", "1. (S) A cable of the second release about Iran.");
        SearchRequest firstPage = SearchRequest.of("").withLimit(6).withSort(SortOrder.CREATED_OLDEST);
        try (PublicArchive.View held = archive.view()) {
            SearchResult page1 = held.search(firstPage);
            try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
                writer.add(added);
                writer.commit(2);
            }
            archive.refresh();

            // The archive moved on; the view did not, even for the rest of a paging it began before.
            assertThat(archive.lastRelease()).isEqualTo(2);
            assertThat(archive.count()).isEqualTo(12);
            assertThat(archive.get("10OSLO99")).isPresent();
            assertThat(held.lastRelease()).isEqualTo(1);
            assertThat(held.count()).isEqualTo(11);
            assertThat(held.get("10OSLO99")).isEmpty();
            SearchResult page2 = held.search(firstPage.after(page1.nextCursor().orElseThrow()));
            assertThat(page1.total()).isEqualTo(11);
            assertThat(page1.hits().size() + page2.hits().size()).isEqualTo(11);
            assertThat(page2.nextCursor()).isEmpty();
            assertThat(held.search(SearchRequest.of("iran").withLimit(20)).hits()).extracting(Hit::id)
                    .doesNotContain("10OSLO99");
        }
        try (PublicArchive.View now = archive.view()) {
            assertThat(now.lastRelease()).isEqualTo(2);
            assertThat(now.search(SearchRequest.of("iran").withLimit(20)).hits()).extracting(Hit::id)
                    .contains("10OSLO99");
        }
    }

    @Test
    void aClosedViewRefusesToRead() throws Exception {
        PublicArchive.View view = archive.view();
        view.close();
        view.close();
        assertThatThrownBy(view::count).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> view.search(SearchRequest.of("iran"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hitsCarryWhatAResultListShowsAndGetReturnsTheWholeCable() throws Exception {
        Hit hit = archive.search(SearchRequest.of("id:08MANAMA492")).hits().get(0);
        assertThat(hit.id()).isEqualTo("08ECTION01OF02MANAMA492");
        assertThat(hit.canonicalId()).isEqualTo("08MANAMA492");
        assertThat(hit.created()).isEqualTo(LocalDateTime.parse("2008-04-01T12:00"));
        assertThat(hit.released()).isEqualTo(RELEASED);
        assertThat(hit.tags()).containsExactly("PREL", "BA", "IR");
        assertThat(hit.subject()).isEqualTo("IRAN VISIT");

        assertThat(archive.get("08ECTION01OF02MANAMA492")).contains(SAMPLE.get(8));
        assertThat(archive.get("08MANAMA492")).contains(SAMPLE.get(8));
        assertThat(archive.get("08MOSCOW9999")).isEmpty();
        assertThat(archive.get("75STATE7")).contains(SAMPLE.get(10));
        Hit bare = archive.search(SearchRequest.of("weather")).hits().get(0);
        assertThat(bare.tags()).isEmpty();
        assertThat(bare.subject()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iran AND", "\"human rights", "(iran", "foo:bar", "subject:", "created:notadate",
        "created:2008-13", "created:[2008 TO x]", "created:2008*", "year:2008-01", "*iran", "iran)", "AND", "OR OR"})
    void malformedQueriesAreBadQueriesWithAMessageForTheReader(String query) {
        assertThatThrownBy(() -> archive.search(SearchRequest.of(query)))
                .isInstanceOf(BadQueryException.class)
                .hasMessageNotContaining("org.apache")
                .hasMessageNotContaining("Was expecting")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void badQueryMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> archive.search(SearchRequest.of("foo:bar")))
                .hasMessageContaining("There is no field 'foo:'").hasMessageContaining("subject:");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("created:2008-13")))
                .hasMessageContaining("created: '2008-13' is not a valid date");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("iran AND"))).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("\"human rights")))
                .hasMessageContaining("unclosed quote");
    }

    @Test
    void foreignOrDamagedCursorsAreBadQueries() throws Exception {
        String cursor = archive.search(SearchRequest.of("").withLimit(2).withSort(SortOrder.CREATED_NEWEST)).nextCursor()
                .orElseThrow();
        assertThatThrownBy(() -> archive.search(SearchRequest.of("visit").withSort(SortOrder.RELEVANCE).after(cursor)))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("sorted by CREATED_NEWEST");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("").after("!!not-a-cursor!!")))
                .isInstanceOf(BadQueryException.class);
        assertThatThrownBy(() -> archive.search(SearchRequest.of("").after("YWJj")))
                .isInstanceOf(BadQueryException.class);
    }

    @Test
    void anArchiveWithNoReleaseYetIsEmpty(@TempDir Path empty) throws Exception {
        try (PublicArchive none = PublicArchive.open(empty)) {
            assertThat(none.count()).isZero();
            assertThat(none.lastRelease()).isZero();
            assertThat(none.search(SearchRequest.of("iran").withFacets(5)).total()).isZero();
            assertThat(none.get("08MOSCOW1647")).isEmpty();
            assertThatThrownBy(() -> none.search(SearchRequest.of("iran AND"))).isInstanceOf(BadQueryException.class);
        }
    }

    @Test
    void pagesDeeperThanTenThousandWithTheCursor(@TempDir Path big) throws Exception {
        int n = 12_345;
        try (ArchiveWriter writer = ArchiveWriter.open(big, 64)) {
            for (int i = 0; i < n; i++) {
                writer.add(new PublicCable(String.format("09X%05d", i), String.format("09X%05d", i), 1,
                        LocalDateTime.parse("2009-01-01T00:00").plusMinutes(i % 500), RELEASED, "SECRET", "Embassy X",
                        "S", List.of("PREL"), "", List.of(), List.of(), "", "common text " + i));
            }
            writer.commit(1);
        }
        try (PublicArchive many = PublicArchive.open(big)) {
            // Counting stops early where it is costly, unless facets visit every hit anyway.
            SearchResult phrase = many.search(SearchRequest.of("\"common text\""));
            assertThat(phrase.totalExact()).isFalse();
            assertThat(phrase.total()).isGreaterThanOrEqualTo(PublicArchive.COUNT_EXACTLY_UP_TO);
            SearchResult counted = many.search(SearchRequest.of("\"common text\"").withFacets(1, Facet.YEAR));
            assertThat(counted.totalExact()).isTrue();
            assertThat(counted.total()).isEqualTo(n);
            assertThat(counted.facets()).containsOnlyKeys(Facet.YEAR);
            assertThat(many.search(SearchRequest.of("common")).total()).isEqualTo(n);
            assertThat(many.search(SearchRequest.of("")).total()).isEqualTo(n);

            Set<String> seen = new HashSet<>();
            Hit previous = null;
            SearchRequest request = SearchRequest.of("common").withLimit(SearchRequest.MAX_LIMIT)
                    .withSort(SortOrder.CREATED_OLDEST);
            while (true) {
                SearchResult page = many.search(request);
                assertThat(page.total()).isEqualTo(n);
                assertThat(page.totalExact()).isTrue();
                for (Hit h : page.hits()) {
                    assertThat(seen.add(h.id())).as("seen once: " + h.id()).isTrue();
                    Hit current = h;
                    if (previous != null) {
                        assertThat(ORDER.compare(previous, current)).as("ordered").isNegative();
                    }
                    previous = current;
                }
                Optional<String> next = page.nextCursor();
                if (next.isEmpty()) {
                    break;
                }
                request = request.after(next.get());
            }
            assertThat(seen).hasSize(n);
        }
    }
}
