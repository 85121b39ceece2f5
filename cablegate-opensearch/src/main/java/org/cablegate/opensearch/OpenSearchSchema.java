package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.QuerySyntax;

/**
 * The public archive's schema on a cluster: the same fields under the same names as the embedded archive's
 * (cablegate-archive's {@code ArchiveSchema}), analysed into the same terms at the same positions, so that a parsed
 * query translates field for field and term for term, and BM25 sees the same statistics. The only class that builds
 * or reads the cluster's documents.
 *
 * <p>One shard: the corpus is small for a cluster (the full set is 1.7 GB of text), and with one shard every score
 * is computed over the whole archive's statistics, as the embedded archive's are; several shards would score each
 * hit against its own shard's and rank differently. Scale comes from replicas, which every node can search.
 */
final class OpenSearchSchema {
    static final String ID = "id";
    static final String ID_KEY = "idKey";
    static final String CANONICAL_ID = "canonicalId";
    static final String VERSION = "version";
    static final String CREATED = "created";
    static final String RELEASED = "released";
    static final String CLASSIFICATION = "classification";
    static final String ORIGIN = "origin";
    static final String TAG = "tag";
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CITES = "cites";
    static final String HEADER = "header";
    /** The facet fields, an object {@code facet} with one keyword per facet: {@code facet.origin} as in the archive. */
    static final String FACET = "facet";

    /** The analyzer of every text field, and of phrase queries. */
    static final String ANALYZER = "cable";

    /**
     * A word character of {@code WordTokenizer}: a letter or a decimal digit of the BMP ({@code
     * Character.isLetterOrDigit(char)}: {@code \p{Nd}}, not {@code \p{N}}, which would take ² and ½), and any half of
     * a surrogate pair, which the tokenizer keeps without looking at it (so every supplementary character, and a lone
     * surrogate).
     */
    private static final String WORD_CHAR = "\\p{L}\\p{Nd}\\x{10000}-\\x{10FFFF}\\p{Cs}";

    private OpenSearchSchema() {}

    /** The settings and mappings of a new physical index. */
    static ObjectNode index(int replicas) {
        ObjectNode root = OpenSearchClient.JSON.createObjectNode();
        ObjectNode settings = root.putObject("settings");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", replicas);
        // The archive pages by offset as deep as a reader asks (cursors are the cheap way, and have no limit at all):
        // the cluster's window of 10,000 would refuse pages the archive answers.
        settings.put("max_result_window", 1_000_000);
        settings.set("analysis", analysis());
        root.set("mappings", mappings());
        return root;
    }

    /**
     * The archive's {@code CableAnalyzer} out of OpenSearch's parts (the archive's tokenizer is its own class, and a
     * plugin would tie every cluster to a build of ours):
     * <ul>
     *   <li>the pattern tokenizer splits on runs of non-word characters, as {@code WordTokenizer} does;</li>
     *   <li>{@code lowercase} folds as it does (one {@code char} at a time in the BMP);</li>
     *   <li>{@code truncate} cuts words at 64 characters ({@code WordTokenizer.MAX_WORD}), the rest of the run
     *       dropped;</li>
     *   <li>{@code stop} drops Lucene's 33 English stop words ({@code _english_} is that set) and keeps their
     *       positions;</li>
     *   <li>the possessive {@code s} ({@code Iran's}), which the tokenizer drops keeping its position, becomes
     *       {@code a} before tokenizing, a stop word, which the stop filter then drops keeping its position: the same
     *       terms at the same positions.</li>
     * </ul>
     */
    static ObjectNode analysis() {
        ObjectNode analysis = OpenSearchClient.JSON.createObjectNode();
        analysis.putObject("char_filter").putObject("possessive")
                .put("type", "pattern_replace")
                .put("pattern", "(?<=['\u2019])[sS](?![" + WORD_CHAR + "])")
                .put("replacement", "a");
        analysis.putObject("tokenizer").putObject("words")
                .put("type", "pattern")
                .put("pattern", "[^" + WORD_CHAR + "]+");
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("cut_64").put("type", "truncate").put("length", 64);
        filters.putObject("english_stop").put("type", "stop").put("stopwords", "_english_");
        ObjectNode analyzer = analysis.putObject("analyzer").putObject(ANALYZER);
        analyzer.put("type", "custom");
        analyzer.putArray("char_filter").add("possessive");
        analyzer.put("tokenizer", "words");
        analyzer.putArray("filter").add("lowercase").add("cut_64").add("english_stop");
        analysis.putObject("normalizer").putObject("upper").put("type", "custom").putArray("filter").add("uppercase");
        return analysis;
    }

