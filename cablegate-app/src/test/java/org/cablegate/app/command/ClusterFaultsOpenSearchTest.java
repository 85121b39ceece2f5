package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchBackend;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.OpenSearchTarget;
import org.cablegate.opensearch.Publisher;
import org.cablegate.opensearch.testing.LocalCluster;
import org.cablegate.opensearch.testing.Node;
import org.cablegate.sample.BundledSample;
import org.cablegate.web.WebServer;
import org.cablegate.web.mirror.MirrorRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's faults, on a node of its own that the tests stop: the cluster gone in the middle of a release (the
 * release is reported, the cluster's readers keep the old release whole, a rerun completes), and the cluster gone
 * while {@code serve --search} serves (searches 503 with Retry-After within 2 s, pages unaffected).
 */
class ClusterFaultsOpenSearchTest {
    private static LocalCluster cluster;
    private static Node node;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("cablegate-faults", 1);
        node = cluster.nodes().get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String target(String alias) {
        return "opensearch://" + cluster.uri().getHost() + ":" + cluster.uri().getPort() + "/" + alias;
    }

    /** The sample's Moscow cables released (release 1) and published to {@code alias}. */
    private String publishedMoscow(String alias) {
        String data = dir.resolve("data").toString();
        assertThat(CliRun.of("import", BundledSample.CABLES_CSV.path().toString(), "--data", data).exitCode()).isZero();
        CliRun first = CliRun.of("release", "--origin", "Embassy Moscow", "--at", "2011-02-01T12:00", "--data", data);
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun publish = CliRun.of("publish", "--to", target(alias), "--replicas", "0", "--data", data);
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        return data;
    }

    @Test
    void aClusterStoppedMidReleaseKeepsItsReadersOnTheOldReleaseWholeAndTheRerunCompletes() throws Exception {
        String alias = "faults";
        String data = publishedMoscow(alias);
        OpenSearchClient client = new OpenSearchClient(cluster.uri(), Duration.ofSeconds(30));
        OpenSearchBackend backend = new OpenSearchBackend(client, alias);
        long moscow = backend.search(SearchRequest.all()).total();

        // The node stops after the release's local commit and before the cluster has the release.
        node.stop();
        CliRun release = CliRun.of("release", "--all", "--at", "2011-02-02T12:00", "--data", data);
        cluster.restart(node);
        cluster.awaitStatus("green", Duration.ofSeconds(60));

        assertThat(release.exitCode()).as(release.out() + release.err()).isEqualTo(ExitCode.SOME_REJECTED);
        assertThat(release.out()).contains("cables published");
        assertThat(release.err()).contains("the release is public here, but " + target(alias) + " could not be updated")
                .contains("its readers keep the release it had, whole")
                .contains("run `cablegate publish` now");
        long local;
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(data)))) {
            local = archive.count();
            assertThat(archive.lastRelease()).isEqualTo(2);
        }
        assertThat(local).isGreaterThan(moscow);
        // Readers of the cluster: release 1, whole.
        assertThat(new Publisher(client, alias, 0).release()).hasValue(1);
        assertThat(backend.search(SearchRequest.all()).total()).isEqualTo(moscow);

        CliRun rerun = CliRun.of("publish", "--data", data);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("published release 2 to " + target(alias));
        assertThat(new Publisher(client, alias, 0).release()).hasValue(2);
        assertThat(backend.search(SearchRequest.all()).total()).isEqualTo(local);
    }

    @Test
    void aClusterDownWhileServingIsA503WithRetryAfterWithinTwoSecondsAndPagesStillAnswer() throws Exception {
        String alias = "serving";
        String data = publishedMoscow(alias);
        OpenSearchTarget where = OpenSearchTarget.parse(target(alias));
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(data)));
                WebServer embedded = server(archive, Optional.empty());
                WebServer served = server(archive, Optional.of(new OpenSearchBackend(
                        new OpenSearchClient(where.http(), ServeCommand.CLUSTER_TIMEOUT), alias)))) {
            String search = "api/search?q=moscow&facets=all&limit=20&sort=created-oldest";
            HttpResponse<String> fromCluster = get(served, search);
            assertThat(fromCluster.statusCode()).isEqualTo(200);
            assertThat(fromCluster.body()).isEqualTo(get(embedded, search).body()).contains("\"total\":");
            assertThat(get(served, "search?q=moscow").body()).isEqualTo(get(embedded, "search?q=moscow").body());
            assertThat(ServeCommand.searchStatus(archive.lastRelease(), where,
                    new OpenSearchClient(where.http(), ServeCommand.CLUSTER_TIMEOUT)))
                    .isEqualTo("searches go to " + target(alias) + " (release 1)");

            node.kill();
            try {
                for (String path : new String[] {search, "api/search.csv?q=moscow", "feed/search.atom?q=moscow"}) {
                    long start = System.nanoTime();
                    HttpResponse<String> down = get(served, path);
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(down.statusCode()).as(path).isEqualTo(503);
                    assertThat(down.headers().firstValue("Retry-After")).as(path).hasValue("10");
                    assertThat(down.body()).as(path).startsWith("{\"status\":503,\"error\":\"Service Unavailable\"")
                            .contains("The search cannot run now: the cluster at " + where.http());
                    assertThat(took).as(path).isLessThan(Duration.ofSeconds(2));
                }
                long start = System.nanoTime();
                HttpResponse<String> page = get(served, "search?q=moscow");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(page.body()).contains("<h1>The search cannot run now</h1>")
                        .contains("The search service does not answer now");
                for (String path : new String[] {"", "cable/2008/06/08MOSCOW1647.html", "api/cable/08MOSCOW1647.json",
                        "origin/index.html", "api/status"}) {
                    assertThat(get(served, path).statusCode()).as(path).isEqualTo(200);
                }
                assertThat(ServeCommand.searchStatus(archive.lastRelease(), where,
                        new OpenSearchClient(where.http(), ServeCommand.CLUSTER_TIMEOUT)))
                        .startsWith("warning: searches go to " + target(alias) + ", which does not answer now");
            } finally {
                cluster.restart(node);
                cluster.awaitStatus("green", Duration.ofSeconds(60));
            }
            assertThat(get(served, search).body()).isEqualTo(fromCluster.body());
        }
    }

    private static WebServer server(PublicArchive archive, Optional<org.cablegate.archive.index.SearchBackend> search)
            throws Exception {
        return WebServer.create(archive, search, WebServer.Options.defaults().withAddress("127.0.0.1", 0),
                MirrorRoutes.Published.none()).start();
    }

    private HttpResponse<String> get(WebServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
