package org.cablegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;

/**
 * How fast one thread parses real cables: every cable of a source (the 6,712 of the 2011 site mirror, or a
 * {@code cables.csv}) held in memory, parsed in warm-up rounds, then in measured rounds of which the median is the
 * figure (build machines are shared, and one busy round says nothing of the parser). The import of 251,287 cables must
 * take under a minute on two cores; this is its parse part alone. CPU time of the measured rounds is printed beside
 * the wall time: on a shared machine it is the figure to compare.
 * <pre>
 * java -Xmx2g -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.ParserBenchmark \
 *     ../shared/corpus/cablegate-site-2011-04-11.tar.xz [ROUNDS] [WARM-UP]
 * </pre>
 */
public final class ParserBenchmark {
    private ParserBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ParserBenchmark SOURCE [ROUNDS] [WARM-UP]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<SourceCable> cables = read(source);
        long chars = 0;
        for (SourceCable c : cables) {
            chars += c.header().length() + c.body().length();
        }
        CableParser parser = new CableParser();
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += round(parser, cables);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] seconds = new double[rounds];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            sink += round(parser, cables);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        double cpuPerRound = (os.getProcessCpuTime() - cpu0) / 1e9 / rounds;
        Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        System.out.printf("parsed %,d cables x %d rounds on one thread: median round %.3f s = %,.0f cables/s, %.1f MB/s"
                + " of text (best %,.0f cables/s); CPU %.3f s a round = %,.0f cables per CPU second [%d]%n",
                cables.size(), rounds, median, cables.size() / median, chars / median / 1e6,
                cables.size() / seconds[0], cpuPerRound, cables.size() / cpuPerRound, sink % 7);
    }

    private static List<SourceCable> read(Path source) throws IOException {
        List<SourceCable> cables = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Sources.read(source, new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                cables.add(cable);
            }

            @Override
            public void reject(Rejection rejection) {
                rejected.add(rejection);
            }
        });
        if (!rejected.isEmpty()) {
            System.err.printf("%s: %,d records rejected, the first: %s%n", source, rejected.size(), rejected.get(0));
        }
        return cables;
    }

    /** One round: every cable parsed; what it returns keeps the work from being optimised away. */
    private static long round(CableParser parser, List<SourceCable> cables) {
        long paragraphs = 0;
        for (SourceCable source : cables) {
            Cable c = parser.parse(source);
            paragraphs += c.paragraphs().size() + 1;
        }
        return paragraphs;
    }
}
