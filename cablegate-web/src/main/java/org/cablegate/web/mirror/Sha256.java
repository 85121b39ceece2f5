package org.cablegate.web.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** SHA-256 of bytes and files, as lower-case hex: the form MANIFEST lines use. */
final class Sha256 {
    private Sha256() {}

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One digest per thread: the export hashes two files per page, verify one per file on every core. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::digest);
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    static String of(byte[] bytes) {
        MessageDigest d = DIGEST.get();
        d.reset();
        return HexFormat.of().formatHex(d.digest(bytes));
    }

    /** A file's size and hash, as read. */
    record Read(long size, String sha256) {}

    static String of(Path file) throws IOException {
        return readOrThrow(file).sha256();
    }

    /**
     * A file's size and hash; empty when it cannot be read (gone, a directory, a link to nothing): what verify
     * reports as changed or missing rather than stopping.
     */
    static Optional<Read> read(Path file) {
        try {
            return Optional.of(readOrThrow(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Read through a buffer of the thread's: verify reads the 2.1 million files of the full export on every core. */
    private static Read readOrThrow(Path file) throws IOException {
        MessageDigest d = DIGEST.get();
        d.reset();
        byte[] buf = BUFFER.get();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
                size += n;
            }
        }
        return new Read(size, HexFormat.of().formatHex(d.digest()));
    }
}
