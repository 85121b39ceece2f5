package org.cablegate.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cablegate.archive.ArchiveStatus;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate status}: how far publishing has come. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the vault holds and how much of the whole set is released.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Override
    public Integer call() throws Exception {
        Path dir = data.existingVault();
        try (Vault vault = Vault.open(dir); PublicArchive archive = PublicArchive.open(Releaser.publicDir(dir))) {
            print(ArchiveStatus.read(vault, archive), spec.commandLine().getOut());
            return ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            throw Damage.explain(dir, e);
        }
    }

    static void print(ArchiveStatus status, PrintWriter out) {
        out.println(status.releasedLine());
        out.printf("vault: %,d cables (%,d versions); %,d ids known of the whole set%n", status.vault().cables(),
                status.vault().versions(), status.vault().knownIds());
        status.lastRelease().ifPresent(r -> out.printf("last release: #%d \"%s\" at %s, %,d cables%n", r.id(), r.name(),
                r.time(), r.count()));
        status.vault().pending().ifPresent(r -> out.printf("interrupted release: #%d \"%s\" — run any release command "
                + "to finish or roll it back%n", r.id(), r.name()));
        out.flush();
    }
}
