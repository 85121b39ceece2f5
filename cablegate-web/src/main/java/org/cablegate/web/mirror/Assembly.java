package org.cablegate.web.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a trusted manifest's tree together beside the target, from files that are already there (unchanged) and
 * files that came new (a delta, a download), checking each file's hash as it is copied, and switches it into place
 * only when every file is right. A failure leaves the target as it was.
 */
final class Assembly {
    /** Where a file of the new manifest comes from, or empty when it is nowhere. */
    interface Source {
        Optional<Path> of(Manifest.Entry entry) throws IOException;
    }

    private Assembly() {}

    static List<Problem> assemble(Path target, Manifest m, byte[] manifestBytes, byte[] signature, Source source,
            PublicKey key, Path stateFile) throws IOException {
        Path build = Trees.newBuild(target, "r" + m.release());
        List<Problem> problems = new ArrayList<>();
        Set<Path> dirs = new HashSet<>();
        try {
            for (Manifest.Entry e : m.files()) {
                Optional<Path> from = source.of(e);
                if (from.isEmpty() || !Files.isRegularFile(from.get())) {
                    problems.add(new Problem(Problem.Kind.MISSING, e.path()));
                    continue;
                }
                Path to = Trees.resolve(build, e.path());
                if (dirs.add(to.getParent())) {
                    Files.createDirectories(to.getParent());
                }
                if (!place(from.get(), to).equals(e.sha256()) || Files.size(to) != e.size()) {
                    problems.add(new Problem(Problem.Kind.CHANGED, e.path() + " (differs from the manifest's SHA-256)"));
                }
            }
            if (!problems.isEmpty()) {
                Trees.deleteTree(build);
                return problems;
            }
            Files.write(build.resolve(Manifest.FILE), manifestBytes);
            Files.write(build.resolve(Manifest.SIGNATURE), signature);
            Trees.setTimes(build, FileTime.from(m.time()));
            Trees.install(build, target);
            Trust.remember(stateFile, key, m, manifestBytes);
            return problems;
        } catch (IOException | RuntimeException e) {
            Trees.deleteTree(build);
            throw e;
        }
    }

    /**
     * Puts a file into the new tree, returning the SHA-256 of what is there: a hard link where the file system allows
     * one (a delta of the full archive keeps ~1.8 million files, and copying them all cost minutes), else a copy.
     * Every file of an export is written whole and never changed in place, so the old tree and the new may share it.
     */
    static String place(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
            return Sha256.of(to);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(to);
            return copy(from, to);
        }
    }

    /** Copies a file, returning the SHA-256 of what was written. */
    static String copy(Path from, Path to) throws IOException {
        MessageDigest d = Sha256.digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
