package org.cablegate.web.mirror;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A delta: what turns the export of one manifest into the export of the next, as one {@code .tar.gz}:
 *
 * <pre>
 * DELTA          cablegate-delta 1, the SHA-256 of the manifest it applies to, and the release it makes
 * MANIFEST       the new signed manifest, and MANIFEST.sig
 * REMOVED        the paths of the old export that the new one no longer has, one a line
 * files/PATH     every file added or changed
 * </pre>
 *
 * Entries are in that order, with the new release's time and no owner, so the same two exports give the same delta.
 */
public final class Delta {
    static final String MAGIC = "cablegate-delta 1";

    /** What a delta holds, read in one pass: the carried files' hashes, and where they were extracted if asked. */
    record Contents(String base, byte[] manifest, byte[] signature, List<String> removed, Map<String, String> carried,
            Map<String, Long> sizes, Optional<Path> extracted) {
        /** The delta's files against its (trusted) manifest. */
        List<Problem> problems(Manifest m) {
            List<Problem> problems = new ArrayList<>();
            Map<String, Manifest.Entry> byPath = m.byPath();
            for (Map.Entry<String, String> c : carried.entrySet()) {
                Manifest.Entry e = byPath.get(c.getKey());
                if (e == null) {
                    problems.add(new Problem(Problem.Kind.EXTRA, "files/" + c.getKey() + " (not in the manifest)"));
                } else if (e.size() != sizes.get(c.getKey()) || !e.sha256().equals(c.getValue())) {
                    problems.add(new Problem(Problem.Kind.CHANGED, "files/" + c.getKey()
                            + " (differs from the manifest's SHA-256)"));
                }
            }
            for (String r : removed) {
                if (byPath.containsKey(r)) {
                    problems.add(new Problem(Problem.Kind.CHANGED, "REMOVED lists " + r + ", which the manifest has"));
                }
            }
            return problems;
        }
    }

    private Delta() {}

