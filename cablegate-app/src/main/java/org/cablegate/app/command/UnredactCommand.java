package org.cablegate.app.command;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate unredact N}: lifts a redaction; the next release publishes the cable with the words back. */
@Command(name = "unredact", mixinStandardHelpOptions = true,
        description = "Remove redaction N (see `cablegate redactions`); the next release publishes the words again.")
final class UnredactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(index = "0", paramLabel = "N", description = "The redaction's number.")
    long number;

    @Option(names = "--by", paramLabel = "NAME", description = "Who removes it (default: the user running the command).")
    String by;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Vault vault = Vault.open(data.existingVault())) {
            Optional<Redaction> removed = new RedactionDesk(vault).unredact(number,
                    by != null ? by : System.getProperty("user.name", "unknown"), Instant.now());
            if (removed.isEmpty()) {
                spec.commandLine().getErr().println("cablegate: there is no redaction " + number + " in force");
                spec.commandLine().getErr().flush();
                return ExitCode.FAILED;
            }
            out.printf("redaction %d on %s removed; the next release publishes it%n", number, removed.get().cableId());
            out.flush();
            return ExitCode.OK;
        }
    }
}