    /**
     * Every field as in {@code ArchiveSchema}, with the same reason. Strict: a document with a field not named here
     * is refused, so that nothing unplanned (and nothing unpublic) is indexed.
     */
    static ObjectNode mappings() {
        ObjectNode mappings = OpenSearchClient.JSON.createObjectNode();
        mappings.put("dynamic", "strict");
        // Hit lists read the source: without the body and header (nine tenths of a cable), a page of 1,000 hits
        // does not decompress and parse 7 MB of text. Those two are stored fields of their own, read by get().
        mappings.putObject("_source").putArray("excludes").add(BODY).add(HEADER);
        ObjectNode p = mappings.putObject("properties");
        // The key, as published; a query upper-cases what a reader typed, as the archive does.
        keyword(p, ID);
        // The sort tie-break: a 64-bit hash of the id, as in the archive, so that a cursor names one position.
        p.putObject(ID_KEY).put("type", "long").put("index", false);
        keyword(p, CANONICAL_ID);
        p.putObject(VERSION).put("type", "integer").put("index", false).put("doc_values", false);
        // Minutes since 1970, as in the archive: ranges, sorts, and the exact time of a hit.
        p.putObject(CREATED).put("type", "long");
        p.putObject(RELEASED).put("type", "long");
        text(p, CLASSIFICATION);
        text(p, ORIGIN);
        // Tags are codes matched whole, upper-cased as the archive indexes them; the source keeps them as written.
        p.putObject(TAG).put("type", "keyword").put("normalizer", "upper");
        text(p, SUBJECT);
        text(p, BODY).put("store", true);
        text(p, FROM);
        text(p, TO);
        keyword(p, CITES);
        // Shown, not searched.
        p.putObject(HEADER).put("type", "text").put("index", false).put("store", true);
        ObjectNode facets = p.putObject(FACET).putObject("properties");
        for (Facet f : Facet.values()) {
            keyword(facets, facetName(f));
        }
        return mappings;
    }

    private static void keyword(ObjectNode properties, String name) {
        properties.putObject(name).put("type", "keyword");
    }

    /** Text with positions (phrases) and norms (BM25 as the archive's), no offsets or term vectors. */
    private static ObjectNode text(ObjectNode properties, String name) {
        return properties.putObject(name).put("type", "text").put("analyzer", ANALYZER).put("index_options", "positions")
                // The archive's analyzer keeps the values of a multi-valued field (to) 100 positions apart.
                .put("position_increment_gap", 100);
    }

    /** The name of a facet's keyword under {@link #FACET}: the archive's for those it keeps, new ones for periods. */
    static String facetName(Facet facet) {
        return switch (facet) {
            case ORIGIN -> "origin";
            case TAG -> "tag";
            case CLASSIFICATION -> "classification";
            case YEAR -> "year";
            // The archive derives these from the minute's doc values; a keyword here keeps counting a terms
            // aggregation, exact and in the archive's value order.
            case CREATED_MONTH -> "createdMonth";
            case RELEASED_DAY -> "releasedDay";
        };
    }

    /** The full path of a facet's keyword, {@code facet.origin}. */
    static String facetField(Facet facet) {
        return FACET + "." + facetName(facet);
    }

    static ObjectNode toDocument(PublicCable c) {
        ObjectNode d = OpenSearchClient.JSON.createObjectNode();
        d.put(ID, c.id());
        d.put(ID_KEY, QuerySyntax.idKey(c.id()));
        d.put(CANONICAL_ID, c.canonicalId());
        d.put(VERSION, c.version());
        d.put(CREATED, minute(c.created()));
        d.put(RELEASED, minute(c.released()));
        d.put(CLASSIFICATION, c.classification());
        d.put(ORIGIN, c.origin());
        d.put(SUBJECT, c.subject());
        strings(d.putArray(TAG), c.tags());
        d.put(FROM, c.from());
        strings(d.putArray(TO), c.to());
        strings(d.putArray(CITES), c.cites());
        d.put(HEADER, c.header());
        d.put(BODY, c.body());
        ObjectNode facets = d.putObject(FACET);
        facets.put(facetName(Facet.ORIGIN), c.origin());
        strings(facets.putArray(facetName(Facet.TAG)), c.tags());
        facets.put(facetName(Facet.CLASSIFICATION), c.classification());
        facets.put(facetName(Facet.YEAR), Integer.toString(c.created().getYear()));
        facets.put(facetName(Facet.CREATED_MONTH), YearMonth.from(c.created()).toString());
        facets.put(facetName(Facet.RELEASED_DAY), c.released().toLocalDate().toString());
        return d;
    }

    /** The query string of a document GET that {@link #toCable} reads. */
    static final String GET_FIELDS = "?stored_fields=" + BODY + "," + HEADER + "&_source=true";

    /** A cable from a hit or a GET that asked for {@link #GET_FIELDS}: the source, and body and header stored apart. */
    static PublicCable toCable(JsonNode hit) {
        JsonNode d = hit.path("_source");
        JsonNode stored = hit.path("fields");
        return new PublicCable(d.path(ID).asText(), d.path(CANONICAL_ID).asText(), d.path(VERSION).asInt(),
                fromMinute(d.path(CREATED).asLong()), fromMinute(d.path(RELEASED).asLong()),
                d.path(CLASSIFICATION).asText(), d.path(ORIGIN).asText(), d.path(SUBJECT).asText(),
                strings(d.path(TAG)), d.path(FROM).asText(), strings(d.path(TO)), strings(d.path(CITES)),
                stored.path(HEADER).path(0).asText(), stored.path(BODY).path(0).asText());
    }

    /** The fields of the source a hit list reads: never the body or header. */
    static final List<String> HIT_FIELDS = List.of(ID, CANONICAL_ID, CREATED, RELEASED, CLASSIFICATION, ORIGIN,
            SUBJECT, TAG);

    static Hit toHit(JsonNode source, float score) {
        return new Hit(source.path(ID).asText(), source.path(CANONICAL_ID).asText(),
                fromMinute(source.path(CREATED).asLong()), fromMinute(source.path(RELEASED).asLong()),
                source.path(CLASSIFICATION).asText(), source.path(ORIGIN).asText(), source.path(SUBJECT).asText(),
                strings(source.path(TAG)), score);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Minutes since 1970, as the archive keeps times: cables are dated to the minute. */
    static long minute(LocalDateTime time) {
        return Math.floorDiv(time.toEpochSecond(ZoneOffset.UTC), 60);
    }

    static LocalDateTime fromMinute(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }
}
