package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cablegate.app.ProgressBar;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportSummary;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.read.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate import SOURCE...}: reads, parses and keeps cables in the vault. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {"Import cables into the vault: cables.csv(.gz), site pages (a directory, "
        + ".tar, .tar.xz, .zip, .7z), or plain-text cables.",
        "Importing the same text again changes nothing; changed text adds a version. Safe to rerun after a crash."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Files or directories to import.")
    List<Path> sources;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (Vault vault = Vault.open(data.forImport(sources))) {
            ImportSummary summary = run(vault, sources, spec.commandLine().getOut(), err);
            return summary.rejected().isEmpty() ? ExitCode.OK : ExitCode.SOME_REJECTED;
        }
    }

    /** Imports with a progress bar, then prints the summary: shared with the demo. */
    static ImportSummary run(Vault vault, List<Path> sources, PrintWriter out, PrintWriter err) throws Exception {
        ProgressBar bar = ProgressBar.onStderr(err, "importing");
        ImportSummary summary = new Importer(vault).run(sources, new ImportListener() {
            @Override
            public void progress(Path source, long bytesRead, long bytesTotal, long records) {
                bar.update(bytesRead, bytesTotal, records);
            }

            @Override
            public void rejected(Rejection rejection) {
                // Reported at the end, with the summary: mid-bar lines would be overwritten.
            }
        });
        bar.finish();
        out.printf("read %,d, imported %,d, unchanged %,d, new versions %,d, rejected %,d%n", summary.read(),
                summary.imported(), summary.unchanged(), summary.newVersions(), summary.rejected().size());
        Report.capped("rejected ", summary.rejected().stream().map(Rejection::toString).toList(), err);
        if (!summary.unknownStations().isEmpty()) {
            // Places outside the station table (every station of the 251,287 ids): cited, but resolved to no id.
            out.printf("REF lines cite %,d unknown stations (no id given): %s%n", summary.unknownStations().size(),
                    summary.unknownStations().entrySet().stream().limit(20)
                            .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                            + (summary.unknownStations().size() > 20 ? ", ..." : ""));
        }
        out.flush();
        err.flush();
        return summary;
    }
}
