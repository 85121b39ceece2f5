package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only data directory during import, release and redaction (issue 13): a clear error, nothing changed, and
 * the same command completing once the directory is writable again. Read-only is made with {@code chattr +i}
 * (immutable: no file created, renamed, deleted or written), which holds for root too, where permission bits do not;
 * it needs root and a file system with the attribute (ext4, xfs, btrfs). Without them the test is skipped, and under
 * {@code CI=true} it fails. A full disk is {@link DiskFullTest}'s.
 */
class ReadOnlyDataTest {
    @TempDir
    Path dir;
    Path data;
    final List<Path> frozen = new ArrayList<>();

    static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    @BeforeEach
    void publisherWithOneRelease() throws Exception {
        data = dir.resolve("data");
        assertThat(CliRun.of("import", "--data", data.toString(), BundledSample.CABLES_CSV.path().toString())
                .exitCode()).isZero();
        assertThat(CliRun.of("release", "--data", data.toString(), "--origin", "Embassy London").exitCode()).isZero();
        Path probe = Files.createDirectory(dir.resolve("probe"));
        boolean immutable = run("chattr", "+i", probe.toString()) == 0;
        boolean refused = immutable && !Files.isWritable(probe) || immutable && cannotCreate(probe);
        run("chattr", "-i", probe.toString());
        if (!refused) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but chattr +i does not make a directory read-only here (root and ext4 are needed)");
            }
            Assumptions.abort("chattr +i is not available here (needs root and ext4/xfs/btrfs)");
        }
    }

    private static boolean cannotCreate(Path dir) {
        try {
            Files.createFile(dir.resolve("x"));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void freeze(Path... paths) throws Exception {
        for (Path p : paths) {
            assertThat(run("chattr", "+i", p.toString())).isZero();
            frozen.add(p);
        }
    }

    @AfterEach
    void thaw() throws Exception {
        for (Path p : frozen) {
            run("chattr", "-i", p.toString());
        }
        frozen.clear();
    }

    String status() {
        return CliRun.of("status", "--data", data.toString()).out();
    }

    @Test
    void importReleaseAndRedactionOnAReadOnlyDirectoryChangeNothingAndCompleteWhenItIsWritable() throws Exception {
        String before = status();
        freeze(data.resolve("vault.db"), data.resolve("public"), data);
        String readOnly = "cablegate: cannot write the vault: the data directory is read-only (SQLite: attempt to "
                + "write a readonly database). Nothing was changed: make it writable and run the command again\n";

        CliRun release = CliRun.of("release", "--data", data.toString(), "--all");
        CliRun redact = CliRun.of("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "a source",
                "--data", data.toString());
        CliRun imported = CliRun.of("import", "--data", data.toString(), BundledSample.SITE_PAGES.path().toString());

        assertThat(release.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(release.err()).isEqualTo(readOnly);
        assertThat(redact.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(redact.err()).isEqualTo(readOnly);
        assertThat(imported.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(imported.err()).endsWith(readOnly.substring("cablegate: ".length()));
        assertThat(status()).isEqualTo(before);

        thaw();
        assertThat(CliRun.of("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "a source",
                "--data", data.toString()).exitCode()).isZero();
        CliRun again = CliRun.of("release", "--data", data.toString(), "--all");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(status()).startsWith("released 186 / ");
    }

    @Test
    void aReleaseIntoAReadOnlyPublicArchiveIsRolledBackAndRunsAgain() throws Exception {
        String before = status();
        freeze(data.resolve("public"));

        CliRun release = CliRun.of("release", "--data", data.toString(), "--all");
        assertThat(release.exitCode()).isEqualTo(ExitCode.FAILED);
        // The progress bar, then the file of the index that could not be created: a segment's or a text pack's.
        assertThat(release.err().lines().reduce((a, b) -> b).orElse("")).matches("cablegate: cannot write "
                + Pattern.quote(data.resolve("public").toString()) + "/(_\\w+\\.\\w+|texts-\\d+-\\d+\\.pack): the data "
                + "directory is read-only "
                + "\\(Operation not permitted\\)\\. Nothing was changed: make it writable and run the command again");

        thaw();
        CliRun again = CliRun.of("release", "--data", data.toString(), "--all");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(before).startsWith("released ");
        assertThat(status()).startsWith("released 186 / ");
    }
}
