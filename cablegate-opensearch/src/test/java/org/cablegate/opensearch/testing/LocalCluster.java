package org.cablegate.opensearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A cluster of real OpenSearch nodes on loopback, for tests: each node a process with its own ports and directories
 * under {@code target/opensearch/nodes}, run as {@link Nodes#USER} when the test runs as root. Closing it stops the
 * nodes and deletes their directories.
 *
 * <p>Of two or more nodes, the first is the only one eligible as cluster manager: with two eligible nodes, OpenSearch
 * keeps one of them out of the voting configuration, and killing the other one would leave the cluster without a
 * manager, which is a test of bad configuration rather than of failover. The others hold data (primaries and
 * replicas alike), so killing one of them is the failure a replica must survive.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Node> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalCluster(Path dir, List<Node> nodes) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code size} nodes and waits until all have joined; skips the calling test (fails under CI) when
     * OpenSearch cannot be run here.
     */
    public static LocalCluster start(String name, int size) throws IOException, InterruptedException {
        Path home = Distribution.home();
        Optional<UserPrincipal> user = Nodes.runAs();
        Path dir = home.getParent().resolve("nodes").resolve(name + "-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        Files.createDirectories(dir);
        List<Integer> transport = new ArrayList<>();
        List<Integer> httpPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            transport.add(Nodes.freePort());
            httpPorts.add(Nodes.freePort());
        }
        String seeds = transport.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String nodeName = name + "-" + (i + 1);
            List<String> settings = new ArrayList<>(List.of("cluster.name=" + name, "transport.port=" + transport.get(i)));
            if (size == 1) {
                settings.add("discovery.type=single-node");
            } else {
                settings.add("discovery.seed_hosts=" + seeds);
                settings.add("cluster.initial_cluster_manager_nodes=" + name + "-1");
                settings.add(i == 0 ? "node.roles=cluster_manager,data,ingest" : "node.roles=data,ingest");
            }
            nodes.add(new Node(nodeName, home, dir.resolve(nodeName), httpPorts.get(i), settings, user));
        }
        LocalCluster cluster = new LocalCluster(dir, nodes);
        try {
            for (Node n : nodes) {
                n.start();
            }
            for (Node n : nodes) {
                cluster.awaitJoined(n);
            }
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The HTTP address of the first node (the cluster manager). */
    public URI uri() {
        return nodes.get(0).uri();
    }

    /** Starts a stopped or killed node again, on its ports and with its data, and waits until it has joined. */
    public void restart(Node node) throws IOException, InterruptedException {
        node.start();
        awaitJoined(node);
    }

    /** Waits until the cluster's health is {@code status} (green, yellow) as the first node sees it. */
    public void awaitStatus(String status, Duration timeout) throws IOException, InterruptedException {
        JsonNode health = get(uri(), "/_cluster/health?wait_for_status=" + status + "&timeout="
                + timeout.toSeconds() + "s", timeout.plusSeconds(5));
        if (health == null || !status.equals(health.path("status").asText())) {
            throw new AssertionError("cluster is not " + status + " after " + timeout + ": " + health);
        }
    }

    /** Waits until the node answers and sees every node that is alive. */
    private void awaitJoined(Node node) throws IOException, InterruptedException {
        long alive = nodes.stream().filter(Node::alive).count();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.alive()) {
                throw new AssertionError("OpenSearch node " + node.name() + " ended while starting:\n" + node.logTail());
            }
            JsonNode health = get(node.uri(), "/_cluster/health?wait_for_nodes=" + alive + "&timeout=1s",
                    Duration.ofSeconds(3));
            if (health != null && health.path("number_of_nodes").asLong() == alive) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("OpenSearch node " + node.name() + " did not join within " + START_TIMEOUT + ":\n"
                + node.logTail());
    }

    /** The JSON answer of a GET, or null while the node does not answer yet. */
    private JsonNode get(URI base, String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (ConnectException | HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            // A node that is still binding its port may close the connection.
            return null;
        }
    }

    /** Ends every node and deletes their directories. Killed, not stopped: nothing of them is kept. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Node n : nodes) {
            n.kill();
        }
        Nodes.deleteTree(dir);
    }
}
