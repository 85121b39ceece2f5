package org.cablegate.archive.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.cablegate.archive.index.IndexAudit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.redact.RedactionRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release that publishes redactions, and a withdrawal, killed with SIGKILL at any moment (after selecting, while the
 * old segments are rewritten, between the index commit and the vault), then run again: the vault and the public
 * archive end exactly as after an uninterrupted run, a reader saw the state before or after and nothing between, and
 * no file of the index keeps a deleted document.
 */
class DeskCrashTest {
    static final LocalDateTime FIRST = LocalDateTime.parse("2010-11-28T18:00");
    static final LocalDateTime CHANGES = LocalDateTime.parse("2010-12-05T10:00");
    static final LocalDateTime WITHDRAWAL = LocalDateTime.parse("2010-12-06T10:00");

    @TempDir
    static Path dir;

    static Path redacted;
    static String withdrawn;
    static String beforeArchive;
    static String afterChangesArchive;
    static String expectedVault;
    static String expectedArchive;

    @BeforeAll
    static void reference() throws Exception {
        Path source = CrashSources.source(dir);
        redacted = dir.resolve("redacted");
        List<String> ids = new ArrayList<>();
        try (Vault vault = Vault.open(redacted)) {
            new Importer(vault).run(List.of(source), ImportListener.NONE);
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.release(ReleaseRequest.of("all", Selection.all()).at(FIRST), ReleaseListener.NONE);
            }
            try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(redacted))) {
                archive.search(SearchRequest.of("subject:visit").withLimit(200).withSort(SortOrder.CREATED_OLDEST))
                        .hits().forEach(h -> ids.add(h.id()));
            }
            RedactionDesk desk = new RedactionDesk(vault);
            List<String> subjects = new ArrayList<>();
            for (String id : ids) {
                try {
                    desk.redact(List.of(new RedactionDesk.Ask(id, RedactionRule.subject(), "crash test")), "tester",
                            Instant.parse("2010-12-01T00:00:00Z"));
                    subjects.add(id);
                } catch (RedactionDesk.Refused e) {
                    // A subject the redactor cannot place in the text; another cable takes its turn.
                }
                if (subjects.size() == 50) {
                    break;
                }
            }
            ids.removeAll(subjects);
        }
        withdrawn = String.join(",", ids.subList(0, 5));
        beforeArchive = CrashSources.digest(Releaser.publicDir(redacted));
        Path reference = CrashSources.copy(redacted, dir.resolve("reference"));
        afterChangesArchive = runChanges(reference);
        runWithdrawal(reference);
        try (Vault vault = Vault.open(reference)) {
            expectedVault = vault.digest();
        }
        expectedArchive = CrashSources.digest(Releaser.publicDir(reference));
        assertThat(IndexAudit.deletedDocuments(Releaser.publicDir(reference))).isZero();
    }

    private static String runChanges(Path data) throws Exception {
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("changes", Selection.all().withChangesOnly()).at(CHANGES),
                    ReleaseListener.NONE);
        }
        return CrashSources.digest(Releaser.publicDir(data));
    }

    private static void runWithdrawal(Path data) throws Exception {
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            releaser.withdraw(Set.of(withdrawn.split(",")), "crash test", Optional.of(WITHDRAWAL), ReleaseListener.NONE);
        }
    }

    @Test
    void aRedactionReleaseKilledAtAnyMomentEndsAsOneThatRanThrough() throws Exception {
        for (String moment : List.of("expunging", "published", "random")) {
            Path data = CrashSources.copy(redacted, dir.resolve("changes-" + moment));
            try (Child child = Child.start(DeskMain.class, data, CHANGES, "changes",
                    moment.equals("published") ? "pause" : "")) {
                if (moment.equals("random")) {
                    child.await("opened");
                    Thread.sleep(new Random().nextInt(1500));
                } else {
                    child.await(moment);
                }
                child.kill();
            }
            assertThat(CrashSources.digest(Releaser.publicDir(data))).as("a reader sees before or after, " + moment)
                    .isIn(beforeArchive, afterChangesArchive);
            runChanges(data);
            runWithdrawal(data);
            assertEnded(data, moment);
        }
    }

    @Test
    void aWithdrawalKilledAtAnyMomentEndsAsOneThatRanThrough() throws Exception {
        for (String moment : List.of("selected", "expunging")) {
            Path data = CrashSources.copy(redacted, dir.resolve("withdrawal-" + moment));
            runChanges(data);
            try (Child child = Child.start(DeskMain.class, data, WITHDRAWAL, "withdraw", withdrawn,
                    moment.equals("published") ? "pause" : "")) {
                child.await(moment);
                child.kill();
            }
            assertThat(CrashSources.digest(Releaser.publicDir(data))).as("a reader sees before or after, " + moment)
                    .isIn(afterChangesArchive, expectedArchive);
            try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
                // Reopening finished or rolled back the killed withdrawal; a rerun finishes what is left.
                releaser.withdraw(Set.of(withdrawn.split(",")), "crash test", Optional.of(WITHDRAWAL),
                        ReleaseListener.NONE);
            }
            assertEnded(data, moment);
        }
    }

    private static void assertEnded(Path data, String moment) throws Exception {
        try (Vault vault = Vault.open(data)) {
            assertThat(vault.releases()).extracting(ReleaseRecord::state).as(moment).containsOnly(ReleaseRecord.State.DONE);
            assertThat(vault.digest()).as(moment).isEqualTo(expectedVault);
        }
        assertThat(CrashSources.digest(Releaser.publicDir(data))).as(moment).isEqualTo(expectedArchive);
        assertThat(IndexAudit.deletedDocuments(Releaser.publicDir(data))).as(moment).isZero();
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of())).as(moment + ": unreferenced files").isEmpty();
    }

}
