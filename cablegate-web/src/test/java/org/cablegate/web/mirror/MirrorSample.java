package org.cablegate.web.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.sample.BundledSample;

/**
 * A publisher's data directory for mirror tests: the bundled sample's 186 real cables imported, a publisher key made,
 * and releases made one step at a time: Embassy London's 16 cables, then all but Embassy Tripoli's, then the rest.
 */
final class MirrorSample implements AutoCloseable {
    static final URI BASE = URI.create("https://cablegate.test");
    /** Far enough ahead that no test run sees the manifests expire, unless it asks. */
    static final Instant VALID_UNTIL = Instant.parse("2099-01-01T00:00:00Z");
    static final LocalDateTime FIRST = LocalDateTime.parse("2010-11-28T18:00");
    static final LocalDateTime SECOND = LocalDateTime.parse("2010-12-05T09:30");
    static final LocalDateTime THIRD = LocalDateTime.parse("2010-12-12T09:30");
    static final String LONDON = "Embassy London";
    static final String TRIPOLI = "Embassy Tripoli";

    final Path data;
    final PublicArchive archive;
    final String publicKey;
    private int releases;

    private MirrorSample(Path data, PublicArchive archive, String publicKey) {
        this.data = data;
        this.archive = archive;
        this.publicKey = publicKey;
    }

    /** Imports the sample, makes the key, and makes the first release (London). */
    static MirrorSample create(Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (Vault vault = Vault.open(data)) {
            new Importer(vault).run(List.of(BundledSample.CABLES_CSV.path()), ImportListener.NONE);
        }
        String key = PublisherKey.init(data);
        MirrorSample s = new MirrorSample(data, null, key);
        s.release(Selection.all().withOrigin(LONDON), FIRST, null);
        return new MirrorSample(data, PublicArchive.open(Releaser.publicDir(data)), key).counted(1);
    }

    private MirrorSample counted(int n) {
        releases = n;
        return this;
    }

    /** The next release: all but Tripoli, then the rest. */
    void releaseNext() throws IOException {
        if (releases == 1) {
            release(Selection.all(), SECOND, TRIPOLI);
        } else {
            release(Selection.all(), THIRD, null);
        }
        releases++;
        archive.refresh();
    }

    /**
     * The publisher's desk between releases: the subject of one London cable redacted, another London cable withdrawn,
     * each published by a release of its own ({@code withdraw}, then {@code release --changed}).
     *
     * @return the ids, redacted first, then withdrawn
     */
    List<String> redactAndWithdraw(LocalDateTime at) throws IOException, RedactionDesk.Refused {
        List<String> london = new ArrayList<>();
        for (var c : sampleCables()) {
            if (c.origin().equals(LONDON) && c.body().contains("SUBJECT:")) {
                london.add(c.id());
            }
        }
        String redacted = london.get(0);
        String withdrawn = london.get(1);
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            new RedactionDesk(vault).redact(List.of(new RedactionDesk.Ask(redacted, RedactionRule.subject(), "names")),
                    "tester", at.toInstant(ZoneOffset.UTC));
            releaser.withdraw(Set.of(withdrawn), "endangers a source", Optional.of(at), ReleaseListener.NONE);
            releases++;
            releaser.release(ReleaseRequest.of("redactions", Selection.all().withChangesOnly()).at(at.plusHours(1)),
                    ReleaseListener.NONE);
            releases++;
        }
        archive.refresh();
        return List.of(redacted, withdrawn);
    }

    /** The subject of one cable redacted and the redaction published by a release of its own. */
    void redactSubject(String id, LocalDateTime at) throws IOException, RedactionDesk.Refused {
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            new RedactionDesk(vault).redact(List.of(new RedactionDesk.Ask(id, RedactionRule.subject(), "names")),
                    "tester", at.toInstant(ZoneOffset.UTC));
            releaser.release(ReleaseRequest.of("redaction", Selection.all().withChangesOnly()).at(at),
                    ReleaseListener.NONE);
            releases++;
        }
        archive.refresh();
    }

    private void release(Selection selection, LocalDateTime at, String except) throws IOException {
        try (Vault vault = Vault.open(data); Releaser releaser = Releaser.open(vault)) {
            Selection s = selection;
            if (except != null) {
                List<String> ids = new ArrayList<>();
                for (var c : org.cablegate.web.mirror.MirrorSample.sampleCables()) {
                    if (!c.origin().equals(except)) {
                        ids.add(c.id());
                    }
                }
                s = Selection.all().withIds(ids);
            }
            releaser.release(ReleaseRequest.of("release at " + at, s).at(at), ReleaseListener.NONE);
        }
    }

    static List<org.cablegate.core.model.SourceCable> sampleCables() throws IOException {
        List<org.cablegate.core.model.SourceCable> cables = new ArrayList<>();
        org.cablegate.core.read.Sources.read(BundledSample.CABLES_CSV.path(), new org.cablegate.core.read.CableSink() {
            @Override
            public void accept(org.cablegate.core.model.SourceCable cable) {
                cables.add(cable);
            }

            @Override
            public void reject(org.cablegate.core.read.Rejection rejection) {
                throw new AssertionError("the sample reads whole: " + rejection);
            }
        });
        return cables;
    }

    Path keyFile(Path dir) throws IOException {
        Path f = dir.resolve("publisher-key.txt");
        Files.writeString(f, publicKey + "\n");
        return f;
    }

    Exporter.Options options() {
        return new Exporter.Options(BASE, VALID_UNTIL, List.of(), 2);
    }

    Exporter.Result export(Path target) throws IOException {
        return Exporter.export(archive, data, target, options());
    }

    /**
     * One hash of a whole tree: every file's path, bytes and modification time, in order. Two trees with the same
     * hash are the same export.
     */
    static String treeHash(Path root) throws IOException {
        MessageDigest d = Sha256.digest();
        for (String p : Trees.files(root)) {
            Path f = root.resolve(p);
            d.update(p.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(Files.readAllBytes(f));
            d.update(Long.toString(Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis())
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
