package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.cablegate.app.ProgressBar;
import org.cablegate.archive.release.Rebuilder;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.CableRecord;
import org.cablegate.archive.vault.ReleasePreview;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VaultException;
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

    @Option(names = "--changed", description = "Only the pending changes of public cables: new texts and changed "
            + "redactions (every release also publishes changed redactions).")
    boolean changed;

    @Option(names = "--due", description = "Make the scheduled releases whose time has come (for a cron job).")
    boolean due;

    @Option(names = "--dry-run", description = "Print what would be published, by origin, classification and year, "
            + "the cables public for the first time and those with redactions; write nothing.")
    boolean dryRun;

    @Option(names = "--keep-original-times", description = "Cables whose source carried a release time (site pages) keep it.")
    boolean keepOriginalTimes;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the release log (default: what was selected).")
    String name;

    @Option(names = "--at", paramLabel = "TIME", description = "Release time, YYYY-MM-DDTHH:MM UTC (default: now). "
            + "A time to come schedules the release: `cablegate serve` or `release --due` makes it then.")
    LocalDateTime at;

    @Option(names = "--rebuild", description = "Rebuild the public archive from the vault and its release log (a "
            + "damaged or lost public/): every release replayed into a new directory, then switched in. Restart "
            + "`cablegate serve` after it.")
    boolean rebuild;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rebuild) {
            if (selects() || at != null || dryRun || due) {
                throw new ParameterException(spec.commandLine(), "--rebuild rebuilds what the release log holds; it "
                        + "takes no selection, --at, --due or --dry-run");
            }
            try (Vault vault = Vault.open(data.existingVault())) {
                Rebuilder.Result r = Rebuilder.rebuild(vault, ReleaseListener.NONE);
                out.printf("rebuilt the public archive %s from the vault: %d releases replayed, release %d, %,d cables "
                        + "public%n", Releaser.publicDir(data.path()), r.releases(), r.lastRelease(), r.documents());
                out.flush();
                return ExitCode.OK;
            }
        }
        if (due) {
            if (selects() || at != null || dryRun) {
                throw new ParameterException(spec.commandLine(), "--due makes the scheduled releases; it takes no "
                        + "selection, --at or --dry-run");
            }
            try (Vault vault = Vault.open(data.existingVault()); Releaser releaser = Releaser.open(vault)) {
                releaser.recovery().ifPresent(err::println);
                List<ReleaseResult> made = releaser.releaseDue(LocalDateTime.now(ZoneOffset.UTC), listener(err));
                if (made.isEmpty()) {
                    out.println("no scheduled release is due");
                }
                for (ReleaseResult result : made) {
                    print(result, out);
                }
                out.flush();
                return made.isEmpty() ? ExitCode.OK : followed(out, err);
            }
        }
        Selection selection = selection();
        ReleaseRequest request = ReleaseRequest.of(name != null ? name : selection.describe(), selection);
        if (keepOriginalTimes) {
            request = request.keepingOriginalTimes();
        }
        if (at != null) {
            request = request.at(at);
        }
        try (Vault vault = Vault.open(data.existingVault())) {
            if (at != null) {
                checkTime(vault, selection);
            }
            if (selection.ids().isPresent()) {
                reportSkippedIds(vault, selection.ids().get(), err);
            }
            if (!dryRun && at != null && at.isAfter(LocalDateTime.now(ZoneOffset.UTC))) {
                var scheduled = vault.scheduled().add(request.name(), at.truncatedTo(ChronoUnit.MINUTES), selection,
                        keepOriginalTimes);
                out.printf("release scheduled for %s UTC (#%d \"%s\"): `cablegate serve` makes it then, or "
                        + "`cablegate release --due` from a cron job%n", scheduled.time(), scheduled.id(), scheduled.name());
                out.flush();
                return ExitCode.OK;
            }
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.recovery().ifPresent(err::println);
                if (dryRun) {
                    printPreview(releaser.preview(request), out);
                    return ExitCode.OK;
                }
                ReleaseResult result = run(releaser, request, err);
                if (result.release().isEmpty()) {
                    return nothingToRelease(vault, selection, out, err);
                }
                print(result, out);
                return followed(out, err);
            }
        }
    }

    /**
     * Says why a release published nothing. Nothing matched (a mistyped origin or tag: a usage error, exit 2), or what
     * matched is public already (exit 0). Issue 12: {@code --origin Nowhere} said "every selected cable is already
     * public".
     */
    private static int nothingToRelease(Vault vault, Selection selection, PrintWriter out, PrintWriter err)
            throws VaultException {
        if (!selection.selectsCables()) {
            out.println("nothing to release: no public cable has a new text or a changed redaction pending");
            out.flush();
            return ExitCode.OK;
        }
        long matching = vault.releaseLog().matching(selection);
        if (matching == 0) {
            err.println("cablegate: no cable of the vault matches " + selection.describe()
                    + "; nothing released (`cablegate status` lists the origins and tags of the vault)");
            err.flush();
            return ExitCode.USAGE;
        }
        boolean one = matching == 1;
        out.printf("nothing to release: the %,d %s %s %s %s public already, with no change pending%n", matching,
                one ? "cable" : "cables", one ? "that matches" : "that match", selection.describe(), one ? "is" : "are");
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The release, published to the clusters recorded for the data directory (issue 10). A cluster that could not
     * follow is exit code 1: the release is made and public here, and the cluster's readers keep the previous one.
     */
    private int followed(PrintWriter out, PrintWriter err) {
        return SearchTargets.follow(data.existing(), out, err) ? ExitCode.OK : ExitCode.SOME_REJECTED;
    }

    private boolean selects() {
        return all || ids != null || origin != null || tag != null || before != null || count != null || changed;
    }

    static void printPreview(ReleasePreview p, PrintWriter out) {
        out.printf("would publish %,d cables (nothing written)%n", p.count());
        tally("by change", p.byKind(), out);
        tally("by origin", p.byOrigin(), out);
        tally("by classification", p.byClassification(), out);
        tally("by year of creation", p.byYear(), out);
        out.printf("public for the first time: %,d%n", p.firstTime().size());
        for (String id : p.firstTime()) {
            out.println("  " + id);
        }
        out.printf("with redactions: %,d%n", p.withRedactions().size());
        for (String id : p.withRedactions()) {
            out.println("  " + id);
        }
        out.flush();
    }

    private static void tally(String title, Map<String, Long> counts, PrintWriter out) {
        out.println(title + ":");
        counts.forEach((k, v) -> out.printf("  %-40s %,8d%n", k, v));
    }

    /** A listener that shows warnings (a redaction that matches nothing) as they come. */
    static ReleaseListener listener(PrintWriter err) {
        return new ReleaseListener() {
            @Override
            public void warning(String message) {
                err.println("warning: " + message);
                err.flush();
            }
        };
    }

    /** Releases with a progress bar: shared with the demo. */
    static ReleaseResult run(Releaser releaser, ReleaseRequest request, PrintWriter err) throws Exception {
        ProgressBar bar = ProgressBar.onStderr(err, "releasing");
        ReleaseResult result = releaser.release(request, new ReleaseListener() {
            @Override
            public void indexed(long done, long total) {
                bar.updateCount(done, total);
            }

            @Override
            public void warning(String message) {
                err.println("warning: " + message);
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
            out.printf("release %d \"%s\" at %s: %,d %s published (%,d new, %,d changed, %,d withdrawn)%n", r.id(),
                    r.name(), r.time(), result.count(), result.count() == 1 ? "cable" : "cables", result.added(),
                    result.replaced(), result.withdrawn());
        }
        out.flush();
    }

    /** The ids of a file, one a line ({@code #} starts a comment), with errors that name the file. */
    private List<String> readIds(Path file) throws ParameterException {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--ids " + file + ": no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "--ids " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ParameterException(spec.commandLine(), "--ids " + file + " is not a text file of ids (one a "
                    + "line, UTF-8); it holds binary data");
        }
        List<String> list = new ArrayList<>();
        int line = 0;
        for (String l : text.split("\r?\n", -1)) {
            line++;
            String id = l.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            if (!id.matches("[A-Za-z0-9]+")) {
                throw new ParameterException(spec.commandLine(), "--ids " + file + " line " + line + ": '"
                        + Report.printable(id) + "' is not a cable id (letters and digits, e.g. 08MOSCOW1647)");
            }
            list.add(id);
        }
        return list;
    }

    /**
     * A release time given with {@code --at} must not come before the previous release's (the release log is in
     * publication order), nor before a listed cable was written. A time in the future is a scheduled release (issue 8),
     * not refused here. Validators follow the publication itself, whatever the time given (issue 12).
     */
    private void checkTime(Vault vault, Selection selection) throws Exception {
        List<ReleaseRecord> log = vault.releases();
        if (!log.isEmpty()) {
            LocalDateTime previous = log.get(log.size() - 1).time();
            if (at.isBefore(previous)) {
                throw new ParameterException(spec.commandLine(), "--at " + at + " is before the previous release ("
                        + "#" + log.get(log.size() - 1).id() + " at " + previous + "); releases are logged in the "
                        + "order they are published");
            }
        }
        if (selection.ids().isPresent()) {
            for (String id : selection.ids().get()) {
                Optional<CableRecord> cable = vault.cable(id);
                if (cable.isPresent() && at.isBefore(cable.get().created())) {
                    throw new ParameterException(spec.commandLine(), "--at " + at + " is before " + id
                            + " was created (" + cable.get().created() + "): a cable cannot be released before it exists");
                }
            }
        }
    }

    /** Names the listed ids the vault does not hold, instead of skipping them silently (issue 12). */
    private static void reportSkippedIds(Vault vault, java.util.Set<String> listed, PrintWriter err) throws Exception {
        List<String> unknown = new ArrayList<>();
        for (String id : new TreeSet<>(listed)) {
            if (vault.cable(id).isEmpty()) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            err.printf("skipped %,d listed id%s not in the vault: %s%n", unknown.size(), unknown.size() == 1 ? "" : "s",
                    String.join(" ", unknown.subList(0, Math.min(unknown.size(), 50)))
                            + (unknown.size() > 50 ? " …" : ""));
            err.flush();
        }
    }

    private Selection selection() throws Exception {
        if (!selects()) {
            throw new ParameterException(spec.commandLine(), "Say what to release: --all, --ids FILE, --origin X, "
                    + "--tag T, --before DATE, --count N, or --changed (or --due for the scheduled releases)");
        }
        Selection s = Selection.all();
        if (changed) {
            if (all || ids != null || origin != null || tag != null || before != null || count != null) {
                throw new ParameterException(spec.commandLine(), "--changed takes the pending changes only; it "
                        + "combines with no other selection");
            }
            return s.withChangesOnly();
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        if (ids != null) {
            s = s.withIds(readIds(ids));
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
