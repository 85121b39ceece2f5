package org.cablegate.web.mirror;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cablegate mirror URL DIR}: keeps a mirror current over HTTP, from a cablegate server that publishes its
 * export ({@code /export/MANIFEST}) or from another mirror ({@code /MANIFEST}). It trusts the manifest first
 * (signature, expiry, rollback, chain), downloads only the files whose hash changed into a staging directory beside
 * DIR (kept across a kill, so a rerun resumes where it stopped), checks each against the manifest, and switches the
 * new tree in atomically.
 *
 * <p>Where the source publishes deltas ({@code /mirror/deltas/index.txt}, see {@link MirrorRoutes}), a mirror that
 * holds an earlier export follows them instead: each delta whose base is the mirror's manifest is downloaded and
 * applied ({@link Applier}: checked whole before the mirror is touched), until the mirror holds the source's manifest.
 * When the source has no deltas, none continues the mirror's manifest, or one is refused, the files are fetched.
 */
public final class MirrorSync {
    /** What a sync did, beside the verification report. */
    public record Result(Verifier.Report report, int downloaded, int kept, boolean current, int deltas) {
        public Result(Verifier.Report report, int downloaded, int kept, boolean current) {
            this(report, downloaded, kept, current, 0);
        }
    }

    /** Told about each file downloaded; the command prints progress from it. */
    public interface Listener {
        void downloaded(String path, long bytes);

        Listener NONE = (p, b) -> {};
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    private final int attempts;
    private final Duration backoff;

