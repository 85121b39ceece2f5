package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cablegate publish} as a publisher meets its failures: a target it cannot read, a cluster that is not there.
 * Publishing itself is tested against real nodes in cablegate-opensearch ({@code Publisher}).
 */
class PublishCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void refusesATargetThatIsNotAnOpenSearchAddress() {
        CliRun r = run("publish", "--data", dir.toString(), "--to", "http://127.0.0.1:9200");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("cablegate: --to: 'http://127.0.0.1:9200' does not start with opensearch://");
    }

    @Test
    void refusesAnIndexNameOpenSearchWouldRefuse() {
        CliRun r = run("publish", "--data", dir.toString(), "--to", "opensearch://127.0.0.1:9200/Cables");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'Cables' in 'opensearch://127.0.0.1:9200/Cables' is not an index name");
    }

    @Test
    void failsClearlyWhenNoClusterAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        // A data directory with a public archive (empty: nothing released yet), as publish reads nothing else.
        java.nio.file.Files.createDirectories(dir.resolve("public"));
        CliRun r = run("publish", "--data", dir.toString(), "--to", "opensearch://127.0.0.1:" + port + "/cables");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("cablegate: the cluster at http://127.0.0.1:" + port + " cannot be reached")
                .contains("nothing was published to readers (run again to go on)");
    }
}
