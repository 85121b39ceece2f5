package org.cablegate.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar a user runs, not the test class path: {@code java -jar cablegate.jar} imports, releases, publishes to a real
 * OpenSearch node and serves searches from it. Issue 10 found the cluster client's Jackson left out of the shaded jar
 * (every test passed, {@code serve --search} failed with NoClassDefFoundError); this is the test that would have
 * failed. Runs in {@code mvn verify}, after the jar is built.
 */
class PackagedJarOpenSearchIT {
    private static final Path JAR = Path.of(System.getProperty("cablegate.jar", "target/cablegate.jar"));

    @TempDir
    Path dir;

    /** One run of the jar in a JVM of its own; its output, merged, and its exit code. */
    private record Run(int exitCode, String output) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("cablegate " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aPublishKilledInsideItsBulkUploadShowsReadersNothingAndTheRerunResumes() throws Exception {
        String data = dir.resolve("data").toString();
        String alias = "killed-" + ProcessHandle.current().pid();
        String to = "opensearch://" + SharedOpenSearch.uri().getHost() + ":" + SharedOpenSearch.uri().getPort() + "/"
                + alias;
        Path csv = dir.resolve("generated.csv");
        assertThat(run("generate", "--count", "6000", "--out", csv.toString()).exitCode()).isZero();
        assertThat(run("import", csv.toString(), "--data", data).exitCode()).isZero();
        assertThat(run("release", "--all", "--at", "2011-02-01T12:00", "--data", data).exitCode()).isZero();

        // Killed (SIGKILL, as the OOM killer or a power cut would) once it reports a tenth sent and before the end.
        Path log = dir.resolve("publish.log");
        Process publish = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "publish", "--to", to,
                "--replicas", "0", "--data", data).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (publish.isAlive() && !Files.readString(log).contains("%") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        publish.destroyForcibly().waitFor();
        String killedAt = Files.readString(log);
        assertThat(killedAt).as("killed inside the upload, not after it").contains("%")
                .doesNotContain("published release");

        HttpClient http = HttpClient.newHttpClient();
        URI count = URI.create(SharedOpenSearch.uri() + "/" + alias + "/_count");
        assertThat(http.send(HttpRequest.newBuilder(count).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("readers of the alias see no half-published release").isEqualTo(404);

        Run again = run("publish", "--data", data);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("published release 1 to " + to + ": 6,000 cables").contains("(resumed)");
        http.send(HttpRequest.newBuilder(URI.create(SharedOpenSearch.uri() + "/" + alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String counted = http.send(HttpRequest.newBuilder(count).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(counted).contains("\"count\":6000");
    }

    @Test
    void theJarPublishesToAClusterAndServesItsSearches() throws Exception {
        assertThat(JAR).as("the shaded jar (built by mvn package)").exists();
        String data = dir.resolve("data").toString();
        String to = "opensearch://" + SharedOpenSearch.uri().getHost() + ":" + SharedOpenSearch.uri().getPort()
                + "/jar-" + ProcessHandle.current().pid();
        Run imported = run("import", BundledSample.CABLES_CSV.path().toString(), "--data", data);
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Run released = run("release", "--all", "--at", "2011-02-01T12:00", "--data", data);
        assertThat(released.exitCode()).as(released.output()).isZero();
        Run published = run("publish", "--to", to, "--replicas", "0", "--data", data);
        assertThat(published.exitCode()).as(published.output()).isZero();
        assertThat(published.output()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", JAR.toString(), "serve", "--data", data,
                "--port", Integer.toString(port), "--search", to).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI search = URI.create("http://127.0.0.1:" + port + "/api/search?q=moscow");
            HttpResponse<String> answer = null;
            for (int i = 0; i < 120 && answer == null; i++) {
                try {
                    answer = http.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    assertThat(serve.isAlive()).as(Files.readString(log)).isTrue();
                    Thread.sleep(500);
                }
            }
            assertThat(answer).as("serve answered within a minute: " + Files.readString(log)).isNotNull();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"total\"").contains("MOSCOW");
            assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}