    /**
     * Writes the delta from the export whose manifest was {@code oldManifest} to the export now in {@code newTree},
     * to a temporary file beside {@code out}, then renamed into place.
     *
     * @return how many files it carries
     */
    public static int write(byte[] oldManifest, Path newTree, Path out) throws IOException {
        Manifest old = Manifest.parse(oldManifest, "the old " + Manifest.FILE);
        byte[] newBytes = Files.readAllBytes(newTree.resolve(Manifest.FILE));
        Manifest next = Manifest.parse(newBytes, newTree.resolve(Manifest.FILE).toString());
        Map<String, Manifest.Entry> before = old.byPath();
        Set<String> after = next.byPath().keySet();
        List<Manifest.Entry> changed = new ArrayList<>();
        for (Manifest.Entry e : next.files()) {
            Manifest.Entry o = before.get(e.path());
            if (o == null || !o.sha256().equals(e.sha256())) {
                changed.add(e);
            }
        }
        StringBuilder removed = new StringBuilder();
        for (Manifest.Entry e : old.files()) {
            if (!after.contains(e.path())) {
                removed.append(e.path()).append('\n');
            }
        }
        String header = MAGIC + "\nbase " + Sha256.of(oldManifest) + "\nrelease " + next.release() + "\n";
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        Date time = Date.from(next.time());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            entry(tar, "DELTA", header.getBytes(StandardCharsets.UTF_8), time);
            entry(tar, Manifest.FILE, newBytes, time);
            entry(tar, Manifest.SIGNATURE, Files.readAllBytes(newTree.resolve(Manifest.SIGNATURE)), time);
            entry(tar, "REMOVED", removed.toString().getBytes(StandardCharsets.UTF_8), time);
            for (Manifest.Entry e : changed) {
                entry(tar, "files/" + e.path(), Files.readAllBytes(Trees.resolve(newTree, e.path())), time);
            }
            tar.finish();
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return changed.size();
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] body, Date time) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        e.setModTime(time);
        e.setMode(0100644);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
    }

    /** Reads a delta, hashing every carried file; with {@code extractTo}, writes them there too (under their paths). */
    static Contents read(Path file, Optional<Path> extractTo) throws IOException {
        String base = null;
        byte[] manifest = null;
        byte[] signature = null;
        List<String> removed = List.of();
        Map<String, String> carried = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in, 1 << 16),
                        StandardCharsets.UTF_8.name())) {
            int n = 0;
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                n++;
                String name = e.getName();
                if (!e.isFile()) {
                    throw new IOException(file + " entry " + n + " (" + name + "): not a file");
                }
                switch (name) {
                    case "DELTA" -> base = parseHeader(tar.readAllBytes(), file);
                    case Manifest.FILE -> manifest = tar.readAllBytes();
                    case Manifest.SIGNATURE -> signature = tar.readAllBytes();
                    case "REMOVED" -> removed = List.of(new String(tar.readAllBytes(), StandardCharsets.UTF_8)
                            .lines().filter(l -> !l.isEmpty()).toArray(String[]::new));
                    default -> {
                        if (!name.startsWith("files/") || !Trees.safe(name.substring(6))) {
                            throw new IOException(file + " entry " + n + ": unexpected name \"" + name + "\"");
                        }
                        String path = name.substring(6);
                        MessageDigest d = Sha256.digest();
                        OutputStream sink = OutputStream.nullOutputStream();
                        Path target = null;
                        if (extractTo.isPresent()) {
                            target = Trees.resolve(extractTo.get(), path);
                            try {
                                Files.createDirectories(target.getParent());
                                sink = Files.newOutputStream(target);
                            } catch (IOException unwritable) {
                                throw new Unwritable(target, unwritable);
                            }
                        }
                        long size = 0;
                        try (OutputStream o = sink) {
                            byte[] buf = new byte[1 << 16];
                            for (int k; (k = tar.read(buf)) > 0; ) {
                                d.update(buf, 0, k);
                                try {
                                    o.write(buf, 0, k);
                                } catch (IOException unwritable) {
                                    throw new Unwritable(target, unwritable);
                                }
                                size += k;
                            }
                        }
                        carried.put(path, HexFormat.of().formatHex(d.digest()));
                        sizes.put(path, size);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The archive library's own messages ("Corrupted TAR archive.") name no file (DeltaFuzzTest, seed
            // corrupt-tar.tar.gz); ours already do.
            if (e instanceof Unwritable || e instanceof IOException && e.getMessage() != null
                    && e.getMessage().startsWith(file.toString())) {
                throw (IOException) e;
            }
            throw new IOException(file + " is not a whole .tar.gz: " + e.getMessage(), e);
        }
        if (base == null || manifest == null || signature == null) {
            throw new IOException(file + " is not a cablegate delta: it lacks "
                    + (base == null ? "DELTA" : manifest == null ? Manifest.FILE : Manifest.SIGNATURE));
        }
        return new Contents(base, manifest, signature, removed, carried, sizes, extractTo);
    }

    /** A carried file that could not be written where it is extracted: the delta is not at fault. */
    private static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;

        Unwritable(Path target, IOException cause) {
            super("cannot write " + target + ": " + cause.getMessage(), cause);
        }
    }

    /** The base manifest's SHA-256 and the release a delta makes, from its first entry alone (no hashing). */
    record Header(String base, long release) {}

    static Header header(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 12);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in, 1 << 12),
                        StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e = tar.getNextTarEntry();
            if (e == null || !e.getName().equals("DELTA")) {
                throw new IOException(file + " is not a cablegate delta: its first entry is not DELTA");
            }
            byte[] bytes = tar.readAllBytes();
            String base = parseHeader(bytes, file);
            String release = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("release "))
                    .findFirst().orElseThrow(() -> new IOException(file + ": DELTA names no release")).substring(8);
            return new Header(base, Long.parseLong(release));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw (IOException) e;
            }
            throw new IOException(file + " is not a whole cablegate delta: " + e.getMessage(), e);
        }
    }

    static Contents read(Path file) throws IOException {
        return read(file, Optional.empty());
    }

    private static String parseHeader(byte[] bytes, Path file) throws IOException {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.size() < 2 || !lines.get(0).equals(MAGIC) || !lines.get(1).matches("base [0-9a-f]{64}")) {
            throw new IOException(file + ": DELTA is not \"" + MAGIC + "\" followed by \"base SHA256\"");
        }
        return lines.get(1).substring(5);
    }
}
