package org.cablegate.app.command;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.CableRecord;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate withdraw}: takes public cables out of the public archive in one atomic step, logged as a release.
 * Their URLs then answer 410; {@code cablegate release --ids} brings them back.
 */
@Command(name = "withdraw", mixinStandardHelpOptions = true, description = {
    "Withdraw public cables in one atomic step: their pages answer 410, and nothing of their text stays public.",
    "`cablegate release --ids FILE` brings them back."})
final class WithdrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "The cables to withdraw.")
    List<String> ids;

    @Option(names = "--reason", paramLabel = "WHY", required = true,
            description = "Why (kept in the vault's release log, never published).")
    String reason;

    @Option(names = "--at", paramLabel = "TIME", description = "The withdrawal's time, YYYY-MM-DDTHH:MM UTC (default: now).")
    LocalDateTime at;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> wanted = new LinkedHashSet<>(ids);
        try (Vault vault = Vault.open(data.existingVault()); Releaser releaser = Releaser.open(vault)) {
            releaser.recovery().ifPresent(err::println);
            for (String id : wanted) {
                Optional<CableRecord> c = vault.cable(id);
                if (c.isEmpty() || c.get().publishedVersion().isEmpty()) {
                    err.println("cablegate: " + id + " is not public; it is left alone");
                }
            }
            ReleaseResult result = releaser.withdraw(wanted, reason, Optional.ofNullable(at),
                    ReleaseCommand.listener(err));
            if (result.release().isEmpty()) {
                err.println("cablegate: none of the cables named is public: nothing was withdrawn");
                err.flush();
                return ExitCode.FAILED;
            }
            var r = result.release().get();
            out.printf("release %d at %s: %,d %s withdrawn%n", r.id(), r.time(), result.withdrawn(),
                    result.withdrawn() == 1 ? "cable" : "cables");
            out.flush();
        }
        // After the vault is closed: the withdrawal leaves the clusters too (issue 10); see ReleaseCommand.followed.
        return SearchTargets.follow(data.existing(), out, err) ? ExitCode.OK : ExitCode.SOME_REJECTED;
    }
}
