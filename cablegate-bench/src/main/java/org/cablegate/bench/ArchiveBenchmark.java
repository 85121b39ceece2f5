package org.cablegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportSummary;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;

/**
 * Import + release of a full-scale cables.csv, then the 20 queries of BENCHMARK-ANCHORS.md, with wall time, process
 * CPU time and CPU per pipeline thread, in one JVM:
 * <pre>
 * java -Xmx4g -XX:+UseParallelGC -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.ArchiveBenchmark \
 *     /tmp/cables-full.csv [/tmp/bench-data]
 * </pre>
 * (generate the CSV with {@code cablegate generate --count 251287 --out /tmp/cables-full.csv}). The machine is shared
 * and noisy: run the bare-Lucene anchor beside it and compare the two, not this against the anchors file.
 */
public final class ArchiveBenchmark {
    private final Map<String, Long> threadCpu = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        new ArchiveBenchmark().run(Path.of(args[0]),
                Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir") + "/cablegate-bench-data"));
    }

    private void run(Path csv, Path data) throws Exception {
        delete(data);
        Thread sampler = sampleThreadCpu();
        long[] imported = new long[1];
        try (Vault vault = Vault.open(data)) {
            measure("import", () -> {
                ImportSummary summary = new Importer(vault).run(List.of(csv), ImportListener.NONE);
                imported[0] = summary.imported();
                return summary.imported() + " cables imported, " + summary.rejected().size() + " rejected";
            });
            measure("release", () -> {
                try (Releaser releaser = Releaser.open(vault)) {
                    ReleaseResult result = releaser.release(ReleaseRequest.of("all", Selection.all())
                            .at(LocalDateTime.parse("2011-09-01T00:00")), ReleaseListener.NONE);
                    return result.count() + " cables released";
                }
            });
        }
        sampler.interrupt();
        System.out.printf("sizes: vault %,d MB, public archive %,d MB%n", size(data.resolve(Vault.FILE_NAME)) >> 20,
                size(Releaser.publicDir(data)) >> 20);
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data))) {
            if (archive.count() != imported[0]) {
                throw new IllegalStateException("released " + archive.count() + " of " + imported[0] + " imported");
            }
            queries(archive);
        }
    }

    private interface Step {
        String run() throws Exception;
    }

    private void measure(String name, Step step) throws Exception {
        threadCpu.clear();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double cpu0 = os.getProcessCpuTime() / 1e9;
        long t0 = System.nanoTime();
        String what = step.run();
        System.out.printf("%s: %s in %.1f s wall, %.1f s CPU (load average %.1f)%n", name, what,
                (System.nanoTime() - t0) / 1e9, os.getProcessCpuTime() / 1e9 - cpu0, os.getSystemLoadAverage());
        Map<String, Long> byName = new TreeMap<>();
        threadCpu.forEach((k, v) -> byName.merge(k.substring(0, k.indexOf('#')), v, Long::sum));
        byName.forEach((thread, nanos) -> {
            if (nanos > 500_000_000L) {
                System.out.printf("    %-28s %6.1f s CPU%n", thread, nanos / 1e9);
            }
        });
    }

    /** CPU per thread name (numbers folded: all parse threads together), sampled as threads come and go. */
    private Thread sampleThreadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (long id : mx.getAllThreadIds()) {
                    ThreadInfo info = mx.getThreadInfo(id);
                    long cpu = mx.getThreadCpuTime(id);
                    if (info != null && cpu > 0) {
                        threadCpu.merge(info.getThreadName().replaceAll("-\\d+$", "-N") + "#" + id, cpu, Math::max);
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The 20 queries of BENCHMARK-ANCHORS.md: p50 and p99 of each, and the geometric mean of the p50s. */
    private static void queries(PublicArchive archive) throws Exception {
        List<AnchorQueries.Named> queries = AnchorQueries.cablegate();
        int runs = Integer.getInteger("cablegate.bench.runs", 300);
        double logSum = 0;
        for (AnchorQueries.Named q : queries) {
            for (int i = 0; i < runs / 5; i++) {
                archive.search(q.request());
            }
            long[] nanos = new long[runs];
            SearchResult last = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                last = archive.search(q.request());
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            double p50 = nanos[runs / 2] / 1e6;
            logSum += Math.log(p50);
            System.out.printf("%-32s %8d%s hits  p50 %7.3f ms  p99 %7.3f ms%n", q.name(), last.total(),
                    last.totalExact() ? " " : "+", p50, nanos[runs * 99 / 100] / 1e6);
        }
        System.out.printf("geometric mean of the p50s: %.3f ms%n", Math.exp(logSum / queries.size()));
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
