package org.cablegate.app.command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.cablegate.sample.BundledSample;
import org.cablegate.app.generate.CorpusGenerator;
import org.cablegate.core.ids.IdMonth;
import org.cablegate.core.ids.IdMonthFile;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.write.CablesCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate generate}: writes a full-scale {@code cables.csv} for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a full-scale cables.csv built from real cables, for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "251287", description = "How many cables (default: the whole set, ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (.gz to compress).")
    Path out;

    @Option(names = "--seed", defaultValue = "2010", description = "Random seed; the same seed gives the same file. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--from", paramLabel = "SOURCE", description = "Real cables to build from (default: the bundled sample).")
    Path from;

    @Option(names = "--ids", paramLabel = "FILE", description = "REFID,month list of the whole set (default: the bundled one).")
    Path ids;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<SourceCable> seedCables = new ArrayList<>();
        Sources.read(from != null ? from : BundledSample.CABLES_CSV.path(), new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                seedCables.add(cable);
            }

            @Override
            public void reject(Rejection rejection) {
                err.println("skipped seed cable " + rejection);
            }
        });
        List<IdMonth> all = new ArrayList<>();
        for (String problem : IdMonthFile.read(ids != null ? ids : BundledSample.ALL_IDS.path(), all::add)) {
            err.println("skipped id " + problem);
        }
        List<IdMonth> chosen = CorpusGenerator.evenlySpaced(all, count);
        long started = System.nanoTime();
        try (var file = Files.newOutputStream(out);
                var stream = out.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
                CablesCsvWriter writer = new CablesCsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20))) {
            new CorpusGenerator(seedCables, seed).generate(chosen, writer);
        }
        err.printf("wrote %,d cables built from %,d real ones to %s (%,d bytes) in %.1f s%n", chosen.size(),
                seedCables.size(), out, Files.size(out), (System.nanoTime() - started) / 1e9);
        return ExitCode.OK;
    }
}
