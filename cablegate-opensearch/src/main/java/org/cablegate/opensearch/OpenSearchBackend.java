package org.cablegate.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.QuerySyntax;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * Searches the public archive as published to a cluster (an alias naming the current physical index), with the
 * embedded archive's answers: the query parsed by the archive's own parser and translated node by node, its filters,
 * its sorts with the same tie-break, facet counts in its order, exact totals, and its cursors.
 *
 * <p>Cursors are the archive's own (the order, the last hit's sort value, its id's key), resumed with
 * {@code search_after}: no page is limited by the cluster's 10,000-hit window, and a cursor made by one backend
 * resumes on the other, so that several {@code serve} processes, or a switch of backend, keep a reader's place. Like
 * the archive's, a cursor names a position rather than a release: the next page starts after that cable in whatever
 * release is current. A release is an alias swap between two whole indexes, so a page never sees half of one.
 *
 * <p>A cluster that cannot answer (unreachable, slow, a shard missing) is a {@link ClusterUnavailableException},
 * never a partial answer: partial results are refused per request.
 */
public final class OpenSearchBackend implements SearchBackend {
    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchBackend(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public SearchResult search(SearchRequest request) throws BadQueryException, IOException {
        Query parsed = QuerySyntax.parse(request.query());
        SortOrder order = order(request, parsed);
        ObjectNode body = body(request, parsed, order);
        JsonNode answer;
        try {
            answer = client.post(path(), body);
        } catch (OpenSearchException e) {
            throw refused(request, e);
        }
        if (answer.path("timed_out").asBoolean() || answer.path("_shards").path("failed").asInt() > 0) {
            throw new ClusterUnavailableException("the cluster answered the search of '" + request.query()
                    + "' from only part of the archive: " + answer.path("_shards"));
        }
        return result(answer, order, request.limit());
    }

    /** Where a search is posted: the alias, partial answers refused. */
    public String path() {
        return "/" + alias + "/_search?allow_partial_search_results=false";
    }

    /** The order a request is answered in: as the archive does, a query without words is newest first. */
    private static SortOrder order(SearchRequest request, Query parsed) {
        return request.sort() == SortOrder.RELEVANCE && !QuerySyntax.hasWords(parsed)
                ? SortOrder.CREATED_NEWEST : request.sort();
    }

    /**
     * The query DSL a request is sent as: what a benchmark posts bare to compare with a search through the server.
     */
    public ObjectNode body(SearchRequest request) throws BadQueryException {
        Query parsed = QuerySyntax.parse(request.query());
        return body(request, parsed, order(request, parsed));
    }

    private static ObjectNode body(SearchRequest request, Query parsed, SortOrder order) throws BadQueryException {
        Optional<Object[]> after = request.cursor().isPresent()
                ? Optional.of(after(order, request.cursor().get())) : Optional.empty();
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        body.set("query", withFilters(QueryTranslator.translate(parsed, request.query()), request.filters(),
                request.conditions()));
        int offset = after.isPresent() ? 0 : request.offset();
        body.put("from", offset);
        // One more than asked, to know whether a next page exists.
        body.put("size", request.limit() + 1);
        body.put("track_total_hits", true);
        body.set("sort", sort(order));
        ArrayNode fields = body.putArray("_source");
        OpenSearchSchema.HIT_FIELDS.forEach(fields::add);
        after.ifPresent(values -> {
            ArrayNode a = body.putArray("search_after");
            a.addPOJO(values[0]);
            a.add((Long) values[1]);
        });
        if (!request.facets().isEmpty()) {
            ObjectNode aggs = body.putObject("aggs");
            for (Facet f : request.facets()) {
                ObjectNode terms = aggs.putObject(f.name()).putObject("terms");
                terms.put("field", OpenSearchSchema.facetField(f)).put("size", request.facetLimit());
                // The archive's order: most frequent first, ties in value order.
                ArrayNode by = terms.putArray("order");
                by.addObject().put("_count", "desc");
                by.addObject().put("_key", "asc");
            }
        }
        return body;
    }

    /**
     * A released cable by its published id, or else by its corrected id, as the archive's {@code get}: for the
     * conformance of what a search's hits lead to (pages come from the local public archive).
     */
    public Optional<PublicCable> get(String id) throws ClusterUnavailableException, OpenSearchException {
        for (String field : List.of(OpenSearchSchema.ID, OpenSearchSchema.CANONICAL_ID)) {
            ObjectNode body = OpenSearchClient.JSON.createObjectNode();
            body.putObject("query").putObject("term").putObject(field).put("value", id);
            body.put("size", 1);
            body.putArray("stored_fields").add(OpenSearchSchema.BODY).add(OpenSearchSchema.HEADER);
            body.put("_source", true);
            JsonNode hits = client.post("/" + alias + "/_search?allow_partial_search_results=false", body)
                    .path("hits").path("hits");
            if (hits.size() > 0) {
                return Optional.of(OpenSearchSchema.toCable(hits.get(0)));
            }
        }
        return Optional.empty();
    }

    /** What the cluster refused of a query the archive's parser accepted: too many terms, as the archive says. */
    private IOException refused(SearchRequest request, OpenSearchException e)
            throws BadQueryException {
        String message = e.getMessage();
        if (e.status() == 400 && (message.contains("too_many_clauses") || message.contains("maxClauseCount")
                || message.contains("too many clauses") || message.contains("too_many_nested_clauses"))) {
            throw new BadQueryException("The query '" + request.query() + "' expands to too many terms; make it narrower");
        }
        if (e.status() == 400 && message.contains("Determinizing")) {
            throw new BadQueryException("The query '" + request.query() + "' is too complex to run; make it simpler");
        }
        if (e.status() == 404) {
            // No release published under the alias yet, or the index a running search read was just replaced by the
            // next release's: the cluster cannot answer now, and will (issue 10: never a 500).
            return new ClusterUnavailableException("the cluster holds no published release under '" + alias + "' now ("
                    + message + ")", e);
        }
        return e;
    }

    private static SearchResult result(JsonNode answer, SortOrder order, int limit) {
        JsonNode found = answer.path("hits").path("hits");
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            JsonNode h = found.get(i);
            float score = order == SortOrder.RELEVANCE ? (float) h.path("sort").path(0).asDouble() : Float.NaN;
            hits.add(OpenSearchSchema.toHit(h.path("_source"), score));
        }
        Optional<String> next = found.size() > limit && limit > 0
                ? Optional.of(cursor(order, found.get(limit - 1).path("sort")))
                : Optional.empty();
        Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
        answer.path("aggregations").fields().forEachRemaining(agg -> {
            List<FacetCount> counts = new ArrayList<>();
            for (JsonNode b : agg.getValue().path("buckets")) {
                counts.add(new FacetCount(b.path("key").asText(), b.path("doc_count").asLong()));
            }
            facets.put(Facet.valueOf(agg.getKey()), counts);
        });
        long total = answer.path("hits").path("total").path("value").asLong();
        return new SearchResult(total, true, hits, facets, next);
    }

