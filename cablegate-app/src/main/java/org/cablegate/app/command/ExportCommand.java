package org.cablegate.app.command;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.mirror.Delta;
import org.cablegate.web.mirror.Exporter;
import org.cablegate.web.mirror.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cablegate export DIR}: the public site as files, signed, for mirrors; with {@code --since N --delta-to FILE}
 * also the delta from DIR's export of release N to the new one.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the public site as files into DIR (built beside it, switched in atomically), with a signed MANIFEST.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(paramLabel = "DIR", description = "The export directory (a link to the current tree).")
    Path dir;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Where readers reach the publisher's site: feeds and sitemaps name it, search goes there "
                    + "(default: ${DEFAULT-VALUE}).")
    URI baseUrl;

    @Option(names = "--valid-days", paramLabel = "DAYS", defaultValue = "30",
            description = "The manifest is valid for DAYS from the start of today, UTC (default: ${DEFAULT-VALUE}).")
    int validDays;

    @Option(names = "--valid-until", paramLabel = "TIME",
            description = "The manifest is valid until TIME (2011-06-01T00:00:00Z), instead of --valid-days.")
    Instant validUntil;

    @Option(names = "--extra-paths", paramLabel = "FILE",
            description = "URL paths the crawl cannot find from links, one a line (the pages of withdrawn cables).")
    Path extraPaths;

    @Option(names = "--fresh", description = "Write every file anew; by default a file with the same bytes as in the "
            + "export DIR holds is hard-linked from it (with its .gz).")
    boolean fresh;

    @Option(names = "--since", paramLabel = "RELEASE", description = "The release DIR holds now: the delta starts there.")
    Long since;

    @Option(names = "--delta-to", paramLabel = "FILE", description = "Write the delta from --since to the new export.")
    Path deltaTo;

    @Override
    public Integer call() throws Exception {
        if ((since == null) != (deltaTo == null)) {
            throw new ParameterException(spec.commandLine(), "--since and --delta-to go together");
        }
        PrintWriter out = spec.commandLine().getOut();
        byte[] old = null;
        if (since != null) {
            Path current = dir.resolve(Manifest.FILE);
            if (!Files.isRegularFile(current)) {
                throw new IllegalStateException(dir + " holds no export (no MANIFEST): a delta needs the export of release "
                        + since);
            }
            old = Files.readAllBytes(current);
            long held = Manifest.parse(old, current.toString()).release();
            if (held != since) {
                throw new IllegalStateException(dir + " holds the export of release " + held + ", not " + since);
            }
        }
        Exporter.Options options = Exporter.Options.of(baseUrl, validDays).withFresh(fresh);
        if (validUntil != null) {
            options = options.withValidUntil(validUntil);
        }
        if (extraPaths != null) {
            List<String> paths = Files.readAllLines(extraPaths).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .toList();
            options = options.withExtraPaths(paths);
        }
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data.existing()))) {
            Exporter.Result r = Exporter.export(archive, data.existing(), dir, options);
            for (String w : r.warnings()) {
                spec.commandLine().getErr().println("cablegate: " + w);
            }
            out.printf("exported release %d: %,d files, %,d bytes, into %s%n", r.manifest().release(),
                    r.manifest().files().size(), r.bytes(), dir);
            if (r.linked() > 0) {
                out.printf("%,d pages and data files (and their .gz) were the same bytes as in the previous export: "
                        + "linked, not written%n", r.linked());
            }
            if (r.keptCables() > 0) {
                out.printf("%,d cables none of whose inputs changed: their files kept, not rendered again%n",
                        r.keptCables());
            }
            out.printf("manifest %s, valid until %s%n", r.manifestSha256(), r.manifest().validUntil());
            if (deltaTo != null) {
                int carried = Delta.write(old, dir, deltaTo);
                out.printf("delta from release %d: %,d files changed or added, %,d bytes, in %s%n", since, carried,
                        Files.size(deltaTo), deltaTo);
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
