package org.cablegate.app.command;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.cablegate.web.mirror.MirrorSync;
import org.cablegate.web.mirror.PublisherKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cablegate mirror URL DIR --key FILE}: makes or updates a mirror over HTTP; resumable after a kill. */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = "Bring the mirror DIR to the newest export published at URL (a cablegate server or another "
                + "mirror), downloading only what changed, verified, switched in atomically.",
        footer = {"", "Exit codes as for verify; 3 also when a download failed after its retries (run again to resume)."})
final class MirrorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "http://server/ (its /export/) or a mirror's root.")
    URI url;

    @Parameters(index = "1", paramLabel = "DIR", description = "The mirror directory.")
    Path dir;

    @Mixin
    VerifyCommand.KeyOptions keys;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "4",
            description = "Tries per file before giving up (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] n = {0};
        MirrorSync.Result r = new MirrorSync(attempts, Duration.ofMillis(500)).sync(url, dir, PublisherKey.read(keys.key),
                keys.state(), keys.now(), (path, bytes) -> {
                    if (++n[0] % 1000 == 0) {
                        out.printf("downloaded %,d files%n", n[0]);
                        out.flush();
                    }
                });
        if (r.report().ok()) {
            if (r.current()) {
                out.printf("already current%n");
            } else if (r.deltas() > 0 && r.downloaded() == 0) {
                out.printf("applied %,d deltas%n", r.deltas());
            } else {
                out.printf("downloaded %,d files, kept %,d%s%n", r.downloaded(), r.kept(),
                        r.deltas() > 0 ? " after " + r.deltas() + " deltas" : "");
            }
        }
        return VerifyCommand.report(r.report(), dir.toString(), out, spec.commandLine().getErr());
    }
}
