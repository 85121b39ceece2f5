package org.cablegate.archive.crash;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;

/**
 * Runs one step of the publisher's desk in a child JVM and says each moment of it, so that a test can kill it there:
 * {@code DeskMain DATA_DIR TIME changes [pause]} publishes the pending changes (redactions),
 * {@code DeskMain DATA_DIR TIME withdraw ID,ID,... [pause]} withdraws cables. With {@code pause} it waits after the
 * index commit, before the vault marks the release done.
 */
public final class DeskMain {
    private DeskMain() {}

    public static void main(String[] args) throws Exception {
        LocalDateTime time = LocalDateTime.parse(args[1]);
        boolean pause = args.length > 3 && args[3].equals("pause") || args.length > 4 && args[4].equals("pause");
        ReleaseListener listener = new ReleaseListener() {
            @Override
            public void selected(ReleaseRecord release) {
                System.out.println("selected " + release.count());
            }

            @Override
            public void expunging() {
                System.out.println("expunging");
            }

            @Override
            public void published(ReleaseRecord release) {
                System.out.println("published " + release.id());
                if (pause) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (Vault vault = Vault.open(Path.of(args[0])); Releaser releaser = Releaser.open(vault)) {
            System.out.println("opened " + releaser.recovery().orElse(""));
            if (args[2].equals("changes")) {
                releaser.release(ReleaseRequest.of("changes", Selection.all().withChangesOnly()).at(time), listener);
            } else {
                releaser.withdraw(Set.of(args[3].split(",")), "crash test", Optional.of(time), listener);
            }
            System.out.println("done");
        }
    }
}
