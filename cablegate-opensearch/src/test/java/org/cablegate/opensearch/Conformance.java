package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * The cases both backends must answer alike, and how "alike" is checked: the same total, the same facet counts, the
 * same hits of the first page and of every page after it (by cursor, to the last hit) in the same order where the
 * order is total, the same set where it is relevance (scores are sums of floats, and a tie within a rounding error
 * may break either way) with at least 9 of the first 10 in common; the same message for a query neither can run.
 */
final class Conformance {
    private Conformance() {}

    /** The 20 queries of BENCHMARK-ANCHORS.md, as cablegate-bench's AnchorQueries makes them. */
    static List<SearchRequest> anchors() {
        return List.of(
                SearchRequest.of("iran"),
                SearchRequest.of("nuclear"),
                SearchRequest.of("falklands"),
                SearchRequest.of("subject:visit"),
                SearchRequest.of("iran AND nuclear"),
                SearchRequest.of("oil AND pipeline"),
                SearchRequest.of("terrorism AND financing"),
                SearchRequest.of("\"human rights\""),
                SearchRequest.of("\"prime minister\""),
                SearchRequest.of("\"nuclear program\""),
                faceted(SearchRequest.of("iran")),
                faceted(SearchRequest.of("oil AND pipeline")),
                faceted(SearchRequest.of("\"human rights\"")),
                faceted(SearchRequest.of("")),
                SearchRequest.of("created:2009"),
                SearchRequest.of("iran AND created:[2008 TO 2009]"),
                SearchRequest.of("iran").withSort(SortOrder.CREATED_NEWEST),
                SearchRequest.of("").withSort(SortOrder.CREATED_NEWEST),
                faceted(SearchRequest.of("iran").withFilter(Facet.CLASSIFICATION, "SECRET")),
                faceted(SearchRequest.of("police").withFilter(Facet.ORIGIN, "Embassy Moscow")));
    }

    /** Every operator of the syntax, every field, sort and facet. */
    static List<SearchRequest> operators() {
        List<SearchRequest> cases = new ArrayList<>();
        for (String q : List.of(
                "iran nuclear", "iran OR iraq", "iran AND NOT nuclear", "iran -nuclear", "-iran", "NOT iran",
                "+iran nuclear", "(iran OR iraq) AND (oil OR gas)", "iran^3 nuclear", "subject:(iran OR russia)",
                "\"secretary of state\"", "\"the minister\"", "\"iran nuclear\"~5", "\"nuclear iran\"~3",
                "nucl*", "n?clear", "subject:vis*", "nucleer~", "nucleer~1",
                "putin~2", "/nucl.*/", "subject:[a TO c]", "body:{m TO n}",
                "tag:PREL", "tag:prel", "tags:(PREL OR PGOV)", "tag:P*", "origin:moscow", "classification:secret",
                "classification:\"secret noforn\"", "id:08MOSCOW1647", "id:(08MOSCOW1647 OR 09STATE15113)",
                "from:moscow", "to:secstate", "to:\"secstate washdc\"", "cites:08MOSCOW1647",
                "created:[2008-01 TO 2008-06]", "created:{2008 TO 2010}", "created:[* TO 2005]", "created:2008-06-10",
                "released:2011", "released:[2010-11-28 TO 2010-12-31]", "year:2009", "year:[2005 TO 2006] AND oil",
                "Iran's", "U.S. embassy", "d'affaires", "1.4(b)", "*:*")) {
            cases.add(SearchRequest.of(q));
        }
        for (SortOrder order : SortOrder.values()) {
            cases.add(SearchRequest.of("oil").withSort(order).withLimit(25));
        }
        cases.add(SearchRequest.of("iran").withFacets(1000));
        cases.add(SearchRequest.of("").withFacets(1000, Facet.CREATED_MONTH));
        cases.add(SearchRequest.of("").withFacets(1000, Facet.RELEASED_DAY, Facet.TAG));
        cases.add(SearchRequest.of("oil").withFilter(Facet.TAG, "PREL").withFilter(Facet.YEAR, "2009").withFacets(20));
        cases.add(SearchRequest.of("").withFilter(Facet.CREATED_MONTH, "2008-06").withSort(SortOrder.CREATED_OLDEST));
        cases.add(SearchRequest.of("").withFilter(Facet.RELEASED_DAY, "2011-04-11").withLimit(3));
        cases.add(SearchRequest.of("").withFilter(Facet.CREATED_MONTH, "2008-6"));
        cases.add(SearchRequest.of("nuclear").withSort(SortOrder.CREATED_OLDEST).withPage(40, 20));
        cases.add(SearchRequest.of("nuclear").withPage(5, 10));
        cases.add(SearchRequest.of("nuclear").withLimit(0));
        // Issue 10: the typed conditions the site asks instead of query text.
        cases.add(SearchRequest.all().withCondition(new SearchRequest.IdIn(Set.of("08MOSCOW1647", "09STATE15113")))
                .withSort(SortOrder.CREATED_OLDEST));
        cases.add(SearchRequest.all().withCondition(new SearchRequest.Cites("08MOSCOW1647")));
        cases.add(SearchRequest.of("oil").withCondition(SearchRequest.CreatedIn.years(2008, 2009)).withFacets(20));
        cases.add(SearchRequest.all().withCondition(SearchRequest.CreatedIn.since(java.time.LocalDate.of(2009, 6, 1)))
                .withSort(SortOrder.CREATED_OLDEST).withLimit(50));
        return cases;
    }

