package org.cablegate.bench;

import java.util.List;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;

/** The 20 queries of BENCHMARK-ANCHORS.md as cablegate requests, in the anchors' order. */
final class AnchorQueries {
    record Named(String name, SearchRequest request) {}

    private AnchorQueries() {}

    static List<Named> cablegate() {
        return List.of(
                new Named("Q01 iran", SearchRequest.of("iran")),
                new Named("Q02 nuclear", SearchRequest.of("nuclear")),
                new Named("Q03 falklands", SearchRequest.of("falklands")),
                new Named("Q04 subject:visit", SearchRequest.of("subject:visit")),
                new Named("Q05 iran AND nuclear", SearchRequest.of("iran AND nuclear")),
                new Named("Q06 oil AND pipeline", SearchRequest.of("oil AND pipeline")),
                new Named("Q07 terrorism AND financing", SearchRequest.of("terrorism AND financing")),
                new Named("Q08 \"human rights\"", SearchRequest.of("\"human rights\"")),
                new Named("Q09 \"prime minister\"", SearchRequest.of("\"prime minister\"")),
                new Named("Q10 \"nuclear program\"", SearchRequest.of("\"nuclear program\"")),
                new Named("Q11 iran + facets", faceted(SearchRequest.of("iran"))),
                new Named("Q12 oil AND pipeline + facets", faceted(SearchRequest.of("oil AND pipeline"))),
                new Named("Q13 \"human rights\" + facets", faceted(SearchRequest.of("\"human rights\""))),
                new Named("Q14 all + facets", faceted(SearchRequest.of(""))),
                new Named("Q15 created in 2009", SearchRequest.of("created:2009")),
                new Named("Q16 iran created 2008-2009", SearchRequest.of("iran AND created:[2008 TO 2009]")),
                new Named("Q17 iran newest first", SearchRequest.of("iran").withSort(SortOrder.CREATED_NEWEST)),
                new Named("Q18 all newest first", SearchRequest.of("").withSort(SortOrder.CREATED_NEWEST)),
                new Named("Q19 iran SECRET + facets",
                        faceted(SearchRequest.of("iran").withFilter(Facet.CLASSIFICATION, "SECRET"))),
                new Named("Q20 police Moscow + facets",
                        faceted(SearchRequest.of("police").withFilter(Facet.ORIGIN, "Embassy Moscow"))));
    }

    /** The anchors' facets: origin top 10, classification, year. */
    private static SearchRequest faceted(SearchRequest r) {
        return r.withFacets(10, Facet.ORIGIN, Facet.CLASSIFICATION, Facet.YEAR);
    }
}
