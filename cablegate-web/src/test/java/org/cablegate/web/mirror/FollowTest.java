package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cablegate.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror following the publisher release by release: by deltas, and over HTTP. */
class FollowTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /**
     * Releases with new cables, then a redaction and a withdrawal (each published by a release): the deltas of each
     * step, applied in order, give the tree of a full export of the last release.
     */
    @Test
    void deltasAppliedInOrderGiveTheTreeOfAFullExportOfTheLastRelease() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            PublicKey key = PublisherKey.parse(sample.publicKey, "key");
            Path published = dir.resolve("published");
            sample.export(published);
            Path mirror = dir.resolve("mirror");
            TamperTest.copy(published, mirror);

            List<Path> deltas = new ArrayList<>();
            List<String> desk = List.of();
            for (int step = 0; step < 3; step++) {
                byte[] old = Files.readAllBytes(published.resolve(Manifest.FILE));
                if (step < 2) {
                    sample.releaseNext();
                } else {
                    desk = sample.redactAndWithdraw(LocalDateTime.parse("2010-12-20T10:00"));
                }
                sample.export(published);
                Path d = dir.resolve("delta-" + step + ".tar.gz");
                assertThat(Delta.write(old, published, d)).isPositive();
                deltas.add(d);
            }
            for (Path d : deltas) {
                Verifier.Report r = Applier.apply(d, mirror, key, dir.resolve("state"), NOW);
                assertThat(r.problems()).isEmpty();
            }
            Path full = dir.resolve("full");
            sample.export(full);

            assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(full))
                    .isEqualTo(MirrorSample.treeHash(published));
            assertThat(Manifest.parse(Files.readAllBytes(mirror.resolve(Manifest.FILE)), "m").release()).isEqualTo(5);
            // The mirror carries the desk's work: the redacted subject shows the mark, the withdrawn cable its 410.
            String redacted = desk.get(0);
            String withdrawn = desk.get(1);
            Path redactedPage;
            try (var files = Files.walk(mirror.toRealPath().resolve("cable"))) {
                redactedPage = files.filter(p -> p.getFileName().toString().equals(redacted + ".html")).findFirst()
                        .orElseThrow();
            }
            assertThat(Files.readString(redactedPage)).contains("XXXXXXXXXXXX");
            assertThat(Files.readString(mirror.resolve("nginx-statuses.conf")))
                    .contains(withdrawn + ".html\" { error_page 410 @cablegate_body; return 410; }");
            assertThat(Files.readString(mirror.resolve("api/cable/" + withdrawn + ".json"))).contains("\"status\":410");
            // Applying the last delta again: the mirror is no longer at its base.
            assertThat(Applier.apply(deltas.get(2), mirror, key, dir.resolve("state"), NOW).problems())
                    .extracting(Problem::kind).contains(Problem.Kind.CHAIN);
        }
    }

    /**
     * The third release publishes Tripoli's cables. The pages of the cables released before that none of them cites
     * stay byte for byte as they were (the counter and the latest days are in the release box, not on every page): the
     * new export links them from the old one, and the delta leaves them out.
     */
    @Test
    void aReleaseLeavesThePagesOfTheCablesItDoesNotTouchAsTheyWereAndTheDeltaLeavesThemOut() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            sample.releaseNext();
            Path published = dir.resolve("published");
            Exporter.Result first = sample.export(published);
            assertThat(first.linked()).isZero();
            Map<String, byte[]> pages = new TreeMap<>();
            Map<String, Object> inodes = new TreeMap<>();
            for (Manifest.Entry e : first.manifest().files()) {
                if (e.path().startsWith("cable/") && e.path().endsWith(".html")) {
                    Path f = published.resolve(e.path());
                    pages.put(e.path(), Files.readAllBytes(f));
                    inodes.put(e.path(), Files.getAttribute(f, "unix:ino"));
                }
            }
            byte[] old = Files.readAllBytes(published.resolve(Manifest.FILE));

            sample.releaseNext();
            Exporter.Result second = sample.export(published);
            Path delta = dir.resolve("delta.tar.gz");
            Delta.write(old, published, delta);
            Set<String> carried = Delta.read(delta).carried().keySet();

            List<String> same = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, byte[]> p : pages.entrySet()) {
                Path f = published.resolve(p.getKey());
                if (Arrays.equals(Files.readAllBytes(f), p.getValue())) {
                    same.add(p.getKey());
                    assertThat(Files.getAttribute(f, "unix:ino")).as(p.getKey()).isEqualTo(inodes.get(p.getKey()));
                    assertThat(carried).as(p.getKey()).doesNotContain(p.getKey(), p.getKey() + ".gz");
                } else {
                    changed.add(p.getKey());
                    assertThat(carried).contains(p.getKey(), p.getKey() + ".gz");
                }
            }
            // The one page that changed is the not-public page of 09STATE6516, which now names the Tripoli cable
            // that cites it (09TRIPOLI57); every other cable page of the second release is as it was.
            assertThat(changed).containsExactly("cable/09STATE6516.html");
            assertThat(same).hasSize(348);
            assertThat(second.linked()).isGreaterThan(same.size());
            // None of Tripoli's cables cites a public cable or is cited by one: the files of all 176 cables of the
            // second release are kept from the first export, not rendered again.
            assertThat(second.keptCables()).isEqualTo(176);
            assertThat(carried).contains("release-box.html", "release-box.html.gz");
            // The export linked is the export written anew.
            Path fresh = dir.resolve("fresh");
            sample.export(fresh);
            assertThat(MirrorSample.treeHash(published)).isEqualTo(MirrorSample.treeHash(fresh));
        }
    }

    /**
     * A redaction reaches every page that shows the redacted cable: 05BRASILIA2806 cites 05BRASILIA1839, whose page
     * lists it, subject and all, among the cables that cite it. After 2806's subject is redacted, the next export
     * renders both again and keeps the files of the other 174 cables; the redacted subject is on neither page, and the
     * tree is the one a fresh export writes.
     */
    @Test
    void aRedactionRendersTheRedactedCableAndTheCablesShowingItAgainAndKeepsTheRest() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            sample.releaseNext();
            Path published = dir.resolve("published");
            sample.export(published);
            Path citing = published.resolve("cable/2005/10/05BRASILIA2806.html");
            Path cited = published.resolve("cable/2005/07/05BRASILIA1839.html");
            String subject = "BRAZILIAN GOVERNMENT INTERVENES IN VARIG - TOO LITTLE, TOO LATE?";
            assertThat(Files.readString(cited)).contains("<td>" + subject + "</td>");
            Object untouched = Files.getAttribute(published.resolve("cable/2008/06/08MOSCOW1647.html"), "unix:ino");

            sample.redactSubject("05BRASILIA2806", MirrorSample.THIRD);
            Exporter.Result after = sample.export(published);

            assertThat(after.keptCables()).isEqualTo(174);
            assertThat(Files.readString(citing)).doesNotContain(subject).contains("XXXXXXXXXXXX");
            assertThat(Files.readString(cited)).doesNotContain(subject).contains("XXXXXXXXXXXX");
            assertThat(Files.getAttribute(published.resolve("cable/2008/06/08MOSCOW1647.html"), "unix:ino"))
                    .isEqualTo(untouched);
            Path fresh = dir.resolve("fresh");
            sample.export(fresh);
            assertThat(MirrorSample.treeHash(published)).isEqualTo(MirrorSample.treeHash(fresh));
        }
    }

    /**
     * A server that publishes deltas: the mirror follows a release by its delta alone (no file fetched), leaves out
     * what is not a whole delta, and falls back to files for a release that has no delta.
     */
    @Test
    void mirrorFollowsTheServersDeltasAndFetchesFilesWhereThereIsNone() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            PublicKey key = PublisherKey.parse(sample.publicKey, "key");
            Path published = dir.resolve("published");
            sample.export(published);
            Path deltas = Files.createDirectories(dir.resolve("deltas"));
            Files.write(deltas.resolve("being-written.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8});
            Path mirror = dir.resolve("mirror");
            Path state = dir.resolve("state");
            MirrorSync sync = new MirrorSync(3, Duration.ofMillis(10));
            try (WebServer server = WebServer.create(sample.archive, new WebServer.Options("127.0.0.1", 0,
                    MirrorSample.BASE, 16L << 20, Duration.ofHours(1)), new MirrorRoutes.Published(
                    Optional.of(sample.publicKey), Optional.of(published), Optional.of(deltas))).start()) {
                URI url = URI.create(server.url());
                MirrorSync.Result first = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(first.report().problems()).isEmpty();
                assertThat(first.deltas()).isZero();

                byte[] old = Files.readAllBytes(published.resolve(Manifest.FILE));
                sample.releaseNext();
                sample.export(published);
                Delta.write(old, published, deltas.resolve("release-2.tar.gz"));
                HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        url.resolve("/mirror/deltas/index.txt")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(index.body()).isEqualTo(Sha256.of(old) + " 2 release-2.tar.gz\n");

                MirrorSync.Result second = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(second.report().problems()).isEmpty();
                assertThat(second.deltas()).isEqualTo(1);
                assertThat(second.downloaded()).isZero();
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(published));

                sample.releaseNext();
                sample.export(published);
                MirrorSync.Result third = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(third.report().problems()).isEmpty();
                assertThat(third.deltas()).isZero();
                assertThat(third.downloaded()).isPositive();
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(published));
            }
        }
    }

    @Test
    void mirrorFollowsAServerAcrossTwoReleasesAndResumesAfterAnInterruptedDownload() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            PublicKey key = PublisherKey.parse(sample.publicKey, "key");
            Path published = dir.resolve("published");
            sample.export(published);
            Path mirror = dir.resolve("mirror");
            Path state = dir.resolve("state");
            MirrorSync sync = new MirrorSync(3, Duration.ofMillis(10));
            try (WebServer server = WebServer.create(sample.archive, new WebServer.Options("127.0.0.1", 0,
                    MirrorSample.BASE, 16L << 20, Duration.ofHours(1)),
                    new MirrorRoutes.Published(Optional.of(sample.publicKey), Optional.of(published))).start()) {
                URI url = URI.create(server.url());

                MirrorSync.Result first = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(first.report().problems()).isEmpty();
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(published));

                sample.releaseNext();
                sample.export(published);
                MirrorSync.Result second = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(second.report().problems()).isEmpty();
                assertThat(second.kept()).as("the unchanged files are not downloaded again").isPositive();
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(published));

                sample.releaseNext();
                sample.export(published);
                String atSecond = MirrorSample.treeHash(mirror);
                // Stopped after 30 files, as a kill would stop it: the mirror is still release 2, whole.
                int[] count = {0};
                assertThatThrownBy(() -> sync.sync(url, mirror, key, state, NOW, (p, b) -> {
                    if (++count[0] == 30) {
                        throw new IllegalStateException("killed");
                    }
                })).hasMessage("killed");
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(atSecond);

                MirrorSync.Result resumed = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(resumed.report().problems()).isEmpty();
                MirrorSync.Result full = new MirrorSync(1, Duration.ZERO).sync(url, dir.resolve("fresh"), key,
                        dir.resolve("state-fresh"), NOW, MirrorSync.Listener.NONE);
                assertThat(resumed.downloaded()).as("the 30 files fetched before the stop are not fetched again")
                        .isLessThan(full.downloaded() - resumed.kept());
                assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(published));

                MirrorSync.Result again = sync.sync(url, mirror, key, state, NOW, MirrorSync.Listener.NONE);
                assertThat(again.current()).isTrue();
                assertThat(again.downloaded()).isZero();
            }
        }
    }
}
