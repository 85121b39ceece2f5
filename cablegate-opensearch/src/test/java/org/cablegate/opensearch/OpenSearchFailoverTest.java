package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.opensearch.testing.LocalCluster;
import org.cablegate.opensearch.testing.Node;
import org.junit.jupiter.api.Test;

/**
 * A two-node cluster on loopback, the archive published with one replica: with one node killed ({@code kill -9})
 * every search still answers as the archive does; the node comes back and the cluster turns green.
 */
class OpenSearchFailoverTest {
    private static final List<SearchRequest> CASES = List.of(
            SearchRequest.of("iran").withFacets(10, Facet.ORIGIN, Facet.CLASSIFICATION, Facet.YEAR),
            SearchRequest.of("\"human rights\""),
            SearchRequest.of("").withSort(SortOrder.CREATED_NEWEST).withFacets(100, Facet.CREATED_MONTH),
            SearchRequest.of("oil OR gas").withSort(SortOrder.RELEASED_OLDEST).withLimit(5),
            SearchRequest.of("tag:PREL AND created:[2008 TO 2009]"));

    @Test
    void answersAsTheArchiveWithAReplicaNodeKilledAndHealsWhenItReturns() throws Exception {
        PublicArchive archive = Archives.sample();
        try (LocalCluster cluster = LocalCluster.start("cablegate-two", 2)) {
            // Generous: the machine is shared, and this test is of answers, not of deadlines (OpenSearchUnavailableTest).
            OpenSearchClient client = new OpenSearchClient(cluster.uri(), Duration.ofSeconds(120));
            new Publisher(client, "cables", 1).publish(archive, Publisher.Listener.NONE);
            cluster.awaitStatus("green", Duration.ofSeconds(60));
            JsonNode shards = client.get("/_cat/shards/cables?format=json");
            assertThat(shards.findValuesAsText("node")).containsExactlyInAnyOrder("cablegate-two-1", "cablegate-two-2");
            OpenSearchBackend backend = new OpenSearchBackend(client, "cables");
            for (SearchRequest r : CASES) {
                Conformance.assertSameAnswers(archive, backend, r);
            }

            Node second = cluster.nodes().get(1);
            second.kill();

            for (SearchRequest r : CASES) {
                Conformance.assertSameAnswers(archive, backend, r);
            }
            cluster.restart(second);
            cluster.awaitStatus("green", Duration.ofSeconds(60));
            assertThat(client.get("/_cluster/health").path("number_of_nodes").asInt()).isEqualTo(2);
            for (SearchRequest r : CASES) {
                Conformance.assertSameAnswers(archive, backend, r);
            }
        }
    }
}
