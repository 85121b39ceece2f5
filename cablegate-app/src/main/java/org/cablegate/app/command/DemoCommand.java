package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cablegate.sample.BundledSample;
import org.cablegate.archive.ArchiveStatus;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate demo}: the whole pipeline on the bundled sample, narrated. Running it again shows idempotence:
 * every import finds everything unchanged and the release has nothing left to publish.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Import the bundled sample of real cables, release it, show the result, and serve the site.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "cablegate-demo",
            description = "Data directory for the demo (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--no-serve", description = "End after the search instead of serving the site (for scripts and tests).")
    boolean noServe;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the site the demo ends by serving (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("== cablegate demo, data directory " + dataDir.toAbsolutePath());
        try (Vault vault = Vault.open(DataDirectory.forImport(dataDir, List.of()))) {
            out.println();
            out.println("== 1. The ids of the whole set (251,287 cables), known before their text");
            ImportIdsCommand.run(vault, BundledSample.ALL_IDS.path(), out, err);

            out.println();
            out.println("== 2. Import 186 real cables from cables.csv of the 2011 full release");
            out.flush();
            ImportCommand.run(vault, List.of(BundledSample.CABLES_CSV.path()), out, err);

            out.println();
            out.println("== 3. The same cables as pages of the original site (a .tar.xz read in place): the same text,");
            out.println("      plus the times the site released them; where the CSV lost text, the page adds a version");
            out.flush();
            ImportCommand.run(vault, List.of(BundledSample.SITE_PAGES.path()), out, err);

            out.println();
            out.println("== 4. Release them all, keeping the release times the original site gave them");
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.recovery().ifPresent(out::println);
                ReleaseCommand.print(ReleaseCommand.run(releaser,
                        ReleaseRequest.of("demo: the bundled sample", Selection.all()).keepingOriginalTimes(), err), out);
            }
            ReleasesCommand.print(vault, out);

            try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dataDir))) {
                out.println();
                out.println("== 5. Status");
                StatusCommand.print(ArchiveStatus.read(vault, archive), out);

                out.println();
                out.println("== 6. Search the public archive");
                for (String q : List.of("counterterrorism AND russia", "subject:nuclear", "tag:PREL AND created:[2009 TO 2010]")) {
                    SearchCommand.print(archive.search(SearchRequest.of(q).withLimit(3).withFacets(3)), q, out);
                }
            }
        }
        out.println();
        out.println("Try: ./cablegate search --data " + dataDir + " 'origin:\"Embassy Moscow\"'");
        if (noServe) {
            out.println("     ./cablegate serve --data " + dataDir);
            out.flush();
            return ExitCode.OK;
        }
        out.println();
        out.println("== 7. The public site, from the public archive only");
        out.flush();
        ServeCommand.serve(dataDir, ServeCommand.options("127.0.0.1", port, null), Optional.empty(), out);
        return ExitCode.OK;
    }
}
