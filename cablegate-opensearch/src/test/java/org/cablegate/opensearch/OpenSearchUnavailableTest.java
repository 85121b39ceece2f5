package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchUnavailableException;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.junit.jupiter.api.Test;

/**
 * A cluster that cannot answer is a {@link SearchUnavailableException} with a Retry-After, soon: never a hang, never a
 * partial answer, never mistaken for a bad query.
 */
class OpenSearchUnavailableTest {
    @Test
    void aClusterNobodyListensForIsUnavailableAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        OpenSearchBackend backend = new OpenSearchBackend(
                new OpenSearchClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1)), "cables");

        Throwable thrown = catchThrowable(() -> backend.search(SearchRequest.of("iran")));

        assertThat(thrown).isInstanceOf(SearchUnavailableException.class)
                .hasMessageStartingWith("the cluster at http://127.0.0.1:" + port + " cannot be reached");
        assertThat(((SearchUnavailableException) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aClusterThatAcceptsButDoesNotAnswerIsUnavailableAfterTheDeadline() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            OpenSearchBackend backend = new OpenSearchBackend(new OpenSearchClient(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(500)), "cables");

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> backend.search(SearchRequest.of("iran")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("did not answer POST /cables/_search").hasMessageContaining("within 500 ms");
            // The deadline holds: a reader waits for it, not for the cluster (the bound is 2 s).
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aRedIndexIsUnavailableNotAPartialAnswer() throws Exception {
        OpenSearchClient client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));
        if (client.exists("/red")) {
            client.delete("/red");
        }
        ObjectNode definition = OpenSearchSchema.index(0);
        // Its only shard may live on no node there is: the index is red from the start, as after losing a node.
        ((ObjectNode) definition.path("settings")).put("index.routing.allocation.require._name", "no-such-node");
        client.put("/red?wait_for_active_shards=0", definition);
        OpenSearchBackend backend = new OpenSearchBackend(client, "red");

        Throwable thrown = catchThrowable(() -> backend.search(SearchRequest.of("iran")));

        assertThat(thrown).isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot answer POST /red/_search").hasMessageContaining("(503)");
        client.delete("/red");
    }
}
