package org.cablegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.redact.RedactionRule;

/**
 * The publisher's desk on the full archive: in a data directory whose vault holds the whole set and no release yet,
 * releases all but the 1,000 newest cables (the archive as it stands), then, each timed with where its time goes:
 * the 1,000 new cables; a redaction of 1 public cable; redactions of 100; a withdrawal of 1. Each step is one process
 * of its own in real use; here one JVM runs them in a row, after the big release has warmed it.
 * <pre>
 * java -Xmx4g -XX:+UseParallelGC -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.DeskBenchmark DATA-DIR [RAM-BUFFER-MB]
 * </pre>
 */
public final class DeskBenchmark {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static int ramBufferMb;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        // Optional: the indexing buffer (and so the size of the segments a flush writes), to weigh segment sizes.
        ramBufferMb = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        LocalDateTime t = LocalDateTime.parse("2011-09-01T00:00");
        try (Vault vault = Vault.open(data)) {
            long total = vault.status().cables();
            step("release all but the newest 1,000", vault, r -> r.release(ReleaseRequest.of("base",
                    Selection.all().withLimit((int) total - 1000)).at(t), new Timed()));
            step("release 1,000 new cables", vault, r -> r.release(ReleaseRequest.of("new", Selection.all())
                    .at(t.plusDays(1)), new Timed()));
            List<String> candidates = new ArrayList<>(publicIds(data, 400));
            List<String> ids = new ArrayList<>(redact(vault, candidates, 1));
            step("publish 1 redacted cable", vault, r -> r.release(ReleaseRequest.of("one",
                    Selection.all().withChangesOnly()).at(t.plusDays(2)), new Timed()));
            ids.addAll(redact(vault, candidates, 100));
            step("publish 100 redacted cables", vault, r -> r.release(ReleaseRequest.of("hundred",
                    Selection.all().withChangesOnly()).at(t.plusDays(3)), new Timed()));
            // A cable no step has touched: its document is in a segment of the first release, the general case (a
            // redacted one would sit in the small segment the redaction wrote).
            String untouched = candidates.get(candidates.size() - 1);
            step("withdraw 1 cable", vault, r -> r.withdraw(Set.of(untouched), "benchmark", Optional.of(t.plusDays(4)),
                    new Timed()));
        }
    }

    interface Step {
        ReleaseResult run(Releaser releaser) throws Exception;
    }

    private static void step(String name, Vault vault, Step step) throws Exception {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        ReleaseResult result;
        try (Releaser releaser = ramBufferMb > 0
                ? Releaser.open(vault, Runtime.getRuntime().availableProcessors(), ramBufferMb, Clock.systemUTC())
                : Releaser.open(vault)) {
            result = step.run(releaser);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-36s %,7d cables  wall %6.2f s  CPU %6.2f s  %s; %s%n", name, result.count(), wall,
                (OS.getProcessCpuTime() - cpu0) / 1e9, Timed.last, segments(Releaser.publicDir(vault.dataDir())));
    }

    /** How many segments the public archive has and the size of the largest. */
    private static String segments(Path index) throws Exception {
        try (Directory dir = FSDirectory.open(index)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            long largest = 0;
            for (SegmentCommitInfo info : infos) {
                largest = Math.max(largest, info.sizeInBytes());
            }
            return String.format("%d segments, largest %,d MB", infos.size(), largest >> 20);
        }
    }

    /** The newest public cables, by creation: cables a publisher would redact. */
    private static List<String> publicIds(Path data, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data))) {
            for (Hit h : archive.search(SearchRequest.of("").withLimit(n).withSort(SortOrder.CREATED_OLDEST)).hits()) {
                ids.add(h.id());
            }
        }
        return ids;
    }

    /** Redacts the first paragraph of {@code n} of the candidates (taking them off the list); those without one are skipped. */
    private static List<String> redact(Vault vault, List<String> candidates, int n) throws Exception {
        List<String> done = new ArrayList<>();
        RedactionDesk desk = new RedactionDesk(vault);
        while (done.size() < n && !candidates.isEmpty()) {
            String id = candidates.remove(0);
            try {
                desk.redact(List.of(new RedactionDesk.Ask(id, RedactionRule.paragraph(1), "benchmark")), "bench",
                        Instant.now());
                done.add(id);
            } catch (RedactionDesk.Refused e) {
                // No numbered paragraph 1 in this cable: the next one.
            }
        }
        return done;
    }

    /** Where a release's time went: selecting, indexing, rewriting old segments, committing, finishing. */
    static final class Timed implements ReleaseListener {
        static String last = "";
        private final long start = System.nanoTime();
        private long selected;
        private long expunging;
        private long published;

        @Override
        public void selected(ReleaseRecord release) {
            selected = System.nanoTime();
        }

        @Override
        public void expunging() {
            expunging = System.nanoTime();
        }

        @Override
        public void published(ReleaseRecord release) {
            published = System.nanoTime();
            long indexed = expunging == 0 ? published : expunging;
            last = expunging == 0
                    ? String.format("(open+select %.2f s, index+commit %.2f s)", (selected - start) / 1e9,
                            (published - selected) / 1e9)
                    : String.format("(open+select %.2f s, index %.2f s, rewrite old segments+commit %.2f s)",
                            (selected - start) / 1e9, (indexed - selected) / 1e9, (published - expunging) / 1e9);
        }
    }
}