    /** Queries neither backend can run, each for its own reason. */
    static List<SearchRequest> refused() {
        List<SearchRequest> cases = new ArrayList<>();
        for (String q : List.of("iran AND", "nuclear:weapons", "created:soon", "\"unclosed", "*ran", "created:2009*",
                "iran)", "released:[2010 TO next]", "body:*")) {
            cases.add(SearchRequest.of(q));
        }
        cases.add(SearchRequest.of("iran").after("not-a-cursor"));
        cases.add(SearchRequest.of("iran").withSort(SortOrder.CREATED_NEWEST).after(
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("RELEVANCE\n0\n0".getBytes())));
        return cases;
    }

    private static SearchRequest faceted(SearchRequest r) {
        return r.withFacets(10, Facet.ORIGIN, Facet.CLASSIFICATION, Facet.YEAR);
    }

    /** Asserts that the cluster answers the request as the archive does. */
    static void assertSameAnswers(SearchBackend archive, SearchBackend cluster, SearchRequest request) throws Exception {
        SearchResult expected = archive.search(request);
        SearchResult actual = cluster.search(request);
        String what = request.toString();
        // The archive counts exactly when it is cheap or asked for facets; the cluster always does.
        SearchResult exact = expected.totalExact() ? expected : archive.search(request.withFacets(1, Facet.YEAR));
        assertThat(actual.total()).as("total of %s", what).isEqualTo(exact.total());
        assertThat(actual.facets()).as("facets of %s", what).isEqualTo(expected.facets());
        boolean relevance = request.sort() == SortOrder.RELEVANCE && expected.hits().stream()
                .anyMatch(h -> !Float.isNaN(h.score()));
        List<String> first = ids(expected.hits());
        List<String> firstActual = ids(actual.hits());
        if (relevance) {
            assertThat(firstActual).as("first page of %s", what).hasSameSizeAs(first);
            Set<String> top = new HashSet<>(first.subList(0, Math.min(10, first.size())));
            long common = firstActual.subList(0, Math.min(10, firstActual.size())).stream().filter(top::contains).count();
            assertThat(common).as("top 10 in common of %s: %s vs %s", what, first, firstActual)
                    .isGreaterThanOrEqualTo(Math.min(9, top.size()));
        } else {
            assertThat(firstActual).as("first page of %s", what).isEqualTo(first);
        }
        assertThat(actual.nextCursor().isPresent()).as("next page of %s", what).isEqualTo(expected.nextCursor().isPresent());
        if (request.offset() == 0 && request.limit() > 0 && expected.nextCursor().isPresent()) {
            List<String> all = everyHit(archive, request);
            List<String> allActual = everyHit(cluster, request);
            if (relevance) {
                assertThat(new HashSet<>(allActual)).as("every hit of %s", what).isEqualTo(new HashSet<>(all));
                assertThat(allActual).as("every hit of %s, once", what).hasSameSizeAs(all);
            } else {
                assertThat(allActual).as("every hit of %s", what).isEqualTo(all);
            }
            assertThat(all).as("every hit of %s", what).hasSize((int) exact.total());
        }
    }

    /** Asserts that both refuse the request with the same message. */
    static void assertSameRefusal(SearchBackend archive, SearchBackend cluster, SearchRequest request) {
        Throwable expected = catchThrowable(() -> archive.search(request));
        Throwable actual = catchThrowable(() -> cluster.search(request));
        assertThat(expected).as("the archive refuses %s", request).isInstanceOf(BadQueryException.class);
        assertThat(actual).as("the cluster refuses %s", request).isInstanceOf(BadQueryException.class)
                .hasMessage(expected.getMessage());
    }

    /** The ids of every hit, page after page by cursor, 1,000 a page. */
    private static List<String> everyHit(SearchBackend backend, SearchRequest request) throws Exception {
        List<String> ids = new ArrayList<>();
        SearchRequest page = request.withLimit(SearchRequest.MAX_LIMIT);
        while (true) {
            SearchResult r = backend.search(page);
            ids.addAll(ids(r.hits()));
            if (r.nextCursor().isEmpty()) {
                return ids;
            }
            page = page.after(r.nextCursor().get());
        }
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
