package org.cablegate.archive.crash;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;

/**
 * Releases everything in a child JVM and says each step: {@code ReleaseMain DATA_DIR TIME [pause]}. With {@code pause}
 * it waits after the index commit, before the vault marks the release done, so that a test can kill it right there.
 */
public final class ReleaseMain {
    private ReleaseMain() {}

    public static void main(String[] args) throws Exception {
        try (Vault vault = Vault.open(Path.of(args[0])); Releaser releaser = Releaser.open(vault)) {
            System.out.println("opened " + releaser.recovery().orElse(""));
            releaser.release(ReleaseRequest.of("all", Selection.all()).at(LocalDateTime.parse(args[1])),
                    new ReleaseListener() {
                        @Override
                        public void selected(ReleaseRecord release) {
                            System.out.println("selected " + release.count());
                        }

                        @Override
                        public void indexed(long done, long total) {
                            System.out.println("indexed " + done);
                        }

                        @Override
                        public void published(ReleaseRecord release) {
                            System.out.println("published " + release.id());
                            if (args.length > 2) {
                                try {
                                    Thread.sleep(60_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }
                    });
            System.out.println("done");
        }
    }
}
