package org.cablegate.bench;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.opensearch.OpenSearchBackend;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.OpenSearchTarget;
import org.cablegate.opensearch.Publisher;
import org.cablegate.web.data.DataRoutes;
import org.cablegate.web.http.SearchGate;

/**
 * Issue 10: the two search backends side by side in one run, on one machine. Publishes the public archive to a cluster
 * (timed: the bulk publish), then for each of the 20 queries of BENCHMARK-ANCHORS.md, in turns so that all three meet
 * the same noise: {@code /api/search} over the embedded archive, {@code /api/search} over the cluster, and the bare
 * OpenSearch search the cluster-backed server sends for the same request (the same query DSL, posted by the same
 * plain-socket client). The target: {@code /api/search} over the cluster within 1.5× of the bare query.
 * <pre>
 * java -Xmx2g -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.ClusterSearchBenchmark DATA/public \
 *     opensearch://127.0.0.1:9200/cables
 * </pre>
 * {@code -Dcablegate.bench.publish=false} skips the publish (the cluster holds the release already).
 */
public final class ClusterSearchBenchmark {
    private ClusterSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("cablegate.bench.runs", 200);
        OpenSearchTarget target = OpenSearchTarget.parse(args[1]);
        OpenSearchClient client = new OpenSearchClient(target.http(), Duration.ofSeconds(120));
        try (PublicArchive archive = PublicArchive.open(Path.of(args[0]))) {
            if (Boolean.parseBoolean(System.getProperty("cablegate.bench.publish", "true"))) {
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                Publisher.Result r = new Publisher(client, target.index(), 0).publish(archive, Publisher.Listener.NONE);
                System.out.printf("bulk publish: %,d cables in %.1f s wall, client CPU %.1f s (index %s)%n",
                        r.cables(), (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9, r.index());
            }
            OpenSearchBackend cluster = new OpenSearchBackend(client, target.index());
            Javalin embedded = server(archive, Optional.empty());
            Javalin clustered = server(archive, Optional.of(cluster));
            try (ApiSearchBenchmark.Client viaEmbedded = new ApiSearchBenchmark.Client(embedded.port());
                    ApiSearchBenchmark.Client viaCluster = new ApiSearchBenchmark.Client(clustered.port());
                    ApiSearchBenchmark.Client bare = new ApiSearchBenchmark.Client(target.port())) {
                System.out.printf("%,d released cables, %d runs a query%n", archive.count(), runs);
                for (int i = 0; i < 10 * runs; i++) {
                    viaEmbedded.get("/api/status");
                    viaCluster.get("/api/status");
                }
                double[] logs = new double[3];
                double worst = 0;
                double worstRatio = 0;
                System.out.printf("%-32s %-24s %-24s %-24s %s%n", "query (p50 / p99 ms)", "/api/search embedded",
                        "/api/search cluster", "bare OpenSearch", "cluster/bare p50");
                for (ApiSearchBenchmark.Query q : ApiSearchBenchmark.queries()) {
                    String path = "/api/search?" + q.params();
                    byte[] dsl = OpenSearchClient.json().writeValueAsBytes(cluster.body(q.request()));
                    String bareLabel = cluster.path();
                    double[][] t = inTurns(runs, () -> viaEmbedded.get(path), () -> viaCluster.get(path),
                            () -> bare.post(bareLabel, dsl));
                    for (int k = 0; k < 3; k++) {
                        logs[k] += Math.log(t[k][0]);
                    }
                    worst = Math.max(worst, t[1][1]);
                    double ratio = t[1][0] / t[2][0];
                    worstRatio = Math.max(worstRatio, ratio);
                    System.out.printf("%-32s %8.3f / %8.3f      %8.3f / %8.3f      %8.3f / %8.3f      %.2f×%n",
                            q.name(), t[0][0], t[0][1], t[1][0], t[1][1], t[2][0], t[2][1], ratio);
                }
                int n = ApiSearchBenchmark.queries().size();
                System.out.printf("geometric mean of the p50s: embedded %.3f ms, cluster %.3f ms, bare OpenSearch %.3f ms;"
                        + " cluster/bare %.2f× (worst query %.2f×); worst cluster p99 %.3f ms%n",
                        Math.exp(logs[0] / n), Math.exp(logs[1] / n), Math.exp(logs[2] / n),
                        Math.exp((logs[1] - logs[2]) / n), worstRatio, worst);
            } finally {
                embedded.stop();
                clustered.stop();
            }
        }
    }

    private static Javalin server(PublicArchive archive, Optional<SearchBackend> search) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            DataRoutes.register(config.routes, archive, search, URI.create("http://localhost"),
                    new SearchGate(archive.limits()));
        }).start("127.0.0.1", 0);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Warms up with a fifth of the runs, then p50 and p99 in milliseconds of each call, the calls taking turns. */
    private static double[][] inTurns(int runs, Call... calls) throws Exception {
        for (int i = 0; i < runs / 5; i++) {
            for (Call c : calls) {
                c.run();
            }
        }
        long[][] nanos = new long[calls.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < calls.length; k++) {
                long t0 = System.nanoTime();
                calls[k].run();
                nanos[k][i] = System.nanoTime() - t0;
            }
        }
        double[][] out = new double[calls.length][];
        for (int k = 0; k < calls.length; k++) {
            Arrays.sort(nanos[k]);
            out[k] = new double[] {nanos[k][runs / 2] / 1e6, nanos[k][runs * 99 / 100] / 1e6};
        }
        return out;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
