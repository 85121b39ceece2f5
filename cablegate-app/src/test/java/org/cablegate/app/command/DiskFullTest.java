package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during import, release, redaction and export (issue 13): a clear error naming it, nothing public
 * changed, and the same command completing once space is freed. The data directory is a small tmpfs of its own,
 * filled to the last few kilobytes by a filler file that the test then deletes; mounting needs root (without it the
 * test is skipped, and under {@code CI=true} it fails).
 */
class DiskFullTest {
    @TempDir
    Path dir;
    Path mount;
    Path data;
    Path filler;

    static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    @BeforeEach
    void smallDisk() throws Exception {
        mount = Files.createDirectory(dir.resolve("disk"));
        if (run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString()) != 0) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but a tmpfs cannot be mounted here (root is needed)");
            }
            Assumptions.abort("mounting a tmpfs needs root");
        }
        data = mount.resolve("data");
        filler = mount.resolve("filler");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mount.toString());
    }

    /** Fills the disk, then gives back {@code free} bytes. */
    void fill(long free) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (FileChannel c = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            c.truncate(Math.max(0, c.size() - free));
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    String status() {
        return CliRun.of("status", "--data", data.toString()).out();
    }

    @Test
    void anImportOnAFullDiskSaysSoAndItsRerunCompletes() throws Exception {
        Files.createDirectories(data);
        fill(64 << 10);
        CliRun imported = CliRun.of("import", "--data", data.toString(), BundledSample.CABLES_CSV.path().toString());
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCode.FAILED);
        assertThat(imported.err()).contains("the disk is full").contains("free some space and run the command again")
                .doesNotContain("Exception");

        free();
        CliRun again = CliRun.of("import", "--data", data.toString(), BundledSample.CABLES_CSV.path().toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(status()).contains("vault: 186 cables");
    }

    @Test
    void aReleaseARedactionAndAnExportOnAFullDiskChangeNothingPublicAndCompleteAfter() throws Exception {
        assertThat(CliRun.of("import", "--data", data.toString(), BundledSample.CABLES_CSV.path().toString())
                .exitCode()).isZero();
        assertThat(CliRun.of("release", "--data", data.toString(), "--origin", "Embassy London").exitCode()).isZero();
        assertThat(CliRun.of("keys", "init", "--data", data.toString()).exitCode()).isZero();
        Path export = mount.resolve("export");
        assertThat(CliRun.of("export", export.toString(), "--data", data.toString()).exitCode()).isZero();
        String exported = Files.readString(export.resolve("MANIFEST"));
        String before = status();

        fill(16 << 10);
        CliRun release = CliRun.of("release", "--data", data.toString(), "--all");
        assertThat(release.exitCode()).as(release.err()).isEqualTo(ExitCode.FAILED);
        assertThat(release.err()).contains("the disk is full").doesNotContain("Exception");
        assertThat(status().lines().findFirst()).as("nothing more is public").isEqualTo(before.lines().findFirst());
        CliRun exportFull = CliRun.of("export", export.toString(), "--data", data.toString());
        assertThat(exportFull.exitCode()).as(exportFull.err()).isNotZero();
        assertThat(exportFull.err()).contains("the disk is full");
        assertThat(Files.readString(export.resolve("MANIFEST"))).as("the previous export is whole").isEqualTo(exported);

        free();
        CliRun again = CliRun.of("release", "--data", data.toString(), "--all");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(status()).startsWith("released 186 / ");
        fill(0);
        CliRun redact = CliRun.of("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "a source",
                "--data", data.toString());
        free();
        if (redact.exitCode() != 0) {
            // SQLite could not grow the vault: the redaction was refused whole, and made once there is room.
            assertThat(redact.err()).contains("the disk is full");
            assertThat(CliRun.of("redactions", "08MOSCOW1647", "--data", data.toString()).out())
                    .doesNotContain("Onishchenko");
            assertThat(CliRun.of("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "a source",
                    "--data", data.toString()).exitCode()).isZero();
        }
        assertThat(CliRun.of("release", "--changed", "--data", data.toString()).exitCode()).isZero();
        CliRun exportAgain = CliRun.of("export", export.toString(), "--data", data.toString());
        assertThat(exportAgain.exitCode()).as(exportAgain.err()).isZero();
        assertThat(Files.readString(export.resolve("MANIFEST"))).isNotEqualTo(exported);
    }
}
