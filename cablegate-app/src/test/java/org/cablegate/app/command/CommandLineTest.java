package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;
import org.cablegate.sample.BundledSample;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a publisher uses it: real data directory, real output, exit codes. */
class CommandLineTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void demoImportsReleasesAndCountsAgainstTheWholeSet() {
        CliRun demo = run("demo", "--no-serve", "--data", dir.resolve("demo").toString());

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("ids read 251,287, new 251,287, rejected 0")
                .contains("read 186, imported 186, unchanged 0, new versions 0, rejected 0")
                // 09NAIROBI1938: the CSV build lost text between < and >, its site page kept it.
                .contains("read 186, imported 0, unchanged 185, new versions 1, rejected 0")
                .contains("186 cables published (186 new, 0 changed, 0 withdrawn)")
                .contains("released 186 / 251,287");
    }

    @Test
    void demoKeepsTheReleaseTimesOfTheOriginalSite() throws Exception {
        Path data = dir.resolve("demo");
        run("demo", "--no-serve", "--data", data.toString());

        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data))) {
            assertThat(archive.get("08MOSCOW1647").orElseThrow().released())
                    .isEqualTo(LocalDateTime.of(2011, 2, 1, 21, 9));
        }
    }

    @Test
    void demoRunAgainChangesNothing() {
        String data = dir.resolve("demo").toString();
        run("demo", "--no-serve", "--data", data);

        CliRun again = run("demo", "--no-serve", "--data", data);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("ids read 251,287, new 0, rejected 0")
                .contains("read 186, imported 0, unchanged 186, new versions 0, rejected 0")
                .contains("nothing to release")
                .contains("released 186 / 251,287");
    }

    @Test
    void garbageAndEmptyFilesAreRejectedByNameAndTheRestIsImported() throws Exception {
        Path garbage = dir.resolve("garbage.bin");
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path empty = Files.createFile(dir.resolve("empty.csv"));

        CliRun run = run("import", "--data", dir.resolve("data").toString(), garbage.toString(), empty.toString(),
                BundledSample.CABLES_CSV.path().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_REJECTED);
        assertThat(run.out()).contains("imported 186").contains("rejected 2");
        assertThat(run.err()).contains("garbage.bin").contains("empty.csv");
    }

    @Test
    void importReleaseSearchAndStatusWorkTogether() {
        String data = dir.resolve("data").toString();
        assertThat(run("import", "--data", data, BundledSample.CABLES_CSV.path().toString()).exitCode()).isZero();

        CliRun release = run("release", "--data", data, "--origin", "Embassy Moscow", "--at", "2011-02-01T21:09");
        assertThat(release.exitCode()).as(release.err()).isZero();
        assertThat(release.out()).contains("release 1 ").contains("at 2011-02-01T21:09");

        CliRun search = run("search", "--data", data, "--facets", "0", "counterterrorism");
        assertThat(search.out()).contains("08MOSCOW1647").doesNotContain("Embassy Tripoli");

        // Facet names as the help writes them (lower case), values exact.
        CliRun filtered = run("search", "--data", data, "--filter", "origin=Embassy Moscow", "--sort", "created_newest",
                "counterterrorism");
        assertThat(filtered.exitCode()).as(filtered.err()).isZero();
        assertThat(filtered.out()).contains("08MOSCOW1647");

        CliRun status = run("status", "--data", data);
        assertThat(status.out()).contains("vault: 186 cables (186 versions)");

        CliRun releases = run("releases", "--data", data);
        assertThat(releases.out()).contains("2011-02-01T21:09").contains("done");
    }

    @Test
    void aBrokenRecordIsReportedWithItsRowAndTheRestIsImported() throws Exception {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, """
                "1","6/10/2008 11:11","08MOSCOW1647","Embassy Moscow","SECRET","","HEADER","BODY ONE"
                "2","6/11/2008 11:11","08MOSCOW1648","Embassy Moscow","SECRET","","HEADER","BODY "BROKEN"
                "3","6/12/2008 11:11","08MOSCOW1649","Embassy Moscow","SECRET","","HEADER","BODY THREE"
                """);

        CliRun run = run("import", "--data", dir.resolve("data").toString(), csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_REJECTED);
        assertThat(run.out()).contains("imported 2").contains("rejected 1");
        assertThat(run.err()).contains("row 2");
    }

    @Test
    void releaseWithoutASelectionIsAUsageError() {
        CliRun run = run("release", "--data", dir.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Say what to release");
    }

    @Test
    void aMalformedQueryIsExplainedNotThrown() {
        String data = dir.resolve("data").toString();
        run("import", "--data", data, BundledSample.CABLES_CSV.path().toString());
        run("release", "--data", data, "--all");

        CliRun run = run("search", "--data", data, "subject:(unclosed");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("cablegate: bad query:");
    }

    @Test
    void parsePrintsOneJsonObjectPerCable() {
        CliRun run = run("parse", "--format", "jsonl", BundledSample.CABLES_CSV.path().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(186).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
        assertThat(run.out()).contains("\"id\":\"08MOSCOW1647\",\"canonicalId\":\"08MOSCOW1647\","
                + "\"created\":\"2008-06-10T11:11\",\"released\":null,\"classification\":\"SECRET\","
                + "\"origin\":\"Embassy Moscow\"");
    }

    @Test
    void aMissingSourceFailsWithOneClearLine() {
        CliRun run = run("import", "--data", dir.resolve("data").toString(), dir.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("nope.csv").doesNotContain("Exception");
    }

    @Test
    void everyCommandAnswersHelpWithExitCodeZero() {
        for (String command : CablegateCommand.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CliRun help = run(command, "--help");

            assertThat(help.exitCode()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: cablegate " + command);
        }
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() {
        CliRun run = run("completion");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_cablegate")
                .contains("release").contains("--keep-original-times");
    }

    @Test
    void readCommandsOnAMissingDataDirectoryFailAndCreateNothing() {
        Path missing = dir.resolve("typo");
        for (String[] args : new String[][] {{"search", "x"}, {"status"}, {"serve", "--port", "0"}, {"release", "--all"},
                {"releases"}}) {
            String[] full = new String[args.length + 2];
            full[0] = args[0];
            full[1] = "--data";
            full[2] = missing.toString();
            System.arraycopy(args, 1, full, 3, args.length - 1);

            CliRun run = run(full);

            assertThat(run.exitCode()).as(args[0]).isEqualTo(ExitCode.FAILED);
            assertThat(run.err()).as(args[0]).isEqualTo("cablegate: no cablegate data directory at "
                    + missing.toAbsolutePath() + "; run `cablegate import` first" + System.lineSeparator());
            assertThat(missing).as(args[0]).doesNotExist();
        }
    }

    @Test
    void anImportOfAMissingSourceCreatesNoDataDirectory() {
        Path data = dir.resolve("data");

        CliRun run = run("import", "--data", data.toString(), dir.resolve("nope.csv").toString());
        CliRun ids = run("import-ids", "--data", data.toString(), dir.resolve("nonexistent").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).isEqualTo("cablegate: no such file or directory: " + dir.resolve("nope.csv")
                + System.lineSeparator());
        assertThat(ids.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(ids.err()).contains("no such file or directory: " + dir.resolve("nonexistent"));
        assertThat(data).doesNotExist();
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        CliRun search = run("search", "--data", file.toString(), "x");
        CliRun imp = run("import", "--data", file.toString(), BundledSample.CABLES_CSV.path().toString());

        assertThat(search.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(search.err()).contains(file + " is a file, not a cablegate data directory");
        assertThat(imp.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(imp.err()).contains(file + " is a file, not a cablegate data directory");
    }

    @Test
    void anEmptyDirectoryIsNoDataDirectory() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun run = run("search", "--data", empty.toString(), "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("no cablegate data directory at " + empty.toAbsolutePath());
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void serveChecksItsAddressBeforeListening() {
        String data = dir.resolve("none").toString();

        CliRun port = run("serve", "--data", data, "--port", "70000");
        CliRun host = run("serve", "--data", data, "--host", "999.1.1.1");
        CliRun base = run("serve", "--data", data, "--base-url", "cablegate.example/x?y");

        assertThat(port.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(port.err()).startsWith("cablegate: --port must be from 0 to 65535, not 70000");
        assertThat(host.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(host.err()).startsWith("cablegate: --host 999.1.1.1 is not an address of this machine");
        assertThat(base.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(base.err()).startsWith("cablegate: --base-url must be an absolute http:// or https:// URL");
    }

    @Test
    void releaseNamesWhatItCannotUse() throws Exception {
        String data = dir.resolve("data").toString();
        run("import", "--data", data, BundledSample.CABLES_CSV.path().toString());
        Path binary = dir.resolve("ids.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Path ids = Files.writeString(dir.resolve("ids.txt"), "08MOSCOW1647\n# a comment\n99NOWHERE1\n");

        CliRun zero = run("release", "--data", data, "--count", "0");
        CliRun missing = run("release", "--data", data, "--ids", dir.resolve("nonexistent").toString());
        CliRun bin = run("release", "--data", data, "--ids", binary.toString());
        CliRun nowhere = run("release", "--data", data, "--origin", "Nowhere");
        CliRun listed = run("release", "--data", data, "--ids", ids.toString(), "--at", "2011-02-01T21:09");

        assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).startsWith("cablegate: --count must be at least 1, not 0");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).startsWith("cablegate: --ids " + dir.resolve("nonexistent") + ": no such file");
        assertThat(bin.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bin.err()).startsWith("cablegate: --ids " + binary + " is not a text file of ids (one a line, "
                + "UTF-8); it holds binary data");
        assertThat(nowhere.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nowhere.out()).isEmpty();
        assertThat(nowhere.err()).isEqualTo("cablegate: no cable of the vault matches origin Nowhere; nothing released "
                + "(`cablegate status` lists the origins and tags of the vault)" + System.lineSeparator());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.err()).contains("skipped 1 listed id not in the vault: 99NOWHERE1");
        assertThat(listed.out()).contains(": 1 cable published (1 new, 0 changed, 0 withdrawn)");

        CliRun noTag = run("release", "--data", data, "--tag", "ZZZZ");
        assertThat(noTag.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTag.err()).startsWith("cablegate: no cable of the vault matches tag ZZZZ; nothing released");
        CliRun again = run("release", "--data", data, "--ids", ids.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("nothing to release: the 1 cable that matches 2 listed ids is public already, "
                + "with no change pending" + System.lineSeparator());
    }

    @Test
    void aReleaseTimeBeforeThePreviousReleaseOrBeforeTheCableIsRefused() throws Exception {
        String data = dir.resolve("data").toString();
        run("import", "--data", data, BundledSample.CABLES_CSV.path().toString());
        assertThat(run("release", "--data", data, "--origin", "Embassy Moscow", "--at", "2011-02-01T21:09").exitCode())
                .isZero();
        Path ids = Files.writeString(dir.resolve("ids.txt"), "08MOSCOW1647\n");

        CliRun earlier = run("release", "--data", data, "--origin", "Embassy London", "--at", "2011-01-01T00:00");
        CliRun beforeCreation = run("release", "--data", data, "--ids", ids.toString(), "--at", "2008-01-01T00:00");

        assertThat(earlier.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(earlier.err()).startsWith("cablegate: --at 2011-01-01T00:00 is before the previous release (#1 at "
                + "2011-02-01T21:09)");
        assertThat(beforeCreation.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aWrongIdsFileIsReportedCappedAndEscaped() throws Exception {
        Path wrong = dir.resolve("wrong.csv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("not,an\u0007id\u001b[31m,line ").append(i).append('\n');
        }
        Files.writeString(wrong, sb);

        CliRun run = run("import-ids", "--data", dir.resolve("data").toString(), wrong.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_REJECTED);
        assertThat(run.err().lines().filter(l -> l.startsWith("rejected "))).hasSize(20);
        assertThat(run.err()).contains("... and 480 more rejected (500 in all)").doesNotContain("\u0007")
                .doesNotContain("\u001b").contains("\\x07");
    }
}
