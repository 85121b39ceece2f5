package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What verify and apply make of a mirror or a delta someone changed: each case is named, refused with its exit code,
 * and apply leaves the directory exactly as it was.
 */
class TamperTest {
    @TempDir
    static Path dir;

    static MirrorSample sample;
    static PublicKey key;
    /** The export of release 1 (London), and of release 2 (all but Tripoli), and the delta from 1 to 2. */
    static Path first;
    static Path second;
    static Path delta;
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path work;

    @BeforeAll
    static void exportTwoReleases() throws Exception {
        sample = MirrorSample.create(dir);
        key = PublisherKey.parse(sample.publicKey, "key");
        first = dir.resolve("first");
        sample.export(first);
        copy(first, dir.resolve("first-copy"));
        second = dir.resolve("second");
        sample.releaseNext();
        copy(first, second);
        byte[] old = Files.readAllBytes(second.resolve(Manifest.FILE));
        sample.export(second);
        delta = dir.resolve("1-2.tar.gz");
        Delta.write(old, second, delta);
        first = dir.resolve("first-copy");
    }

    @AfterAll
    static void close() throws Exception {
        sample.close();
    }

    static void copy(Path from, Path to) throws Exception {
        Path real = from.toRealPath();
        for (String p : Trees.files(real)) {
            Path t = to.resolve(p);
            Files.createDirectories(t.getParent());
            Files.copy(real.resolve(p), t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private Path mirror() throws Exception {
        Path m = work.resolve("mirror");
        copy(second, m);
        return m;
    }

    private Verifier.Report verify(Path target) throws Exception {
        return Verifier.verifyDirectory(target, key, work.resolve("state"), NOW);
    }

    @Test
    void anUntouchedExportVerifiesAndIsRemembered() throws Exception {
        Verifier.Report r = verify(mirror());
        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(work.resolve("state"))).startsWith(PublisherKey.fingerprint(key) + " 2 ");
    }

    @Test
    void oneChangedByteOfOnePageIsNamed() throws Exception {
        Path m = mirror();
        Path page = m.resolve("about.html");
        byte[] b = Files.readAllBytes(page);
        b[100] ^= 1;
        Files.write(page, b);

        Verifier.Report r = verify(m);
        assertThat(r.problems()).extracting(Problem::toString)
                .containsExactly("changed: about.html (SHA-256 differs from the manifest's)");
        assertThat(r.exitCode()).isEqualTo(Verifier.FILES_DIFFER);
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void aDeletedFileAndAnAddedFileAreNamed() throws Exception {
        Path m = mirror();
        Files.delete(m.resolve("faq.html.gz"));
        Files.writeString(m.resolve("cable").resolve("planted.html"), "<p>not the publisher's</p>");

        Verifier.Report r = verify(m);
        assertThat(r.problems()).extracting(Problem::toString)
                .containsExactly("missing: faq.html.gz", "extra: cable/planted.html");
        assertThat(r.exitCode()).isEqualTo(Verifier.FILES_DIFFER);
    }

    @Test
    void anOlderSignedManifestIsARollbackOnceANewerOneWasVerified() throws Exception {
        assertThat(verify(mirror()).ok()).isTrue();
        Path old = work.resolve("old");
        copy(first, old);

        Verifier.Report r = verify(old);
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.ROLLBACK);
        assertThat(r.problems().get(0).detail()).startsWith("the manifest is of release 1, older than release 2 "
                + "verified before (state in " + work.resolve("state"));
        assertThat(r.exitCode()).isEqualTo(Verifier.REFUSED);
    }

    @Test
    void aManifestSignedWithAnotherKeyIsNotAuthentic() throws Exception {
        Path m = mirror();
        Path otherData = work.resolve("other-data");
        PublisherKey.init(otherData);
        byte[] manifest = Files.readAllBytes(m.resolve(Manifest.FILE));
        Files.write(m.resolve(Manifest.SIGNATURE), PublisherKey.signatureFile(
                PublisherKey.sign(PublisherKey.loadPrivate(otherData), manifest)));

        Verifier.Report r = verify(m);
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("signature: MANIFEST.sig is not a "
                + "signature of MANIFEST by the key " + PublisherKey.fingerprint(key));
        assertThat(r.exitCode()).isEqualTo(Verifier.NOT_AUTHENTIC);
    }

    @Test
    void aManifestPastItsValidUntilIsExpired() throws Exception {
        Verifier.Report r = Verifier.verifyDirectory(mirror(), key, work.resolve("state"),
                MirrorSample.VALID_UNTIL.plusSeconds(1));
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.EXPIRED);
        assertThat(r.exitCode()).isEqualTo(Verifier.REFUSED);
    }

    @Test
    void aManifestThatDoesNotContinueTheVerifiedChainIsRefused() throws Exception {
        // The state says release 1 was verified with a manifest the publisher never signed.
        Files.writeString(work.resolve("state"), PublisherKey.fingerprint(key) + " 1 " + "ab".repeat(32) + " "
                + MirrorSample.VALID_UNTIL + "\n");
        Verifier.Report r = verify(mirror());
        assertThat(r.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.CHAIN);
        assertThat(r.exitCode()).isEqualTo(Verifier.REFUSED);
    }

    @Test
    void theSecondManifestNamesTheFirstAsPrevious() throws Exception {
        Manifest m = Manifest.parse(Files.readAllBytes(second.resolve(Manifest.FILE)), "m");
        assertThat(m.previous()).contains(new Manifest.Link(1, Sha256.of(Files.readAllBytes(first.resolve(Manifest.FILE)))));
    }

    @Test
    void theDeltaAppliedToTheFirstExportGivesTheSecond() throws Exception {
        Path m = work.resolve("applied");
        copy(first, m);
        Verifier.Report r = Applier.apply(delta, m, key, work.resolve("state"), NOW);
        assertThat(r.problems()).isEmpty();
        assertThat(MirrorSample.treeHash(m)).isEqualTo(MirrorSample.treeHash(second));
        assertThat(Verifier.verifyDelta(delta, key, work.resolve("state2"), NOW).problems()).isEmpty();
    }

    @Test
    void applyRefusesEachTamperedDeltaAndLeavesTheDirectoryUntouched() throws Exception {
        Path m = work.resolve("target");
        copy(first, m);
        String before = MirrorSample.treeHash(m);

        Path changedByte = tamperedDelta("changed-byte", (name, body) -> {
            if (name.equals("files/about.html")) {
                body[50] ^= 1;
            }
            return body;
        });
        Path otherKey = work.resolve("other");
        PublisherKey.init(otherKey);
        Path badSig = tamperedDelta("bad-sig", (name, body) -> name.equals(Manifest.SIGNATURE)
                ? PublisherKey.signatureFile(PublisherKey.sign(PublisherKey.loadPrivate(otherKey),
                        deltaEntry(Manifest.FILE))) : body);
        Path truncated = work.resolve("truncated.tar.gz");
        byte[] whole = Files.readAllBytes(delta);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(apply(changedByte, m)).containsExactly(
                "changed: files/about.html (differs from the manifest's SHA-256)");
        assertThat(apply(badSig, m)).containsExactly("signature: MANIFEST.sig is not a signature of MANIFEST by the key "
                + PublisherKey.fingerprint(key));
        assertThat(apply(truncated, m)).singleElement().asString().startsWith("unreadable: ");
        assertThat(Applier.apply(changedByte, m, key, work.resolve("state"), NOW).exitCode())
                .isEqualTo(Verifier.FILES_DIFFER);
        // The delta of release 1 to 2 applied to release 2 does not apply to it.
        Path atSecond = work.resolve("at-second");
        copy(second, atSecond);
        assertThat(apply(delta, atSecond)).singleElement().asString().startsWith("chain: the delta applies to the manifest ");

        assertThat(MirrorSample.treeHash(m)).isEqualTo(before);
        try (var s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".target.")).toList()).isEmpty();
        }
    }

    private List<String> apply(Path d, Path target) throws Exception {
        return Applier.apply(d, target, key, work.resolve("state"), NOW).problems().stream().map(Problem::toString).toList();
    }

    interface Change {
        byte[] apply(String name, byte[] body) throws Exception;
    }

    static byte[] deltaEntry(String name) throws Exception {
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(Files.newInputStream(delta)))) {
            for (var e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
                if (e.getName().equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new AssertionError(name);
    }

    /** The delta rewritten with one change. */
    private Path tamperedDelta(String name, Change change) throws Exception {
        Path out = work.resolve(name + ".tar.gz");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(Files.newInputStream(delta)));
                var o = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                        new java.util.zip.GZIPOutputStream(Files.newOutputStream(out)))) {
            o.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
                byte[] body = change.apply(e.getName(), tar.readAllBytes());
                var n = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e.getName());
                n.setSize(body.length);
                o.putArchiveEntry(n);
                o.write(body);
                o.closeArchiveEntry();
            }
        }
        return out;
    }
}
