package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Vault;

/**
 * Makes the scheduled releases of a data directory when they are due, while {@code cablegate serve} runs: the
 * publisher schedules with {@code release --at}, and the server publishes without anyone at the keyboard. Only the
 * serving process's own data directory, and only when it has a vault (a server of a copied public archive has none).
 * A release made by hand at the same moment holds the index's lock; the check then waits for the next round.
 */
final class DueReleases implements AutoCloseable {
    /** How often the vault is asked: a release is made within this long of its time. */
    static final long EVERY_SECONDS = 30;

    private final ScheduledExecutorService timer;

    private DueReleases(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static DueReleases start(Path dataDir, PrintWriter out) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cablegate-due-releases");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> makeDue(dataDir, out), 0, EVERY_SECONDS, TimeUnit.SECONDS);
        return new DueReleases(timer);
    }

    /** One round: makes whatever is due; a failure is reported and tried again next round. */
    static void makeDue(Path dataDir, PrintWriter out) {
        if (!Files.exists(dataDir.resolve(Vault.FILE_NAME))) {
            return;
        }
        try (Vault vault = Vault.open(dataDir)) {
            if (vault.scheduled().due(LocalDateTime.now(ZoneOffset.UTC)).isEmpty()) {
                return;
            }
            boolean made = false;
            try (Releaser releaser = Releaser.open(vault)) {
                for (ReleaseResult r : releaser.releaseDue(LocalDateTime.now(ZoneOffset.UTC), ReleaseCommand.listener(out))) {
                    ReleaseCommand.print(r, out);
                    made = true;
                }
            }
            if (made) {
                // The clusters recorded follow (issue 10); a failure is reported and retried by the next release.
                SearchTargets.follow(dataDir, out, out);
            }
        } catch (Exception e) {
            java.util.Optional<String> damage = Damage.ofVault(dataDir, e);
            if (damage.isPresent()) {
                out.println("cablegate: no scheduled release can be made: " + damage.get());
                out.flush();
                return;
            }
            out.println("cablegate: a scheduled release could not be made now (" + e.getMessage() + "); trying again in "
                    + EVERY_SECONDS + " s");
            out.flush();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
