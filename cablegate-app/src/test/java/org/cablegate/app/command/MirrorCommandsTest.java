package org.cablegate.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.sample.BundledSample;
import org.cablegate.web.WebServer;
import org.cablegate.web.mirror.MirrorRoutes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror commands as a publisher and a mirror operator run them, including a {@code kill -9} of a real
 * {@code cablegate} process mid-export and mid-download.
 */
class MirrorCommandsTest {
    static final String VALID = "2099-01-01T00:00:00Z";

    @TempDir
    Path dir;

    Path data;
    Path keyFile;
    Path state;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void publisherWithOneRelease() throws Exception {
        data = dir.resolve("data");
        assertThat(run("import", "--data", data.toString(), BundledSample.CABLES_CSV.path().toString()).exitCode())
                .isZero();
        assertThat(run("release", "--data", data.toString(), "--origin", "Embassy London", "--at", "2010-11-28T18:00")
                .exitCode()).isZero();
        CliRun init = run("keys", "init", "--data", data.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        CliRun show = run("keys", "show", "--data", data.toString());
        assertThat(show.out()).isEqualTo(init.out()).startsWith("ed25519 MCowBQYDK2VwAyEA");
        keyFile = dir.resolve("publisher-key.txt");
        Files.writeString(keyFile, show.out());
        state = dir.resolve("verified");
    }

    private CliRun export(Path target, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--data", data.toString(), "--base-url",
                "https://cablegate.test", "--valid-until", VALID, target.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void keysInitRefusesToReplaceTheKeyMirrorsTrust() {
        CliRun again = run("keys", "init", "--data", data.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("a publisher key already exists");
    }

    @Test
    void exportVerifyDeltaApplyOnTheCommandLine() throws Exception {
        Path published = dir.resolve("published");
        CliRun first = export(published);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("exported release 1: ");
        Path mirror = dir.resolve("mirror");
        copy(published, mirror);

        CliRun ok = run("verify", mirror.toString(), "--key", keyFile.toString(), "--state", state.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("verified: " + mirror + " is release 1 of https://cablegate.test")
                .contains("state: " + state);

        assertThat(run("release", "--data", data.toString(), "--all", "--at", "2010-12-05T09:30").exitCode()).isZero();
        Path delta = dir.resolve("delta-2.tar.gz");
        CliRun second = export(published, "--since", "1", "--delta-to", delta.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("exported release 2: ").contains("delta from release 1: ");

        CliRun verifyDelta = run("verify", delta.toString(), "--key", keyFile.toString(), "--state", state.toString());
        assertThat(verifyDelta.exitCode()).as(verifyDelta.err()).isZero();
        CliRun applied = run("apply", delta.toString(), mirror.toString(), "--key", keyFile.toString(), "--state",
                state.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("is release 2");
        assertThat(tree(mirror)).isEqualTo(tree(published));

        Files.writeString(mirror.toRealPath().resolve("about.html"), "defaced");
        CliRun bad = run("verify", mirror.toString(), "--key", keyFile.toString(), "--state", state.toString());
        assertThat(bad.exitCode()).isEqualTo(4);
        assertThat(bad.err()).contains("changed: about.html (7 bytes, the manifest says ");

        CliRun wrongSince = export(published, "--since", "1", "--delta-to", dir.resolve("x.tar.gz").toString());
        assertThat(wrongSince.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(wrongSince.err()).contains("holds the export of release 2, not 1");
    }

    @Test
    void aKillMinus9MidExportLeavesThePreviousExportWholeAndARerunCompletes() throws Exception {
        Path published = dir.resolve("published");
        assertThat(export(published).exitCode()).isZero();
        List<String> before = tree(published);
        assertThat(run("release", "--data", data.toString(), "--all", "--at", "2010-12-05T09:30").exitCode()).isZero();

        Process p = cablegate("export", "--data", data.toString(), "--base-url", "https://cablegate.test",
                "--valid-until", VALID, published.toString());
        killWhenFilesAppear(p, dir, ".published.build-", 200);

        assertThat(tree(published)).isEqualTo(before);
        CliRun verify = run("verify", published.toString(), "--key", keyFile.toString(), "--state", state.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("is release 1");

        CliRun rerun = export(published);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).startsWith("exported release 2: ");
        assertThat(run("verify", published.toString(), "--key", keyFile.toString(), "--state", state.toString())
                .exitCode()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".published.build-")))
                    .hasSize(1); // the current tree, behind the link
        }
    }

    @Test
    void mirrorFollowsTheServerAndAfterAKillMinus9MidDownloadARerunEndsIdentical() throws Exception {
        Path published = dir.resolve("published");
        assertThat(export(published).exitCode()).isZero();
        Path mirror = dir.resolve("mirror");
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data));
                WebServer server = WebServer.create(archive, new WebServer.Options("127.0.0.1", 0,
                        URI.create("https://cablegate.test"), 16L << 20, Duration.ofHours(1)),
                        new MirrorRoutes.Published(Optional.of(Files.readString(keyFile).strip()),
                                Optional.of(published))).start()) {
            String url = server.url();
            CliRun first = run("mirror", url, mirror.toString(), "--key", keyFile.toString(), "--state", state.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(tree(mirror)).isEqualTo(tree(published));

            assertThat(run("release", "--data", data.toString(), "--all", "--at", "2010-12-05T09:30").exitCode())
                    .isZero();
            assertThat(export(published).exitCode()).isZero();
            List<String> atFirst = tree(mirror);

            Process p = cablegate("mirror", url, mirror.toString(), "--key", keyFile.toString(), "--state",
                    state.toString());
            killWhenFilesAppear(p, dir, ".mirror.staging-sync-", 50);
            assertThat(tree(mirror)).as("the mirror is still release 1, whole").isEqualTo(atFirst);

            CliRun rerun = run("mirror", url, mirror.toString(), "--key", keyFile.toString(), "--state", state.toString());
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            assertThat(rerun.out()).contains("is release 2");
            assertThat(tree(mirror)).isEqualTo(tree(published));

            CliRun again = run("mirror", url, mirror.toString(), "--key", keyFile.toString(), "--state", state.toString());
            assertThat(again.out()).contains("already current");
        }
    }

    /** A real cablegate process, on this test's class path. */
    private Process cablegate(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.cablegate.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("process.log").toFile())
                .start();
    }

    /** Waits until a directory whose name starts with {@code prefix} holds {@code files} files, then kills -9. */
    private void killWhenFilesAppear(Process p, Path parent, String prefix, int files) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the process ended before it could be killed: "
                        + Files.readString(dir.resolve("process.log")));
            }
            if (count(parent, prefix) >= files) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                p.waitFor();
                assertThat(p.exitValue()).isEqualTo(137);
                return;
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new AssertionError("no " + prefix + "* directory with " + files + " files appeared");
    }

    private static long count(Path parent, String prefix) throws Exception {
        long n = 0;
        try (Stream<Path> s = Files.list(parent)) {
            for (Path d : s.filter(x -> x.getFileName().toString().startsWith(prefix)).toList()) {
                try (Stream<Path> w = Files.walk(d)) {
                    n += w.filter(Files::isRegularFile).count();
                } catch (java.io.UncheckedIOException e) {
                    // a file renamed while counting
                }
            }
        }
        return n;
    }

    /** Every file of a tree with its bytes' hash and time: equal lists, equal trees. */
    static List<String> tree(Path root) throws Exception {
        Path real = root.toRealPath();
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(real)) {
            for (Path f : s.filter(x -> Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                out.add(real.relativize(f) + " " + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(Files.readAllBytes(f))) + " " + Files.getLastModifiedTime(f));
            }
        }
        return out;
    }

    static void copy(Path from, Path to) throws Exception {
        Path real = from.toRealPath();
        try (Stream<Path> s = Files.walk(real)) {
            for (Path f : s.filter(x -> Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Path t = to.resolve(real.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
