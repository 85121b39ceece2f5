package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.cablegate.app.ProgressBar;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate release}: publishes a batch of cables to the public archive in one atomic step. */
@Command(name = "release", mixinStandardHelpOptions = true, description = {"Publish a batch of cables to the public archive, atomically: readers see all "
        + "of it or none.", "Conditions combine: --origin 'Embassy Moscow' --count 50 takes the 50 oldest from Moscow."})
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Option(names = "--all", description = "Every cable with something to publish.")
    boolean all;

    @Option(names = "--ids", paramLabel = "FILE", description = "Cables whose ids are listed in FILE, one a line.")
    Path ids;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Cables from this origin, e.g. 'Embassy Moscow'.")
    String origin;

    @Option(names = "--tag", paramLabel = "TAG", description = "Cables carrying this tag, e.g. PREL.")
    String tag;

    @Option(names = "--before", paramLabel = "DATE", description = "Cables created before this day (YYYY-MM-DD).")
    LocalDate before;

    @Option(names = "--count", paramLabel = "N", description = "At most N cables, oldest created first.")
    Integer count;

    @Option(names = "--unreleased-only", description = "Skip new versions of cables already public.")
    boolean unreleasedOnly;

    @Option(names = "--keep-original-times", description = "Cables whose source carried a release time (site pages) keep it.")
    boolean keepOriginalTimes;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the release log (default: what was selected).")
    String name;

    @Option(names = "--at", paramLabel = "TIME", description = "Release time, YYYY-MM-DDTHH:MM UTC (default: now).")
    LocalDateTime at;

    @Override
    public Integer call() throws Exception {
        Selection selection = selection();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Vault vault = Vault.open(data.existingVault()); Releaser releaser = Releaser.open(vault)) {
            releaser.recovery().ifPresent(err::println);
            ReleaseRequest request = ReleaseRequest.of(name != null ? name : selection.describe(), selection);
            if (keepOriginalTimes) {
                request = request.keepingOriginalTimes();
            }
            if (at != null) {
                request = request.at(at);
            }
            ReleaseResult result = run(releaser, request, err);
            print(result, out);
            return ExitCode.OK;
        }
    }

    /** Releases with a progress bar: shared with the demo. */
    static ReleaseResult run(Releaser releaser, ReleaseRequest request, PrintWriter err) throws Exception {
        ProgressBar bar = ProgressBar.onStderr(err, "releasing");
        ReleaseResult result = releaser.release(request, new ReleaseListener() {
            @Override
            public void indexed(long done, long total) {
                bar.updateCount(done, total);
            }
        });
        bar.finish();
        return result;
    }

    static void print(ReleaseResult result, PrintWriter out) {
        if (result.release().isEmpty()) {
            out.println("nothing to release: every selected cable is already public");
        } else {
            var r = result.release().get();
            out.printf("release %d \"%s\" at %s: %,d cables published (%,d new, %,d new versions)%n", r.id(), r.name(),
                    r.time(), result.count(), result.added(), result.replaced());
        }
        out.flush();
    }

    private Selection selection() throws Exception {
        if (!all && ids == null && origin == null && tag == null && before == null && count == null) {
            throw new ParameterException(spec.commandLine(),
                    "Say what to release: --all, --ids FILE, --origin X, --tag T, --before DATE or --count N");
        }
        Selection s = Selection.all();
        if (ids != null) {
            List<String> list = Files.readAllLines(ids).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            s = s.withIds(list);
        }
        if (origin != null) {
            s = s.withOrigin(origin);
        }
        if (tag != null) {
            s = s.withTag(tag);
        }
        if (before != null) {
            s = s.withCreatedBefore(before);
        }
        if (count != null) {
            s = s.withLimit(count);
        }
        if (unreleasedOnly) {
            s = s.withUnreleasedOnly();
        }
        return s;
    }
}
