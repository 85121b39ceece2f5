package org.cablegate.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.site.Site;

/**
 * What a page costs to render when it is not cached (the first request after a release, and every search): the site's
 * URL-to-bytes function called in process, no HTTP, medians and 99th percentiles of many calls after a warm-up:
 * <pre>
 * java -Xmx512m -XX:+UseParallelGC -cp cablegate-bench/target/cablegate-bench.jar \
 *     org.cablegate.bench.PageRenderBenchmark DATA_DIR [CALLS]
 * </pre>
 */
public final class PageRenderBenchmark {
    /** Deep pages are found by offset when no cursor of a nearby page is kept: the worst case, measured as such. */
    private static final List<String> PAGES = List.of("/cable/2008/06/08MOSCOW1647.html", "/tag/PREL_0.html",
            "/tag/PREL_1.html", "/tag/PREL_1000.html", "/origin/67_0.html", "/", "/tag/index.html");
    private static final List<String> SEARCHES = List.of("iran", "\"human rights\"", "year:2009", "tag:PREL");

    public static void main(String[] args) throws Exception {
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(Path.of(args[0])))) {
            Site site = new Site(archive, URI.create("https://cablegate.example"));
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up and is not printed
                for (String path : PAGES) {
                    report(round, "page " + path, calls, () -> site.render(path).body().length);
                }
                for (String q : SEARCHES) {
                    report(round, "search " + q, calls, () -> site.search(Map.of("q", List.of(q))).body().length);
                }
            }
        }
    }

    private interface Call {
        int run() throws Exception;
    }

    private static void report(int round, String label, int calls, Call call) throws Exception {
        long[] nanos = new long[calls];
        int bytes = 0;
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            bytes = call.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        if (round > 0) {
            System.out.printf("%-45s %7d bytes  p50 %6.2f ms  p99 %6.2f ms%n", label, bytes, nanos[calls / 2] / 1e6,
                    nanos[calls * 99 / 100] / 1e6);
        }
    }
}
