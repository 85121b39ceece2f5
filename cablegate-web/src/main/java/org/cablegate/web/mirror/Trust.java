package org.cablegate.web.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a signed manifest may be believed: the publisher's signature, its time (not expired: a frozen mirror), and
 * against the last manifest verified for that key (kept in a small state file), neither older (rollback) nor from
 * another line of manifests (its chain must name the last one verified). The protections TUF gives software updates.
 */
public final class Trust {
    /** The last manifest verified for a key, as the state file keeps it. */
    record Seen(long release, String sha256, Instant validUntil) {}

    private Trust() {}

    /** Where the state is kept unless named: {@code ~/.config/cablegate/verified}. */
    public static Path defaultStateFile() {
        return Path.of(System.getProperty("user.home"), ".config", "cablegate", "verified");
    }

    /**
     * Checks a manifest's bytes and signature file. The manifest is returned when it could be read, whether or not
     * problems were found; the problems are added to {@code problems}.
     */
    static Optional<Manifest> check(byte[] manifestBytes, byte[] signatureFile, PublicKey key, Path stateFile,
            Instant now, List<Problem> problems) throws IOException {
        Optional<byte[]> sig = PublisherKey.readSignatureFile(signatureFile);
        if (sig.isEmpty() || !PublisherKey.verify(key, manifestBytes, sig.get())) {
            problems.add(new Problem(Problem.Kind.SIGNATURE, "MANIFEST.sig is not a signature of MANIFEST by the key "
                    + PublisherKey.fingerprint(key)));
            return Optional.empty();
        }
        Manifest m;
        try {
            m = Manifest.parse(manifestBytes, Manifest.FILE);
        } catch (IOException e) {
            problems.add(new Problem(Problem.Kind.UNREADABLE, e.getMessage()));
            return Optional.empty();
        }
        String sha = Sha256.of(manifestBytes);
        if (now.isAfter(m.validUntil())) {
            problems.add(new Problem(Problem.Kind.EXPIRED, "the manifest of release " + m.release() + " was valid until "
                    + m.validUntil() + "; it is " + now + " (the mirror may be frozen at an old release)"));
        }
        Optional<Seen> seen = read(stateFile, PublisherKey.fingerprint(key));
        if (seen.isPresent()) {
            Seen s = seen.get();
            if (m.release() < s.release()) {
                problems.add(new Problem(Problem.Kind.ROLLBACK, "the manifest is of release " + m.release()
                        + ", older than release " + s.release() + " verified before (state in " + stateFile + ")"));
            } else if (m.release() == s.release() && !sha.equals(s.sha256()) && !m.validUntil().isAfter(s.validUntil())) {
                problems.add(new Problem(Problem.Kind.ROLLBACK, "the manifest of release " + m.release()
                        + " is not the one verified before, and is not valid for longer (state in " + stateFile + ")"));
            } else if (m.release() > s.release()
                    && !m.chain().contains(new Manifest.Link(s.release(), s.sha256()))) {
                problems.add(new Problem(Problem.Kind.CHAIN, "the manifest of release " + m.release()
                        + " does not name the manifest of release " + s.release() + " verified before ("
                        + s.sha256().substring(0, 16) + "…, state in " + stateFile + ") among its previous ones"));
            }
        }
        return Optional.of(m);
    }

    static Optional<Seen> read(Path stateFile, String fingerprint) throws IOException {
        if (!Files.exists(stateFile)) {
            return Optional.empty();
        }
        int n = 0;
        for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
            n++;
            String[] p = line.split(" ");
            if (p.length == 4 && p[0].equals(fingerprint)) {
                try {
                    return Optional.of(new Seen(Long.parseLong(p[1]), p[2], Instant.parse(p[3])));
                } catch (RuntimeException e) {
                    throw new IOException(stateFile + " line " + n + ": not \"KEY RELEASE SHA256 VALID-UNTIL\"");
                }
            }
        }
        return Optional.empty();
    }

    /** Records a manifest as verified for its key (replacing the key's line; written whole, then renamed). */
    static void remember(Path stateFile, PublicKey key, Manifest m, byte[] manifestBytes) throws IOException {
        String fingerprint = PublisherKey.fingerprint(key);
        List<String> lines = new ArrayList<>();
        if (Files.exists(stateFile)) {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                if (!line.startsWith(fingerprint + " ")) {
                    lines.add(line);
                }
            }
        }
        lines.add(fingerprint + " " + m.release() + " " + Sha256.of(manifestBytes) + " " + m.validUntil());
        Path abs = stateFile.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
