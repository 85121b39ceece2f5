package org.cablegate.web.data;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.SearchRequest;

/**
 * One listing of the original site: the cables of a release day, a creation month, a tag, an origin or a
 * classification, named in URLs by the same key as there ({@code 2010-11-28}, {@code 2008-06}, {@code PREL},
 * {@code 67}, {@code 3}).
 *
 * @param kind  which dimension
 * @param key   the key as in the URL
 * @param value what the key stands for: the day, month or tag itself, the origin's or classification's name
 */
record Listing(Kind kind, String key, String value) {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    enum Kind {
        /** Cables released on a day: {@code /reldate/2010-11-28_0.html} on the original site. */
        RELDATE,
        /** Cables created in a month: {@code /date/2008-06_0.html}. */
        DATE,
        TAG,
        ORIGIN,
        CLASSIFICATION;

        /** As in URLs and JSON: {@code reldate}. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The listing a URL key names, or empty when it names none (a malformed day, an origin number not in use). */
    static Optional<Listing> resolve(Kind kind, String key, ReleasedValues values) {
        return switch (kind) {
            case RELDATE -> DAY.matcher(key).matches() && isDay(key) ? Optional.of(new Listing(kind, key, key))
                    : Optional.empty();
            case DATE -> MONTH.matcher(key).matches() && isMonth(key) ? Optional.of(new Listing(kind, key, key))
                    : Optional.empty();
            case TAG -> key.isBlank() ? Optional.empty() : Optional.of(new Listing(kind, key, key));
            case ORIGIN -> values.originOf(key).map(name -> new Listing(kind, key, name));
            case CLASSIFICATION -> values.classificationOf(key).map(name -> new Listing(kind, key, name));
        };
    }

    /** The listing a URL key names, or a 404 that says which one is not there. */
    static Listing named(Kind kind, String key, ReleasedValues values) throws NotFound {
        return resolve(kind, key, values)
                .orElseThrow(() -> new NotFound("There is no " + kind.label() + " listing '" + key + "'"));
    }

    /**
     * The listing a URL key names, where it lists at least one released cable: issue 12 found {@code /api/tag/ZZQQ.json}
     * answering 200 with no hits where {@code /tag/ZZQQ_0.html} is a 404. A tag no released cable carries is not there;
     * origins and classifications are named by the released values already; a day or month without cables stays an
     * empty listing (a header-only CSV), as a date range is a question with the answer "none".
     */
    static Listing released(Kind kind, String key, ReleaseView view) throws NotFound, IOException {
        Listing listing = named(kind, key, view.values());
        if (kind == Kind.TAG) {
            try {
                if (view.archive().search(listing.request().withLimit(0)).total() == 0) {
                    throw new NotFound("There is no " + kind.label() + " listing '" + key + "'");
                }
            } catch (BadQueryException e) {
                throw new IllegalStateException("a listing's request is always valid", e);
            }
        }
        return listing;
    }

    private static boolean isDay(String key) {
        try {
            LocalDate.parse(key);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isMonth(String key) {
        try {
            YearMonth.parse(key);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * The search that lists it: an exact value of a facet, typed (issue 10: days and months were query text,
     * {@code released:2010-11-28}, that the backend parsed back).
     */
    SearchRequest request() {
        return switch (kind) {
            case RELDATE -> SearchRequest.all().withFilter(Facet.RELEASED_DAY, key);
            case DATE -> SearchRequest.all().withFilter(Facet.CREATED_MONTH, key);
            case TAG -> SearchRequest.of("").withFilter(Facet.TAG, value);
            case ORIGIN -> SearchRequest.of("").withFilter(Facet.ORIGIN, value);
            case CLASSIFICATION -> SearchRequest.of("").withFilter(Facet.CLASSIFICATION, value);
        };
    }

    /** A name for files and feed titles: {@code origin-67}. */
    String fileName() {
        return kind.label() + "-" + key.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
