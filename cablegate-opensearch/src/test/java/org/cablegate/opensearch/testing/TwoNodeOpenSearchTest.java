package org.cablegate.opensearch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.cablegate.opensearch.OpenSearchClient;
import org.junit.jupiter.api.Test;

/**
 * The harness's two-node cluster is a real one: the nodes find each other through the seed hosts, a replica lands on
 * the second node, the cluster survives its {@code kill -9} and turns green again when it comes back.
 */
class TwoNodeOpenSearchTest {
    @Test
    void keepsAnsweringWhenTheReplicaNodeIsKilledAndHealsWhenItReturns() throws Exception {
        try (LocalCluster cluster = LocalCluster.start("cablegate-two", 2)) {
            OpenSearchClient client = new OpenSearchClient(cluster.uri(), Duration.ofSeconds(10));
            ObjectNode settings = OpenSearchClient.json().createObjectNode();
            // No waiting for the killed node to come back before its copies are allocated again (a minute by default).
            settings.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 1)
                    .put("index.unassigned.node_left.delayed_timeout", "0s");
            client.put("/cables", settings);
            client.bulk("/cables/_bulk?refresh=true", """
                    {"index":{"_id":"08MOSCOW1647"}}
                    {"subject":"RUSSIA AND GEORGIA"}
                    {"index":{"_id":"09STATE15113"}}
                    {"subject":"DEMARCHE"}
                    """);
            cluster.awaitStatus("green", Duration.ofSeconds(60));
            JsonNode shards = client.get("/_cat/shards/cables?format=json");
            assertThat(shards.findValuesAsText("node")).containsExactlyInAnyOrder("cablegate-two-1", "cablegate-two-2");

            Node second = cluster.nodes().get(1);
            second.kill();

            assertThat(client.get("/cables/_count").path("count").asLong()).isEqualTo(2);
            assertThat(client.get("/cables/_doc/09STATE15113").path("_source").path("subject").asText())
                    .isEqualTo("DEMARCHE");

            cluster.restart(second);
            cluster.awaitStatus("green", Duration.ofSeconds(60));
            assertThat(client.get("/_cluster/health").path("number_of_nodes").asInt()).isEqualTo(2);
        }
    }
}
