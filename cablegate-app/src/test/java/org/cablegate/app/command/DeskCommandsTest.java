package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.write.CablesCsvWriter;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher's desk on the command line: redact, redactions, unredact, withdraw, and the release options. */
class DeskCommandsTest {
    @TempDir
    Path dir;
    String data;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void releaseTheSample() {
        data = dir.resolve("data").toString();
        assertThat(run("import", BundledSample.CABLES_CSV.path().toString(), "--data", data).exitCode()).isZero();
        CliRun release = run("release", "--all", "--at", "2011-02-01T12:00", "--data", data);
        assertThat(release.exitCode()).as(release.err()).isZero();
    }

    @Test
    void aRedactionIsListedPreviewedPublishedAndLifted() throws Exception {
        CliRun redact = run("redact", "08MOSCOW1647", "--text", "Onishchenko", "--every", "--reason", "protects a source",
                "--by", "editor", "--data", data);
        assertThat(redact.exitCode()).as(redact.err()).isZero();
        assertThat(redact.out()).contains("redaction 1 on 08MOSCOW1647: every-text Onishchenko");

        CliRun list = run("redactions", "--data", data);
        assertThat(list.out()).contains("08MOSCOW1647").contains("every-text Onishchenko").contains("editor")
                .contains("protects a source").contains("1 redactions");

        CliRun dry = run("release", "--changed", "--dry-run", "--data", data);
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would publish 1 cables (nothing written)").contains("REDACTION_CHANGED")
                .contains("Embassy Moscow").contains("with redactions: 1").contains("  08MOSCOW1647");
        assertThat(run("releases", "--data", data).out()).doesNotContain("   2  ");

        CliRun release = run("release", "--changed", "--at", "2011-03-01T12:00", "--data", data);
        assertThat(release.out()).contains(": 1 cable published (0 new, 1 changed, 0 withdrawn)");
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(data)))) {
            assertThat(archive.get("08MOSCOW1647").orElseThrow().body()).doesNotContain("Onishchenko");
        }

        assertThat(run("unredact", "1", "--data", data).out()).contains("redaction 1 on 08MOSCOW1647 removed");
        CliRun again = run("unredact", "1", "--data", data);
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("there is no redaction 1 in force");
        assertThat(run("redactions", "--all", "--data", data).out()).contains("(removed");
    }

    @Test
    void aRuleThatMatchesNothingOrABadBatchStoresNothing() throws Exception {
        CliRun nothing = run("redact", "08MOSCOW1647", "--text", "No Such Name", "--reason", "x", "--data", data);
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(nothing.err()).contains("matches nothing in the text of 08MOSCOW1647");

        Path batch = dir.resolve("batch.csv");
        Files.writeString(batch, "id,kind,value,reason\n08MOSCOW1647,text,Onishchenko,a source\n"
                + "08MOSCOW1647,sideways,3,oops\n");
        CliRun bad = run("redact", "--file", batch.toString(), "--data", data);
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("line 3").contains("nothing was stored");

        Files.writeString(batch, "08MOSCOW1647,every-text,Onishchenko,a source\n08MOSCOW1647,subject,,names\n"
                + "08MOSCOW1647,text,Nobody Here,typo\n");
        CliRun unmatched = run("redact", "--file", batch.toString(), "--data", data);
        assertThat(unmatched.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unmatched.err()).contains("row 3").contains("nothing was stored");
        assertThat(run("redactions", "--data", data).out()).contains("0 redactions");

        Files.writeString(batch, "08MOSCOW1647,every-text,Onishchenko,a source\n08MOSCOW1647,subject,,names\n");
        assertThat(run("redact", "--file", batch.toString(), "--data", data).out()).contains("redaction 2 on")
                .contains("redaction 1 on");
    }

    @Test
    void withdrawalsAndScheduledReleases() {
        CliRun withdraw = run("withdraw", "08MOSCOW1647", "99NOSUCH1", "--reason", "endangers a source", "--data", data);
        assertThat(withdraw.exitCode()).as(withdraw.err()).isZero();
        assertThat(withdraw.out()).contains(": 1 cable withdrawn");
        assertThat(withdraw.err()).contains("99NOSUCH1 is not public");
        CliRun none = run("withdraw", "99NOSUCH1", "--reason", "x", "--data", data);
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run("withdraw", "08MOSCOW1647", "--data", data).exitCode()).as("--reason is required")
                .isEqualTo(ExitCode.USAGE);

        Path ids = dir.resolve("ids.txt");
        try {
            Files.writeString(ids, "08MOSCOW1647\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun scheduled = run("release", "--ids", ids.toString(), "--at", "2999-01-01T00:00", "--name", "back",
                "--data", data);
        assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
        assertThat(scheduled.out()).contains("release scheduled for 2999-01-01T00:00");
        assertThat(run("releases", "--data", data).out()).contains("scheduled").contains("back").contains("withdrawal");
        assertThat(run("release", "--due", "--data", data).out()).contains("no scheduled release is due");
    }

    @Test
    void theServerMakesADueScheduledReleaseByItself() throws Exception {
        run("withdraw", "08MOSCOW1647", "--reason", "review", "--at", "2011-02-02T12:00", "--data", data);
        try (org.cablegate.archive.vault.Vault vault = org.cablegate.archive.vault.Vault.open(Path.of(data))) {
            // Scheduled for a time that has come by the time the server looks.
            vault.scheduled().add("back", java.time.LocalDateTime.parse("2011-03-01T12:00"),
                    org.cablegate.archive.vault.Selection.all().withIds(List.of("08MOSCOW1647")), false);
        }
        StringWriter out = new StringWriter();
        DueReleases.makeDue(Path.of(data), new PrintWriter(out, true));
        assertThat(out.toString()).contains("release 3 \"back\" at 2011-03-01T12:00: 1 cable published (1 new");
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(data)))) {
            assertThat(archive.get("08MOSCOW1647")).isPresent();
        }
        StringWriter again = new StringWriter();
        DueReleases.makeDue(Path.of(data), new PrintWriter(again, true));
        assertThat(again.toString()).isEmpty();
    }

    @Test
    void suggestProposesExactlyTheWordsASiteCopyRedacted() throws Exception {
        // A cable whose 2011 page carries marks; the vault gets a version with a made-up name in each.
        List<SourceCable> marked = new ArrayList<>();
        Sources.read(BundledSample.SITE_PAGES.path(), new CableSink() {
            @Override
            public void accept(SourceCable c) {
                if (marked.isEmpty() && c.body().contains("XXXXXXXXXXXX")) {
                    marked.add(c);
                }
            }

            @Override
            public void reject(Rejection rejection) {}
        });
        SourceCable page = marked.get(0);
        StringBuilder named = new StringBuilder();
        int n = 0;
        int from = 0;
        for (int at = page.body().indexOf("XXXXXXXXXXXX"); at >= 0; at = page.body().indexOf("XXXXXXXXXXXX", from)) {
            named.append(page.body(), from, at).append("Zorblatt").append((char) ('A' + n++));
            from = at + 12;
        }
        named.append(page.body().substring(from));
        Path csv = dir.resolve("named.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8); CablesCsvWriter out = new CablesCsvWriter(w)) {
            out.write(new SourceCable(page.id(), page.created(), page.released(), page.classification(), page.origin(),
                    page.header(), named.toString(), page.format(), "test"), "");
        }
        assertThat(run("import", csv.toString(), "--data", data).exitCode()).isIn(0, 1);

        CliRun suggest = run("redact", "--suggest", page.id(), "--copy", BundledSample.SITE_PAGES.path().toString(),
                "--data", data);

        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        List<String> rows = suggest.out().lines().skip(1).toList();
        assertThat(rows).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(rows.get(i)).startsWith("\"" + page.id() + "\",").contains("Zorblatt" + (char) ('A' + i));
        }
    }
}
