package org.cablegate.app.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.cablegate.app.ProgressBar;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchUnavailableException;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.OpenSearchTarget;
import org.cablegate.opensearch.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate publish --to opensearch://host:port[/index]}: the public archive's current release to a cluster. */
@Command(name = "publish", mixinStandardHelpOptions = true, description = {
        "Publish the public archive's current release to an OpenSearch cluster, for `serve --search`.",
        "Indexes every released cable into a new index of the release, then moves the alias readers search to it in "
                + "one step. Safe to rerun after a crash: it goes on where it stopped."})
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Option(names = "--to", required = true, paramLabel = "opensearch://HOST:PORT[/INDEX]",
            description = "The cluster, and the alias readers search (default: cables).")
    String to;

    @Option(names = "--replicas", defaultValue = "1", description = "Copies of the index besides the primary (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OpenSearchTarget target;
        try {
            target = OpenSearchTarget.parse(to);
        } catch (IllegalArgumentException e) {
            err.println("cablegate: --to: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        if (replicas < 0) {
            err.println("cablegate: --replicas must not be negative: " + replicas);
            err.flush();
            return ExitCode.USAGE;
        }
        // Bulk requests of several megabytes to a busy cluster: a minute before one counts as lost.
        OpenSearchClient client = new OpenSearchClient(target.http(), Duration.ofSeconds(60));
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data.existing()))) {
            ProgressBar bar = ProgressBar.onStderr(err, "publishing");
            Publisher.Result result = new Publisher(client, target.index(), replicas).publish(archive, bar::updateCount);
            bar.finish();
            if (result.alreadyCurrent()) {
                out.printf("release %d is already published as %s (%s)%n", result.release(), target.index(),
                        result.index());
            } else {
                out.printf("published release %d: %,d cables into %s, alias %s moved to it%s%n", result.release(),
                        result.cables(), result.index(), target.index(), result.resumed() ? " (resumed)" : "");
            }
            out.flush();
            return ExitCode.OK;
        } catch (SearchUnavailableException e) {
            err.println("cablegate: " + e.getMessage() + "; nothing was published to readers (run again to go on)");
            err.flush();
            return ExitCode.FAILED;
        }
    }
}
