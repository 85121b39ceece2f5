package org.cablegate.app.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate redactions}: the redactions in the vault, with who made them, when and why. */
@Command(name = "redactions", mixinStandardHelpOptions = true,
        description = "List the redactions (of one cable, or all): number, cable, rule, who, when, why.")
final class RedactionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Only this cable's redactions.")
    String id;

    @Option(names = "--all", description = "Removed redactions too.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Vault vault = Vault.open(data.existingVault())) {
            List<Redaction> list = id != null ? vault.redactions().of(id) : vault.redactions().all();
            out.printf("%5s  %-20s  %-28s  %-12s  %-20s  %s%n", "#", "cable", "rule", "by", "when (UTC)", "why");
            int shown = 0;
            for (Redaction r : list) {
                if (!all && !r.active()) {
                    continue;
                }
                String rule = r.kind() + (r.value().isEmpty() ? "" : " " + r.value());
                out.printf("%5d  %-20s  %-28s  %-12s  %-20s  %s%s%n", r.id(), r.cableId(), shorten(rule, 28),
                        shorten(r.madeBy(), 12), r.madeAt(), r.reason(),
                        r.removedAt().map(t -> " (removed " + t + " by " + r.removedBy().orElse("?") + ")").orElse(""));
                shown++;
            }
            out.printf("%,d redactions%n", shown);
            out.flush();
            return ExitCode.OK;
        }
    }

    private static String shorten(String s, int width) {
        String line = s.replace('\n', ' ');
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
