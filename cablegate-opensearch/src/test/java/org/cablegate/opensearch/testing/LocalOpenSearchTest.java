package org.cablegate.opensearch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.cablegate.opensearch.OpenSearchClient;
import org.junit.jupiter.api.Test;

/** The node the tests share is the distribution the pom names, with the analysis the archive's mapping needs. */
class LocalOpenSearchTest {
    private final OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(10));

    @Test
    void runsTheVersionOfThePomOnLoopback() throws Exception {
        JsonNode root = client.get("/");

        assertThat(root.path("version").path("number").asText())
                .isEqualTo(System.getProperty("cablegate.opensearch.version"));
        assertThat(root.path("version").path("lucene_version").asText()).isEqualTo("9.12.3");
        assertThat(client.base().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void loadsAnalysisCommonBesideTheTransport() throws Exception {
        JsonNode nodes = client.get("/_nodes/plugins").path("nodes");
        JsonNode node = nodes.elements().next();

        assertThat(node.path("modules").findValuesAsText("name")).containsExactlyInAnyOrder("analysis-common",
                "transport-netty4");
    }

    @Test
    void runsAsANodeOfItsOwnCluster() throws Exception {
        JsonNode health = client.get("/_cluster/health");

        assertThat(health.path("cluster_name").asText()).isEqualTo("cablegate-test");
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(1);
    }
}
