package org.cablegate.app.command;

import java.util.concurrent.Callable;
import org.cablegate.web.mirror.PublisherKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cablegate keys init|show}: the publisher's Ed25519 key pair, kept in the data directory. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The publisher's signing key.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Make the key pair in the data directory (keys/); the private key never leaves it.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirectory data;

        @Override
        public Integer call() throws Exception {
            String key = PublisherKey.init(data.existing());
            spec.commandLine().getOut().println(key);
            spec.commandLine().getErr().println("cablegate: made the publisher key in "
                    + PublisherKey.privateFile(data.existing()).getParent() + "; publish the line above (keys show)");
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the public key, as verify --key reads it and /publisher-key.txt serves it.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirectory data;

        @Override
        public Integer call() throws Exception {
            String key = PublisherKey.show(data.existing()).orElseThrow(() -> new IllegalStateException(
                    "no publisher key in " + data.existing() + " (make one with: cablegate keys init)"));
            spec.commandLine().getOut().println(key);
            return ExitCode.OK;
        }
    }
}