    private static ObjectNode withFilters(ObjectNode query, List<SearchRequest.Filter> filters,
            List<SearchRequest.Condition> conditions) {
        if (filters.isEmpty() && conditions.isEmpty()) {
            return query;
        }
        ObjectNode node = OpenSearchClient.JSON.createObjectNode();
        ObjectNode bool = node.putObject("bool");
        bool.putArray("must").add(query);
        ArrayNode filter = bool.putArray("filter");
        for (SearchRequest.Filter f : filters) {
            filter.add(facetFilter(f));
        }
        for (SearchRequest.Condition c : conditions) {
            filter.add(condition(c));
        }
        return node;
    }

    /**
     * A facet value as the archive filters on it: a keyword for the values, and for the periods (a day of release,
     * a month of creation) the same value the facet counts by, which the document carries as a keyword.
     */
    private static ObjectNode facetFilter(SearchRequest.Filter f) {
        ObjectNode term = OpenSearchClient.JSON.createObjectNode();
        term.putObject("term").putObject(OpenSearchSchema.facetField(f.facet())).put("value", f.value());
        return term;
    }

    /** A typed condition as the archive's {@code PublicArchive.condition} makes it: the same fields, the same bounds. */
    static ObjectNode condition(SearchRequest.Condition condition) {
        ObjectNode node = OpenSearchClient.JSON.createObjectNode();
        if (condition instanceof SearchRequest.IdIn in) {
            ArrayNode either = node.putObject("bool").put("minimum_should_match", 1).putArray("should");
            for (String field : List.of(OpenSearchSchema.ID, OpenSearchSchema.CANONICAL_ID)) {
                ArrayNode ids = either.addObject().putObject("terms").putArray(field);
                in.ids().stream().sorted().forEach(ids::add);
            }
            return node;
        }
        if (condition instanceof SearchRequest.Cites cites) {
            node.putObject("term").putObject(OpenSearchSchema.CITES).put("value", cites.id());
            return node;
        }
        SearchRequest.CreatedIn span = (SearchRequest.CreatedIn) condition;
        node.putObject("range").putObject(OpenSearchSchema.CREATED)
                .put("gte", OpenSearchSchema.minute(span.from().atStartOfDay()))
                .put("lte", OpenSearchSchema.minute(span.until().atStartOfDay()) - 1);
        return node;
    }

    /** The archive's sorts ({@code Sorting}): the order's value, then the id's key ascending. */
    private static ArrayNode sort(SortOrder order) {
        ArrayNode sort = OpenSearchClient.JSON.createArrayNode();
        switch (order) {
            case RELEVANCE -> sort.addObject().put("_score", "desc");
            case CREATED_NEWEST -> sort.addObject().put(OpenSearchSchema.CREATED, "desc");
            case CREATED_OLDEST -> sort.addObject().put(OpenSearchSchema.CREATED, "asc");
            case RELEASED_NEWEST -> sort.addObject().put(OpenSearchSchema.RELEASED, "desc");
            case RELEASED_OLDEST -> sort.addObject().put(OpenSearchSchema.RELEASED, "asc");
        }
        sort.addObject().put(OpenSearchSchema.ID_KEY, "asc");
        return sort;
    }

    /** The archive's cursor format: the order's name, the first sort value, the id's key. */
    static String cursor(SortOrder order, JsonNode sortValues) {
        String value = order == SortOrder.RELEVANCE
                ? Integer.toHexString(Float.floatToIntBits((float) sortValues.path(0).asDouble()))
                : Long.toString(sortValues.path(0).asLong());
        String plain = order.name() + "\n" + value + "\n" + sortValues.path(1).asLong();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values a cursor resumes after, with the archive's messages for a cursor it did not make. */
    static Object[] after(SortOrder order, String cursor) throws BadQueryException {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
        if (parts.length != 3) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
        if (!parts[0].equals(order.name())) {
            throw new BadQueryException("The cursor belongs to a search sorted by " + parts[0] + ", not " + order);
        }
        try {
            Object first = order == SortOrder.RELEVANCE
                    ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16))
                    : (Object) Long.parseLong(parts[1]);
            return new Object[] {first, Long.parseLong(parts[2])};
        } catch (NumberFormatException e) {
            throw new BadQueryException("The cursor '" + cursor + "' is not one this archive made");
        }
    }
}
