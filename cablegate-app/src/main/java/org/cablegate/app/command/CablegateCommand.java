package org.cablegate.app.command;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cablegate} command: one subcommand per thing a publisher or reader does. */
@Command(name = "cablegate", mixinStandardHelpOptions = true, version = "cablegate 0.1.0",
        description = "Publishes an archive of diplomatic cables: import, parse, release, search, serve.",
        subcommands = {DemoCommand.class, ImportCommand.class, ImportIdsCommand.class, ParseCommand.class,
                PublishCommand.class, ReleaseCommand.class, ReleasesCommand.class, RedactCommand.class,
                RedactionsCommand.class, UnredactCommand.class, WithdrawCommand.class, SearchCommand.class,
                ServeCommand.class, StatusCommand.class, GenerateCommand.class, ExportCommand.class, KeysCommand.class,
                VerifyCommand.class, ApplyCommand.class, MirrorCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class CablegateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with its error handling: failures print one clear line, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CablegateCommand());
        // --filter origin=…, --sort created_newest: enum names as a reader writes them.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = Damage.ofReadOnly(e).or(() -> Damage.ofDiskFull(e))
                    .orElse(e.getMessage() == null ? e.toString() : e.getMessage());
            err.println("cablegate: " + message);
            if (System.getenv("CABLEGATE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCode.FAILED;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("cablegate: " + e.getMessage());
            c.usage(c.getErr());
            return ExitCode.USAGE;
        });
        return cli;
    }
}