    /**
     * @param attempts tries per file before the sync gives up (a rerun resumes)
     * @param backoff  the wait after the first failed try, doubled after each
     */
    public MirrorSync(int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public Result sync(URI source, Path dir, PublicKey key, Path stateFile, Instant now, Listener listener)
            throws IOException {
        Trees.recover(dir);
        String base = source.toString().endsWith("/") ? source.toString() : source + "/";
        Optional<byte[]> manifest = get(base, Manifest.FILE, true);
        if (manifest.isEmpty()) {
            base = base + "export/";
            manifest = get(base, Manifest.FILE, true);
        }
        if (manifest.isEmpty()) {
            throw new IOException(source + " publishes no MANIFEST (neither /MANIFEST nor /export/MANIFEST)");
        }
        byte[] bytes = manifest.get();
        byte[] signature = get(base, Manifest.SIGNATURE, false).orElseThrow();
        List<Problem> problems = new ArrayList<>();
        Optional<Manifest> trusted = Trust.check(bytes, signature, key, stateFile, now, problems);
        if (trusted.isEmpty() || !problems.isEmpty()) {
            return new Result(new Verifier.Report(trusted, problems, stateFile), 0, 0, false);
        }
        Manifest m = trusted.get();
        String sha = Sha256.of(bytes);
        Path currentFile = dir.resolve(Manifest.FILE);
        Map<String, Manifest.Entry> current = Map.of();
        if (Files.isRegularFile(currentFile)) {
            byte[] currentBytes = Files.readAllBytes(currentFile);
            if (Sha256.of(currentBytes).equals(sha)) {
                Trust.remember(stateFile, key, m, bytes);
                return new Result(new Verifier.Report(trusted, problems, stateFile), 0, m.files().size(), true);
            }
            Manifest had = Manifest.parse(currentBytes, currentFile.toString());
            if (had.release() > m.release()) {
                problems.add(new Problem(Problem.Kind.ROLLBACK, source + " offers release " + m.release() + ", and "
                        + dir + " holds release " + had.release()));
                return new Result(new Verifier.Report(trusted, problems, stateFile), 0, 0, false);
            }
            current = had.byPath();
            int applied = followDeltas(source, dir, key, stateFile, now, sha, listener);
            if (applied > 0) {
                byte[] now2 = Files.readAllBytes(currentFile);
                if (Sha256.of(now2).equals(sha)) {
                    return new Result(new Verifier.Report(trusted, problems, stateFile), 0, 0, false, applied);
                }
                current = Manifest.parse(now2, currentFile.toString()).byPath();
            }
        }
        String stagingName = "sync-" + sha.substring(0, 16);
        removeOtherStaging(dir, stagingName);
        Path staging = Trees.staging(dir, stagingName);
        int downloaded = 0;
        int kept = 0;
        for (Manifest.Entry e : m.files()) {
            Manifest.Entry had = current.get(e.path());
            if (had != null && had.sha256().equals(e.sha256())) {
                kept++;
                continue;
            }
            Path staged = Trees.resolve(staging, e.path());
            if (Files.isRegularFile(staged) && Files.size(staged) == e.size() && Sha256.of(staged).equals(e.sha256())) {
                continue; // downloaded before a kill
            }
            download(base, e, staged);
            listener.downloaded(e.path(), e.size());
            downloaded++;
        }
        Map<String, Manifest.Entry> before = current;
        problems.addAll(Assembly.assemble(dir, m, bytes, signature, e -> {
            Manifest.Entry had = before.get(e.path());
            return Optional.of(had != null && had.sha256().equals(e.sha256()) ? Trees.resolve(dir, e.path())
                    : Trees.resolve(staging, e.path()));
        }, key, stateFile));
        if (problems.isEmpty()) {
            Trees.deleteTree(staging);
        }
        return new Result(new Verifier.Report(trusted, problems, stateFile), downloaded, kept, false);
    }

    /**
     * Applies the source's deltas from the mirror's manifest on, as long as one continues it and is accepted.
     *
     * @return how many were applied
     */
    private int followDeltas(URI source, Path dir, PublicKey key, Path stateFile, Instant now, String target,
            Listener listener) throws IOException {
        String root = source.toString().endsWith("/") ? source.toString() : source + "/";
        Optional<byte[]> index = get(root, MirrorRoutes.DELTAS + MirrorRoutes.INDEX, true);
        if (index.isEmpty()) {
            return 0;
        }
        // Base manifest -> (release, name), the newest release for each base.
        Map<String, String[]> byBase = new java.util.HashMap<>();
        for (String line : new String(index.get(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String[] p = line.split(" ");
            if (p.length == 3 && p[0].matches("[0-9a-f]{64}") && p[1].matches("\\d{1,18}")
                    && MirrorRoutes.DELTA_NAME.matcher(p[2]).matches()) {
                String[] had = byBase.get(p[0]);
                if (had == null || Long.parseLong(had[0]) < Long.parseLong(p[1])) {
                    byBase.put(p[0], new String[] {p[1], p[2]});
                }
            }
        }
        Path staging = Trees.staging(dir, "deltas");
        int applied = 0;
        try {
            for (int guard = 0; guard < byBase.size(); guard++) {
                String at = Sha256.of(Files.readAllBytes(dir.resolve(Manifest.FILE)));
                String[] next = byBase.get(at);
                if (at.equals(target) || next == null) {
                    break;
                }
                Path file = staging.resolve(next[1]);
                byte[] body = get(root, MirrorRoutes.DELTAS + next[1], false).orElseThrow();
                Files.write(file, body);
                listener.downloaded(MirrorRoutes.DELTAS + next[1], body.length);
                Verifier.Report r = Applier.apply(file, dir, key, stateFile, now);
                Files.delete(file);
                if (!r.problems().isEmpty()) {
                    // The mirror is as it was (apply checks before it touches it): the files are fetched instead.
                    break;
                }
                applied++;
            }
        } finally {
            Trees.deleteTree(staging);
        }
        return applied;
    }

    /** One file into the staging area: written as .part, checked against the manifest, then renamed. */
    private void download(String base, Manifest.Entry e, Path staged) throws IOException {
        Files.createDirectories(staged.getParent());
        Path part = staged.resolveSibling(staged.getFileName() + ".part");
        IOException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                pause(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
            }
            try {
                HttpResponse<Path> r = client.send(HttpRequest.newBuilder(url(base, e.path()))
                        .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofFile(part));
                // A mirror's nginx answers a 404 or 410 page with that status and the file's bytes: the hash decides.
                if (r.statusCode() < 500 && Files.size(part) == e.size() && Sha256.of(part).equals(e.sha256())) {
                    Files.move(part, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
                last = new IOException(e.path() + ": answered " + r.statusCode() + " with " + Files.size(part)
                        + " bytes that are not the manifest's");
            } catch (IOException ex) {
                last = ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            }
        }
        Files.deleteIfExists(part);
        throw new IOException("could not download " + e.path() + " after " + attempts + " attempts (" + last.getMessage()
                + "); run mirror again to resume", last);
    }

    private Optional<byte[]> get(String base, String path, boolean missingIsEmpty) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                pause(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
            }
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(url(base, path))
                        .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) {
                    return Optional.of(r.body());
                }
                if (r.statusCode() == 404 && missingIsEmpty) {
                    return Optional.empty();
                }
                last = new IOException(base + path + " answered " + r.statusCode());
            } catch (IOException ex) {
                last = ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            }
        }
        throw new IOException("could not fetch " + base + path + " after " + attempts + " attempts: "
                + last.getMessage(), last);
    }

    static URI url(String base, String path) {
        try {
            // "./" keeps a first segment with a colon from reading as a scheme.
            return URI.create(base).resolve("./" + new URI(null, null, path, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** Staging areas of manifests that are no longer the source's newest: their files may never be needed. */
    private static void removeOtherStaging(Path dir, String keep) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        String prefix = "." + abs.getFileName() + ".staging-sync-";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(abs.getParent(), prefix + "*")) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals("." + abs.getFileName() + ".staging-" + keep)) {
                    Trees.deleteTree(p);
                }
            }
        }
    }

    private static void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
