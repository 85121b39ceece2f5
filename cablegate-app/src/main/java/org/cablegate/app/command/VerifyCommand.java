package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cablegate.web.mirror.Problem;
import org.cablegate.web.mirror.PublisherKey;
import org.cablegate.web.mirror.Trust;
import org.cablegate.web.mirror.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cablegate verify DIR|DELTA --key FILE}: is this mirror (or delta) the publisher's, whole and current? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a mirror directory or a delta against its signed MANIFEST and the publisher's key.",
        footer = {"", "Exit codes: 0 verified; 3 unreadable; 4 files missing, changed or extra; "
                + "5 manifest refused (rollback, expired, broken chain); 6 not signed by the key."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR|DELTA", description = "A mirror directory, or a delta (.tar.gz).")
    Path target;

    @Mixin
    KeyOptions keys;

    @Override
    public Integer call() throws Exception {
        PublicKey key = PublisherKey.read(keys.key);
        Path state = keys.state();
        Verifier.Report r = Files.isDirectory(target)
                ? Verifier.verifyDirectory(target, key, state, keys.now())
                : Verifier.verifyDelta(target, key, state, keys.now());
        return report(r, target.toString(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Prints a report the same way for verify, apply and mirror; returns its exit code. */
    static int report(Verifier.Report r, String what, PrintWriter out, PrintWriter err) {
        for (Problem p : r.problems()) {
            err.println(p);
        }
        if (r.ok()) {
            r.manifest().ifPresent(m -> out.printf("verified: %s is release %d of %s (%,d files), valid until %s%n",
                    what, m.release(), m.baseUrl(), m.files().size(), m.validUntil()));
        } else {
            err.printf("NOT verified: %s, %d problem%s%n", what, r.problems().size(), r.problems().size() == 1 ? "" : "s");
        }
        out.println("state: " + r.stateFile());
        out.flush();
        err.flush();
        return r.exitCode();
    }

    /** --key, --state, --at: what verify, apply and mirror share. */
    static final class KeyOptions {
        @Option(names = "--key", paramLabel = "FILE", required = true,
                description = "The publisher's public key, as cablegate keys show prints it (/publisher-key.txt).")
        Path key;

        @Option(names = "--state", paramLabel = "FILE",
                description = "Where the last verified manifest of each key is kept (default: ~/.config/cablegate/verified).")
        Path state;

        @Option(names = "--at", paramLabel = "TIME", hidden = true, description = "Check as of TIME instead of now.")
        Instant at;

        Path state() {
            return state == null ? Trust.defaultStateFile() : state;
        }

        Instant now() {
            return at == null ? Instant.now() : at;
        }
    }
}
