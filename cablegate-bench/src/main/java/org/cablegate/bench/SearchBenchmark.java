package org.cablegate.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchResult;

/**
 * The 20 queries of BENCHMARK-ANCHORS.md on an existing public archive and, alternating with it in the same run, on
 * the bare Lucene index of {@link BareLuceneIngest}: p50 and p99 of each query on one thread, and the geometric mean
 * of the p50s.
 * <pre>
 * java -Xmx2g -XX:+UseParallelGC -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.SearchBenchmark \
 *     DATA_DIR/public BARE_INDEX_DIR [runs]
 * </pre>
 * Each query is warmed up with a fifth of its runs on both sides, then timed on both in turn, one run each, so that
 * the machine's noise falls on both alike. {@code -Dcablegate.bench.bare=false} times cablegate alone (for profiling);
 * {@code -Dcablegate.bench.queryCache=false} turns off Lucene's query cache on both sides, which otherwise keeps the
 * matches of a filter or of a counting pass that is repeated often, as every query here is.
 */
public final class SearchBenchmark {
    public static void main(String[] args) throws Exception {
        Path archiveDir = Path.of(args[0]);
        Path bareDir = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean withBare = Boolean.parseBoolean(System.getProperty("cablegate.bench.bare", "true"));
        if (!Boolean.parseBoolean(System.getProperty("cablegate.bench.queryCache", "true"))) {
            IndexSearcher.setDefaultQueryCache(null);
        }
        try (PublicArchive archive = PublicArchive.open(archiveDir);
                BareLuceneSearcher bare = new BareLuceneSearcher(bareDir)) {
            List<AnchorQueries.Named> queries = AnchorQueries.cablegate();
            // A first pass over every query before any is timed: class loading and the first compilations.
            for (int round = 0; round < 3; round++) {
                for (int q = 0; q < queries.size(); q++) {
                    archive.search(queries.get(q).request());
                    if (withBare) {
                        bare.search(q);
                    }
                }
            }
            System.out.printf("%-30s %9s %9s %9s | %9s %9s %9s | %6s%n", "query", "hits", "p50 ms", "p99 ms",
                    "bare hits", "p50 ms", "p99 ms", "ratio");
            double logOurs = 0;
            double logBare = 0;
            for (int q = 0; q < queries.size(); q++) {
                AnchorQueries.Named named = queries.get(q);
                for (int i = 0; i < runs / 5; i++) {
                    archive.search(named.request());
                    if (withBare) {
                        bare.search(q);
                    }
                }
                long[] ours = new long[runs];
                long[] theirs = new long[runs];
                SearchResult last = null;
                long bareHits = 0;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    last = archive.search(named.request());
                    ours[i] = System.nanoTime() - t0;
                    if (withBare) {
                        t0 = System.nanoTime();
                        bareHits = bare.search(q);
                        theirs[i] = System.nanoTime() - t0;
                    }
                }
                Arrays.sort(ours);
                Arrays.sort(theirs);
                double p50 = ours[runs / 2] / 1e6;
                double bareP50 = theirs[runs / 2] / 1e6;
                logOurs += Math.log(p50);
                logBare += Math.log(Math.max(bareP50, 1e-6));
                System.out.printf("%-30s %8d%s %9.3f %9.3f | %9d %9.3f %9.3f | %5.2fx%n", named.name(), last.total(),
                        last.totalExact() ? " " : "+", p50, ours[runs * 99 / 100] / 1e6, bareHits, bareP50,
                        theirs[runs * 99 / 100] / 1e6, withBare ? p50 / bareP50 : Double.NaN);
            }
            double geoOurs = Math.exp(logOurs / queries.size());
            double geoBare = Math.exp(logBare / queries.size());
            System.out.printf("geometric mean of the p50s: cablegate %.3f ms, bare Lucene %.3f ms (%.2fx)%n", geoOurs,
                    geoBare, geoOurs / geoBare);
        }
    }
}
