package org.cablegate.app.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.ScheduledReleases;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate releases}: the release log. */
@Command(name = "releases", mixinStandardHelpOptions = true, description = "List the release log, oldest first.")
final class ReleasesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Override
    public Integer call() throws Exception {
        try (Vault vault = Vault.open(data.existingVault())) {
            print(vault, spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    static void print(Vault vault, PrintWriter out) throws Exception {
        out.printf("%4s  %-16s  %8s  %8s  %8s  %9s  %-9s  %s%n", "#", "time (UTC)", "cables", "new", "changed",
                "withdrawn", "state", "name");
        for (ReleaseRecord r : vault.releases()) {
            out.printf("%4d  %-16s  %,8d  %,8d  %,8d  %,9d  %-9s  %s%s%n", r.id(), r.time(), r.count(), r.added(),
                    r.changed(), r.withdrawn(), r.state().name().toLowerCase(), r.name(),
                    r.keepOriginalTimes() ? " (original times kept)" : "");
        }
        for (ScheduledReleases.Scheduled s : vault.scheduled().all()) {
            if (s.state() == ScheduledReleases.Scheduled.State.SCHEDULED) {
                out.printf("%4s  %-16s  %8s  %8s  %8s  %9s  %-9s  %s (%s)%n", "-", s.time(), "", "", "", "",
                        "scheduled", s.name(), s.selection().describe());
            }
        }
        out.flush();
    }
}
