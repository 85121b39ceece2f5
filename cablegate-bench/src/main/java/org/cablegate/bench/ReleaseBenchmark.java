package org.cablegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;

/**
 * Releases everything in a vault that holds no release yet, again and again from the same copy, with a chosen
 * indexing buffer and thread count: the loop for tuning the release alone. CPU time is the figure to compare on a
 * shared machine; wall time is printed beside it.
 * <pre>
 * java -Xmx4g -XX:+UseParallelGC -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.ReleaseBenchmark \
 *     UNRELEASED-VAULT.db WORK-DIR RAM-BUFFER-MB THREADS [RUNS]
 * </pre>
 */
public final class ReleaseBenchmark {
    public static void main(String[] args) throws Exception {
        Path pristine = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int ramMb = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            delete(data);
            Files.createDirectories(data);
            Files.copy(pristine, data.resolve(Vault.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long count;
            try (Vault vault = Vault.open(data);
                    Releaser releaser = Releaser.open(vault, threads, ramMb, Clock.systemUTC())) {
                ReleaseResult result = releaser.release(ReleaseRequest.of("all", Selection.all())
                        .at(LocalDateTime.parse("2011-09-01T00:00")), ReleaseListener.NONE);
                count = result.count();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long segments;
            try (Stream<Path> files = Files.list(Releaser.publicDir(data))) {
                segments = files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
            }
            System.out.printf("run %d: ram %d MB, %d threads: %,d cables, wall %.1f s, CPU %.1f s, %d segments, %,d MB%n",
                    run, ramMb, threads, count, wall, cpu, segments, size(Releaser.publicDir(data)) >> 20);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
