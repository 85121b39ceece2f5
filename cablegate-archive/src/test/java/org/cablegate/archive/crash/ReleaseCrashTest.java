package org.cablegate.archive.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release killed with SIGKILL at any step, then run again, must end exactly as one that ran through: the same vault
 * digest and the same public archive, and a reader never saw part of it.
 */
class ReleaseCrashTest {
    static final LocalDateTime TIME = LocalDateTime.parse("2010-11-28T18:00");

    /** Shared by the tests: importing and the reference release are done once. */
    @TempDir
    static Path dir;

    static Path imported;
    static String expectedVault;
    static String expectedArchive;

    @BeforeAll
    static void reference() throws Exception {
        Path source = CrashSources.source(dir);
        imported = dir.resolve("imported");
        try (Vault vault = Vault.open(imported)) {
            new Importer(vault).run(List.of(source), ImportListener.NONE);
        }
        Path reference = CrashSources.copy(imported, dir.resolve("reference"));
        try (Vault vault = Vault.open(reference); Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("all", Selection.all()).at(TIME), ReleaseListener.NONE);
            expectedVault = vault.digest();
        }
        expectedArchive = CrashSources.digest(Releaser.publicDir(reference));
    }

    /** Kills a release where {@code step} says, then releases again in this JVM, and compares with the reference. */
    void killAndRerun(String name, KillPoint... steps) throws Exception {
        Path data = CrashSources.copy(imported, dir.resolve(name));
        StringBuilder what = new StringBuilder();
        for (KillPoint step : steps) {
            try (Child child = Child.start(ReleaseMain.class, data, TIME, step == KillPoint.PUBLISHED ? "pause" : "")) {
                step.awaitIn(child);
                child.kill();
                what.append(step).append(": ").append(child.output()).append("; ");
            }
            String visible = CrashSources.digest(Releaser.publicDir(data));
            assertThat(visible).as("a reader sees all of the release or none of it, " + what)
                    .isIn(expectedArchive, emptyArchive(), "none");
        }
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("all", Selection.all()).at(TIME), ReleaseListener.NONE);
            assertThat(vault.digest()).as(what.toString()).isEqualTo(expectedVault);
            assertThat(vault.releases()).extracting(ReleaseRecord::state).containsExactly(ReleaseRecord.State.DONE);
        }
        assertThat(CrashSources.digest(Releaser.publicDir(data))).as(what.toString()).isEqualTo(expectedArchive);
    }

    private static String emptyArchive;

    private static String emptyArchive() throws Exception {
        if (emptyArchive == null) {
            Path empty = Files.createDirectories(dir.resolve("empty-index"));
            emptyArchive = CrashSources.digest(empty);
        }
        return emptyArchive;
    }

    enum KillPoint {
        /** Anywhere in the first moments: opening, selecting, or early indexing. */
        EARLY {
            @Override
            void awaitIn(Child child) throws InterruptedException {
                child.await("opened");
                Thread.sleep(new Random().nextInt(400));
            }
        },
        /** Right after the pending release is logged. */
        SELECTED {
            @Override
            void awaitIn(Child child) throws InterruptedException {
                child.await("selected");
            }
        },
        /** In the middle of indexing: segments are on disk, not committed. */
        INDEXING {
            @Override
            void awaitIn(Child child) throws InterruptedException {
                int batches = 5 + new Random().nextInt(40);
                for (int i = 0; i < batches; i++) {
                    if (!child.await("indexed")) {
                        return;
                    }
                }
            }
        },
        /** After the index commit, before the vault marks the release done. */
        PUBLISHED {
            @Override
            void awaitIn(Child child) throws InterruptedException {
                child.await("published");
            }
        };

        abstract void awaitIn(Child child) throws InterruptedException;
    }

    @Test
    void killedJustAfterSelecting() throws Exception {
        killAndRerun("selected", KillPoint.SELECTED);
    }

    @Test
    void killedWhileIndexing() throws Exception {
        killAndRerun("indexing", KillPoint.INDEXING);
    }

    @Test
    void killedBetweenTheIndexCommitAndTheVault() throws Exception {
        killAndRerun("published", KillPoint.PUBLISHED);
    }

    @Test
    void killedSeveralTimesAtRandomMoments() throws Exception {
        killAndRerun("random", KillPoint.EARLY, KillPoint.INDEXING, KillPoint.EARLY);
    }

}
