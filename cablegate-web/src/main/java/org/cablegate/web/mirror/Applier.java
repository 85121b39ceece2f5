package org.cablegate.web.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cablegate apply DELTA DIR}: checks the delta whole (signature, trust, that it applies to DIR's manifest,
 * every file's hash) before DIR is touched, then builds the new tree beside DIR and switches it in. A refused delta
 * leaves DIR exactly as it was.
 */
public final class Applier {
    private Applier() {}

    public static Verifier.Report apply(Path delta, Path dir, PublicKey key, Path stateFile, Instant now)
            throws IOException {
        Trees.recover(dir);
        List<Problem> problems = new ArrayList<>();
        Path current = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(current)) {
            problems.add(new Problem(Problem.Kind.UNREADABLE, dir + " has no " + Manifest.FILE
                    + ": a delta applies to an export"));
            return new Verifier.Report(Optional.empty(), problems, stateFile);
        }
        byte[] oldBytes = Files.readAllBytes(current);
        Manifest old = Manifest.parse(oldBytes, current.toString());
        Path extracted = Trees.staging(dir, "apply");
        try {
            Delta.Contents d;
            try {
                d = Delta.read(delta, Optional.of(extracted));
            } catch (IOException e) {
                problems.add(new Problem(Problem.Kind.UNREADABLE, e.getMessage()));
                return new Verifier.Report(Optional.empty(), problems, stateFile);
            }
            Optional<Manifest> m = Trust.check(d.manifest(), d.signature(), key, stateFile, now, problems);
            if (m.isEmpty()) {
                return new Verifier.Report(m, problems, stateFile);
            }
            String oldSha = Sha256.of(oldBytes);
            if (!d.base().equals(oldSha)) {
                problems.add(new Problem(Problem.Kind.CHAIN, "the delta applies to the manifest "
                        + d.base().substring(0, 16) + "…, and " + dir + " holds release " + old.release() + " ("
                        + oldSha.substring(0, 16) + "…)"));
            }
            problems.addAll(d.problems(m.get()));
            Map<String, Manifest.Entry> before = old.byPath();
            for (Manifest.Entry e : m.get().files()) {
                Manifest.Entry o = before.get(e.path());
                if (!d.carried().containsKey(e.path()) && (o == null || !o.sha256().equals(e.sha256()))) {
                    problems.add(new Problem(Problem.Kind.MISSING, e.path() + " (changed, and not in the delta)"));
                }
            }
            if (!problems.isEmpty()) {
                return new Verifier.Report(m, problems, stateFile);
            }
            problems.addAll(Assembly.assemble(dir, m.get(), d.manifest(), d.signature(),
                    e -> Optional.of(d.carried().containsKey(e.path()) ? Trees.resolve(extracted, e.path())
                            : Trees.resolve(dir, e.path())), key, stateFile));
            return new Verifier.Report(m, problems, stateFile);
        } finally {
            Trees.deleteTree(extracted);
        }
    }
}
