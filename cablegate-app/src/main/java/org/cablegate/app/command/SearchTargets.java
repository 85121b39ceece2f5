package org.cablegate.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cablegate.app.ProgressBar;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.OpenSearchTarget;
import org.cablegate.opensearch.Publisher;

/**
 * The clusters a data directory's public archive is published to: {@code search-targets} in the data directory, one
 * {@code opensearch://host:port/index replicas=N} a line, written by {@code publish --to}. Every command that makes a
 * release ({@code release}, {@code withdraw}, the scheduled releases of {@code serve} and {@code release --due}) then
 * publishes the new release to each (issue 10: the cluster follows releases, redaction re-publishes and withdrawals).
 *
 * <p>A publish that fails leaves the cluster's readers on the release it had, whole (a new index, then the alias moved
 * in one call); the failure is reported, and the next release or {@code cablegate publish} publishes again, resuming
 * where the failed run stopped.
 */
final class SearchTargets {
    static final String FILE = "search-targets";
    /** Bulk requests of several megabytes to a busy cluster: a minute before one counts as lost. */
    static final Duration BULK_TIMEOUT = Duration.ofSeconds(60);

    /** One cluster and the replicas its indexes get. */
    record Target(OpenSearchTarget where, int replicas) {
        String text() {
            return "opensearch://" + where.host() + ":" + where.port() + "/" + where.index();
        }
    }

    private SearchTargets() {}

    /** The clusters recorded for a data directory; none when {@code publish --to} was never run for it. */
    static List<Target> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+");
            int replicas = 1;
            try {
                for (int i = 1; i < parts.length; i++) {
                    if (!parts[i].startsWith("replicas=")) {
                        throw new IllegalArgumentException("unknown setting '" + parts[i] + "'");
                    }
                    replicas = Integer.parseInt(parts[i].substring("replicas=".length()));
                }
                targets.add(new Target(OpenSearchTarget.parse(parts[0]), replicas));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(targets);
    }

    /** Records a cluster (replacing the line of the same address and alias), atomically. */
    static void record(Path dataDir, Target target) throws IOException {
        Map<String, Target> all = new LinkedHashMap<>();
        for (Target t : read(dataDir)) {
            all.put(t.text(), t);
        }
        all.put(target.text(), target);
        StringBuilder sb = new StringBuilder("# clusters every release is published to (cablegate publish --to)\n");
        for (Target t : all.values()) {
            sb.append(t.text()).append(" replicas=").append(t.replicas()).append('\n');
        }
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Publishes the archive's current release to one cluster, with a progress bar on {@code err}. */
    static Publisher.Result publish(PublicArchive archive, Target target, PrintWriter err) throws IOException {
        OpenSearchClient client = new OpenSearchClient(target.where().http(), BULK_TIMEOUT);
        ProgressBar bar = ProgressBar.onStderr(err, "publishing to " + target.text());
        Publisher.Result result = new Publisher(client, target.where().index(), target.replicas())
                .publish(archive, bar::updateCount);
        bar.finish();
        return result;
    }

    /**
     * After a release: publishes it to every recorded cluster. True when each holds it now; a failure is reported
     * on {@code err} with what happens next, and the others are still published.
     */
    static boolean follow(Path dataDir, PrintWriter out, PrintWriter err) {
        List<Target> targets;
        try {
            targets = read(dataDir);
        } catch (IOException e) {
            err.println("cablegate: the clusters to publish to cannot be read: " + e.getMessage());
            err.flush();
            return false;
        }
        if (targets.isEmpty()) {
            return true;
        }
        boolean all = true;
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dataDir))) {
            for (Target target : targets) {
                try {
                    report(publish(archive, target, err), target, out);
                } catch (IOException | RuntimeException e) {
                    all = false;
                    err.println("cablegate: the release is public here, but " + target.text() + " could not be "
                            + "updated: " + e.getMessage() + "; its readers keep the release it had, whole. The next "
                            + "release publishes it, or run `cablegate publish` now");
                    err.flush();
                }
            }
        } catch (IOException e) {
            err.println("cablegate: the public archive cannot be read to publish it: " + e.getMessage());
            err.flush();
            return false;
        }
        return all;
    }

    static void report(Publisher.Result result, Target target, PrintWriter out) {
        if (result.alreadyCurrent()) {
            out.printf("release %d is already published to %s (%s)%n", result.release(), target.text(),
                    result.index());
        } else {
            out.printf("published release %d to %s: %,d cables into %s, alias %s moved to it%s%n", result.release(),
                    target.text(), result.cables(), result.index(), target.where().index(),
                    result.resumed() ? " (resumed)" : "");
        }
        out.flush();
    }
}
