package org.cablegate.web.data;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.web.url.Slugs;

/**
 * The origins and classifications that released cables carry, with the path names the HTML pages use for them
 * ({@link Slugs}: the 2011 site's numbers, {@code /origin/67_0.html} is Embassy Moscow). Only released values are
 * known here, so an origin that only unreleased cables carry has no listing, no feed and no number in any answer.
 */
record ReleasedValues(Slugs origins, Slugs classifications) {
    /** More values than any facet has (the full set has fewer than 300 origins and 6 classifications). */
    private static final int ALL_VALUES = 100_000;

    static ReleasedValues of(PublicArchive.View archive) throws IOException {
        SearchResult all;
        try {
            all = archive.search(SearchRequest.of("").withLimit(0).withFacets(ALL_VALUES, Facet.ORIGIN,
                    Facet.CLASSIFICATION));
        } catch (BadQueryException e) {
            throw new IllegalStateException("the empty query always parses", e);
        }
        return new ReleasedValues(Slugs.origins(values(all, Facet.ORIGIN)),
                Slugs.classifications(values(all, Facet.CLASSIFICATION)));
    }

    private static List<String> values(SearchResult result, Facet facet) {
        return result.facets().getOrDefault(facet, List.of()).stream().map(FacetCount::value).toList();
    }

    /** The released origin a path name stands for; empty when it stands for none. */
    Optional<String> originOf(String slug) {
        return origins.value(slug);
    }

    Optional<String> classificationOf(String slug) {
        return classifications.value(slug);
    }
}
