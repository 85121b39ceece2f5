package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cablegate.archive.vault.IdsImport;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate import-ids FILE}: the ids of the whole set, known before their text. */
@Command(name = "import-ids", mixinStandardHelpOptions = true, description = "Load the ids of the whole set (REFID,month lines, e.g. cable2month.csv.gz): "
        + "the denominator of the release counter.")
final class ImportIdsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Parameters(paramLabel = "FILE", description = "REFID,month list, plain or .gz.")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (Vault vault = Vault.open(data.forImport(List.of(file)))) {
            return run(vault, file, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    static int run(Vault vault, Path file, PrintWriter out, PrintWriter err) throws Exception {
        IdsImport result = vault.importIds(file);
        out.printf("ids read %,d, new %,d, rejected %,d; the whole set now counts %,d cables%n", result.read(),
                result.added(), result.problems().size(), vault.status().total());
        Report.capped("rejected ", result.problems(), err);
        out.flush();
        err.flush();
        return result.problems().isEmpty() ? ExitCode.OK : ExitCode.SOME_REJECTED;
    }
}
