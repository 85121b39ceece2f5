package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchUnavailableException;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate publish --to opensearch://host:port[/index]}: the public archive's current release to a cluster. The
 * cluster is recorded in the data directory ({@link SearchTargets}): from then on every release follows it there, and
 * {@code cablegate publish} without {@code --to} publishes to every cluster recorded (after a failed follow).
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = {
        "Publish the public archive's current release to an OpenSearch cluster, for `serve --search`.",
        "Indexes every released cable into a new index of the release, then moves the alias readers search to it in "
                + "one step. Safe to rerun after a crash: it goes on where it stopped.",
        "The cluster is recorded in the data directory: every later release, withdrawal and redaction re-publish is "
                + "published to it too. Without --to, publishes to the clusters recorded."})
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Option(names = "--to", paramLabel = "opensearch://HOST:PORT[/INDEX]",
            description = "The cluster, and the alias readers search (default: cables). Default: the clusters recorded.")
    String to;

    @Option(names = "--replicas", defaultValue = "1", description = "Copies of the index besides the primary (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replicas < 0) {
            err.println("cablegate: --replicas must not be negative: " + replicas);
            err.flush();
            return ExitCode.USAGE;
        }
        // The address is checked before the data directory: a mistyped --to is told as such wherever it is run.
        Optional<SearchTargets.Target> named = Optional.empty();
        if (to != null) {
            try {
                named = Optional.of(new SearchTargets.Target(OpenSearchTarget.parse(to), replicas));
            } catch (IllegalArgumentException e) {
                err.println("cablegate: --to: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
        }
        Path dir = data.existing();
        List<SearchTargets.Target> targets;
        if (named.isEmpty()) {
            targets = SearchTargets.read(dir);
            if (targets.isEmpty()) {
                err.println("cablegate: no cluster is recorded for " + dir.toAbsolutePath()
                        + "; name one with --to opensearch://HOST:PORT[/INDEX]");
                err.flush();
                return ExitCode.USAGE;
            }
        } else {
            targets = List.of(named.get());
            // Recorded first: a first publish that fails is retried by the next release, as a later one would be.
            SearchTargets.record(dir, targets.get(0));
        }
        int exit = ExitCode.OK;
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dir))) {
            for (SearchTargets.Target target : targets) {
                try {
                    SearchTargets.report(SearchTargets.publish(archive, target, err), target, out);
                } catch (SearchUnavailableException e) {
                    err.println("cablegate: " + e.getMessage() + "; nothing was published to readers (run again to go on)");
                    err.flush();
                    exit = ExitCode.FAILED;
                }
            }
        }
        return exit;
    }
}
