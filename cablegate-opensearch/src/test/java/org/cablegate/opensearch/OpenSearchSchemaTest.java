package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster keeps every field of a public cable, and nothing the schema does not name. */
class OpenSearchSchemaTest {
    private static final String INDEX = "schema-test";
    private static OpenSearchClient client;
    private static List<PublicCable> cables;

    @BeforeAll
    static void indexTheSample() throws Exception {
        client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));
        if (client.exists("/" + INDEX)) {
            client.delete("/" + INDEX);
        }
        client.put("/" + INDEX, OpenSearchSchema.index(0));
        cables = Archives.cables(Archives.sample());
        BulkIndexer bulk = new BulkIndexer(client, INDEX);
        for (PublicCable c : cables) {
            bulk.add(c);
        }
        bulk.flush();
        client.post("/" + INDEX + "/_refresh", null);
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        client.delete("/" + INDEX);
    }

    @Test
    void givesBackEveryCableAsTheArchiveHoldsIt() throws IOException {
        assertThat(client.get("/" + INDEX + "/_count").path("count").asLong()).isEqualTo(186);
        for (PublicCable c : cables) {
            JsonNode doc = client.get("/" + INDEX + "/_doc/" + c.id() + OpenSearchSchema.GET_FIELDS);
            // The cluster serves search; a cable's public history stays in the archive the pages are served from.
            assertThat(OpenSearchSchema.toCable(doc)).isEqualTo(c.withHistory(List.of()));
        }
    }

    @Test
    void keepsFacetsAsKeywordsWithTheValuesTheArchiveCounts() throws IOException {
        PublicCable c = cables.get(0);
        JsonNode facets = client.get("/" + INDEX + "/_doc/" + c.id()).path("_source").path("facet");

        assertThat(facets.path("origin").asText()).isEqualTo(c.origin());
        assertThat(facets.path("year").asText()).isEqualTo(Integer.toString(c.created().getYear()));
        assertThat(facets.path("createdMonth").asText()).isEqualTo(c.created().toString().substring(0, 7));
        assertThat(facets.path("releasedDay").asText()).isEqualTo("2011-04-11");
        JsonNode mapping = client.get("/" + INDEX + "/_mapping").path(INDEX).path("mappings").path("properties")
                .path("facet").path("properties");
        mapping.fields().forEachRemaining(f -> assertThat(f.getValue().path("type").asText()).as(f.getKey())
                .isEqualTo("keyword"));
        assertThat(mapping.size()).isEqualTo(6);
    }

    @Test
    void refusesAFieldTheSchemaDoesNotName() {
        ObjectNode doc = OpenSearchSchema.toDocument(cables.get(0));
        doc.put("redactedName", "XXXXXXXXXXXX");

        assertThatThrownBy(() -> client.put("/" + INDEX + "/_doc/extra", doc))
                .isInstanceOf(OpenSearchException.class)
                .hasMessageContaining("mapping set to strict, dynamic introduction of [redactedName]");
    }
}
