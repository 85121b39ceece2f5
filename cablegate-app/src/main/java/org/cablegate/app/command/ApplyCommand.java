package org.cablegate.app.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cablegate.web.mirror.Applier;
import org.cablegate.web.mirror.PublisherKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cablegate apply DELTA DIR --key FILE}: moves a mirror to the next release, or refuses and changes nothing. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Check a delta whole, then apply it to the mirror DIR atomically; a refused delta changes nothing.",
        footer = {"", "Exit codes as for verify."})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DELTA", description = "The delta (.tar.gz) from export --delta-to.")
    Path delta;

    @Parameters(index = "1", paramLabel = "DIR", description = "The mirror at the delta's base release.")
    Path dir;

    @Mixin
    VerifyCommand.KeyOptions keys;

    @Override
    public Integer call() throws Exception {
        var r = Applier.apply(delta, dir, PublisherKey.read(keys.key), keys.state(), keys.now());
        return VerifyCommand.report(r, dir.toString(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
