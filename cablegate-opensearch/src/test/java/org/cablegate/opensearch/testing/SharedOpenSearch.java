package org.cablegate.opensearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * One single-node cluster for every test class of a run that needs just a node: starting one costs seconds, and the
 * suite must stay quick. Each test works in indexes of its own names. The node is stopped and its directory deleted
 * when the test JVM ends. Tests that kill nodes start a {@link LocalCluster} of their own.
 */
public final class SharedOpenSearch {
    private static LocalCluster cluster;

    private SharedOpenSearch() {}

    /** The shared node's address; starts it on first use. Skips the caller (fails under CI) without OpenSearch. */
    public static synchronized URI uri() {
        if (cluster == null) {
            try {
                cluster = LocalCluster.start("cablegate-test", 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException | InterruptedException e) {
                    System.err.println("could not stop the test OpenSearch node: " + e);
                }
            }, "stop-opensearch"));
        }
        return cluster.uri();
    }
}
