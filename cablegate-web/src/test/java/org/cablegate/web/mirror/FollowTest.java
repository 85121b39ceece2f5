package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cablegate.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror following the publisher release by release: by deltas, and over HTTP. */
class FollowTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void deltasAppliedInOrderGiveTheTreeOfAFullExportOfTheLastRelease() throws Exception {
        try (MirrorSample sample = MirrorSample.create(dir)) {
            PublicKey key = PublisherKey.parse(sample.publicKey, "key");
            Path published = dir.resolve("published");
            sample.export(published);
            Path mirror = dir.resolve("mirror");
            TamperTest.copy(published, mirror);

            Path[] deltas = new Path[2];
            for (int i = 0; i < 2; i++) {
                sample.releaseNext();
                byte[] old = Files.readAllBytes(published.resolve(Manifest.FILE));
                sample.export(published);
                deltas[i] = dir.resolve("delta-" + (i + 2) + ".tar.gz");
                assertThat(Delta.write(old, published, deltas[i])).isPositive();
            }
            for (Path d : deltas) {
                Verifier.Report r = Applier.apply(d, mirror, key, dir.resolve("state"), NOW);
                assertThat(r.problems()).isEmpty();
            }
            Path full = dir.resolve("full");
            sample.export(full);

            assertThat(MirrorSample.treeHash(mirror)).isEqualTo(MirrorSample.treeHash(full))
                    .isEqualTo(MirrorSample.treeHash(published));
            assertThat(Manifest.parse(Files.readAllBytes(mirror.resolve(Manifest.FILE)), "m").release()).isEqualTo(3);
            // Applying the last delta again: the mirror is no longer at its base.
            assertThat(Applier.apply(deltas[1], mirror, key, dir.resolve("state"), NOW).problems())
                    .extracting(Problem::kind).contains(Problem.Kind.CHAIN);
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
