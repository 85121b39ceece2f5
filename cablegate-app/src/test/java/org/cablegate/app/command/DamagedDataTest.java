package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory damaged on disk (issue 13): {@code status} and {@code serve} say exactly what is wrong and how to
 * recover, instead of SQLite's {@code [SQLITE_CORRUPT]} or Lucene's {@code Problem reading index.}. A damaged vault
 * does not stop the public archive from being served; a damaged public archive does.
 */
class DamagedDataTest {
    @TempDir
    static Path dir;
    static Path intact;

    @BeforeAll
    static void data() throws IOException {
        Path csv = dir.resolve("cables.csv");
        intact = dir.resolve("intact");
        assertThat(CliRun.of("generate", "--count", "200", "--out", csv.toString()).exitCode()).isZero();
        assertThat(CliRun.of("import", "--data", intact.toString(), csv.toString()).exitCode()).isZero();
        assertThat(CliRun.of("release", "--data", intact.toString(), "--all").exitCode()).isZero();
    }

    static Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(intact)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Files.copy(p, target.resolve(intact.relativize(p).toString()));
            }
        }
        return target;
    }

    static String vaultMessage(Path data, String what, String sqlite) {
        return "cablegate: the vault " + data.resolve("vault.db") + " is damaged: " + what + " (SQLite: " + sqlite
                + "). It alone holds every version, redaction and the release log: restore it from a backup. The "
                + "public archive " + data.resolve("public") + " is not affected: `cablegate serve` goes on serving it\n";
    }

    @Test
    void statusNamesATruncatedVaultAndHowToRecover() throws IOException {
        Path data = copy("truncated");
        try (RandomAccessFile f = new RandomAccessFile(data.resolve("vault.db").toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        CliRun run = CliRun.of("status", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).isEqualTo(vaultMessage(data, "it is truncated or corrupt",
                "database disk image is malformed"));
    }

    @Test
    void statusNamesAVaultThatIsNoLongerADatabase() throws IOException {
        Path data = copy("overwritten");
        try (RandomAccessFile f = new RandomAccessFile(data.resolve("vault.db").toFile(), "rw")) {
            f.write(new byte[4096]);
        }
        CliRun run = CliRun.of("status", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).isEqualTo(vaultMessage(data, "it is not an SQLite database (overwritten?)",
                "file is not a database"));
    }

    @Test
    void statusAndServeNameTheFileMissingFromThePublicArchive() throws Exception {
        Path data = copy("missing");
        Path gone;
        try (Stream<Path> files = Files.list(data.resolve("public"))) {
            gone = files.filter(p -> p.getFileName().toString().endsWith(".fdt")).findFirst().orElseThrow();
        }
        Files.delete(gone);
        String message = "cablegate: the public archive " + data.resolve("public") + " is damaged: its file "
                + gone.getFileName() + " is missing. Readers cannot be served from it: restore " + data.resolve("public")
                + " from a backup or from a copy on another web host (the vault is not affected)\n";

        CliRun status = CliRun.of("status", "--data", data.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(status.err()).isEqualTo(message);

        CliRun serve = CliRun.of("serve", "--data", data.toString(), "--port", "0");
        assertThat(serve.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(serve.err()).isEqualTo(message);
    }

    @Test
    void serveGoesOnServingThePublicArchiveOfADamagedVaultAndSaysSo() throws Exception {
        Path data = copy("serve-truncated");
        try (RandomAccessFile f = new RandomAccessFile(data.resolve("vault.db").toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process serve = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.cablegate.app.Main", "serve", "--data", data.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> said = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                said.add(lines.readLine());
            }
            assertThat(said).anySatisfy(l -> assertThat(l).startsWith("cablegate serving release 1 (200 cables) at "));
            assertThat(said).contains("cablegate: no scheduled release can be made: " + vaultMessage(data,
                    "it is truncated or corrupt", "database disk image is malformed").substring("cablegate: ".length())
                    .strip());
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
