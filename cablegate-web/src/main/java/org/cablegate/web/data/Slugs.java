package org.cablegate.web.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;

/**
 * The numbers that stand for origins and classifications in the original site's URLs ({@code /origin/67_0.html} is
 * Embassy Moscow, {@code /classification/3_0.html} SECRET), derived by the rule that site used, so that its links keep
 * working and the HTML pages and the feeds agree.
 *
 * <p>The rule, read from every link of the 2011-04-11 site: the released values are numbered from 1, origins in
 * descending order of their names (1 USUN New York, 2 USEU Brussels, ... 67 Embassy Moscow, ... 186 American Institute
 * Taiwan, Taipei), classifications in ascending order (1 CONFIDENTIAL ... 6 UNCLASSIFIED//FOR OFFICIAL USE ONLY). The
 * numbers depend on which values are released, as they did on the original site: a release that adds an origin moves
 * the numbers of those after it. Names compare by their UTF-16 code units, which is byte order for ASCII names.
 */
public final class Slugs {
    /** More values than any facet has (the full set has fewer than 300 origins and 6 classifications). */
    private static final int ALL_VALUES = 100_000;

    private final Numbering origins;
    private final Numbering classifications;

    private Slugs(Numbering origins, Numbering classifications) {
        this.origins = origins;
        this.classifications = classifications;
    }

    /** The numbers of the archive's current release. */
    public static Slugs of(PublicArchive archive) throws IOException {
        SearchResult all;
        try {
            all = archive.search(SearchRequest.of("").withLimit(0).withFacets(ALL_VALUES, Facet.ORIGIN,
                    Facet.CLASSIFICATION));
        } catch (BadQueryException e) {
            throw new IllegalStateException("the empty query always parses", e);
        }
        return of(values(all, Facet.ORIGIN), values(all, Facet.CLASSIFICATION));
    }

    private static List<String> values(SearchResult result, Facet facet) {
        return result.facets().getOrDefault(facet, List.of()).stream().map(FacetCount::value).toList();
    }

    /**
     * @param releasedOrigins         every origin that at least one released cable carries
     * @param releasedClassifications every classification that at least one released cable carries
     */
    public static Slugs of(Collection<String> releasedOrigins, Collection<String> releasedClassifications) {
        return new Slugs(new Numbering(releasedOrigins, Comparator.<String>reverseOrder()),
                new Numbering(releasedClassifications, Comparator.<String>naturalOrder()));
    }

    /** The number of an origin, {@code "67"}; empty when no released cable has that origin. */
    public Optional<String> origin(String name) {
        return origins.slug(name);
    }

    /** The origin a number stands for; empty when it stands for none. */
    public Optional<String> originOf(String slug) {
        return origins.name(slug);
    }

    public Optional<String> classification(String name) {
        return classifications.slug(name);
    }

    public Optional<String> classificationOf(String slug) {
        return classifications.name(slug);
    }

    /** Released origins in the order of their numbers. */
    public List<String> origins() {
        return origins.names;
    }

    public List<String> classifications() {
        return classifications.names;
    }

    private static final class Numbering {
        final List<String> names;
        final Map<String, String> slugs = new HashMap<>();

        Numbering(Collection<String> values, Comparator<String> order) {
            TreeSet<String> sorted = new TreeSet<>(order);
            sorted.addAll(values);
            names = List.copyOf(new ArrayList<>(sorted));
            for (int i = 0; i < names.size(); i++) {
                slugs.put(names.get(i), Integer.toString(i + 1));
            }
        }

        Optional<String> slug(String name) {
            return Optional.ofNullable(slugs.get(name));
        }

        Optional<String> name(String slug) {
            // Only the canonical spelling: "067" or "+67" would be a second URL for one page.
            if (slug.isEmpty() || slug.length() > 9 || slug.charAt(0) == '0' || !slug.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int n = Integer.parseInt(slug);
            return n <= names.size() ? Optional.of(names.get(n - 1)) : Optional.empty();
        }
    }
}
