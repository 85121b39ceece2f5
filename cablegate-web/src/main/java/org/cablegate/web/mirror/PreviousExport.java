package org.cablegate.web.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * The export a target directory holds before the next one is written there: a file the new export would write with
 * the same bytes is hard-linked from it instead, with its {@code .gz}, so that a release rewrites (and gzips) only what
 * it changed. Only an export this publisher signed is used, and only for files its manifest names with the same size
 * and SHA-256 as the new bytes; a file that is not there or not of that size any more is written anew. A file changed
 * in place by hand to other bytes of the same size is what {@code verify} finds, and {@code export --fresh} rewrites.
 *
 * <p>The old tree is only read: its links survive its deletion once the new tree is in place, and a kill mid-export
 * leaves it whole (the file times the new export sets are the only thing the two share that it changes).
 */
final class PreviousExport {
    private final Path root;
    private final Map<String, Manifest.Entry> entries;
    private final String manifestSha256;

    private PreviousExport(Path root, Map<String, Manifest.Entry> entries, String manifestSha256) {
        this.root = root;
        this.entries = entries;
        this.manifestSha256 = manifestSha256;
    }

    /** The hash of its manifest: what names the record of its cables' inputs ({@link CableInputs}). */
    String manifestSha256() {
        return manifestSha256;
    }

    /** The bytes of one of its files, if it is there. */
    Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(Trees.resolve(root, path)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /**
     * The export at {@code target}, when it is one whose manifest this publisher's key signed; empty for a new target,
     * an export of another key, or a tree without a valid signed manifest.
     */
    static Optional<PreviousExport> at(Path target, Optional<String> publicKey) throws IOException {
        if (publicKey.isEmpty() || !Files.isRegularFile(target.resolve(Manifest.FILE))
                || !Files.isRegularFile(target.resolve(Manifest.SIGNATURE))) {
            return Optional.empty();
        }
        // The tree the link names now: the next export's switch moves the link, not this tree.
        Path root = target.toRealPath();
        byte[] manifest = Files.readAllBytes(root.resolve(Manifest.FILE));
        Optional<byte[]> signature = PublisherKey.readSignatureFile(Files.readAllBytes(root.resolve(Manifest.SIGNATURE)));
        PublicKey key = PublisherKey.parse(publicKey.get(), "the data directory's public key");
        if (signature.isEmpty() || !PublisherKey.verify(key, manifest, signature.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PreviousExport(root, Manifest.parse(manifest, root.resolve(Manifest.FILE).toString())
                    .byPath(), Sha256.of(manifest)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The old file's entry if it holds exactly these bytes (by size and SHA-256), else empty. */
    Optional<Manifest.Entry> same(String path, long size, String sha256) {
        Manifest.Entry e = entries.get(path);
        return e != null && e.size() == size && e.sha256().equals(sha256) ? Optional.of(e) : Optional.empty();
    }

    /** The old entry of a file whatever its bytes (the {@code .gz} of a page whose plain bytes are the same). */
    Optional<Manifest.Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /**
     * Links the old file of {@code entry} at {@code file} in the new tree; false (and nothing left at {@code file}) when
     * the old file is gone, is not of the entry's size, or cannot be linked (another file system).
     */
    boolean linkInto(Path file, Manifest.Entry entry) throws IOException {
        Path old = Trees.resolve(root, entry.path());
        try {
            Files.createLink(file, old);
        } catch (NoSuchFileException | UnsupportedOperationException gone) {
            return false;
        } catch (IOException cannot) {
            if (Files.exists(file)) {
                throw cannot;
            }
            return false;
        }
        if (Files.size(file) != entry.size()) {
            Files.delete(file);
            return false;
        }
        return true;
    }
}
