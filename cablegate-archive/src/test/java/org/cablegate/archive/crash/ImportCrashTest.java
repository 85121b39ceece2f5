package org.cablegate.archive.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportOptions;
import org.cablegate.archive.vault.ImportSummary;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with SIGKILL at random moments, then run again to the end, must leave the vault exactly as an
 * import that was never interrupted: the same {@link Vault#digest()}.
 */
class ImportCrashTest {
    static final int RECORDS_PER_TRANSACTION = 500;

    @TempDir
    Path dir;

    @Test
    void anImportKilledAtRandomMomentsAndRunAgainEndsAsIfNeverInterrupted() throws Exception {
        Path source = CrashSources.source(dir);
        ImportOptions options = ImportOptions.defaults().withRecordsPerTransaction(RECORDS_PER_TRANSACTION);
        String expected;
        long records;
        try (Vault reference = Vault.open(dir.resolve("reference"))) {
            ImportSummary summary = new Importer(reference, options).run(List.of(source), ImportListener.NONE);
            records = summary.read();
            expected = reference.digest();
        }

        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = dir.resolve("crashed");
        List<String> kills = new ArrayList<>();
        int transactions = (int) (records / RECORDS_PER_TRANSACTION);
        for (int k = 0; k < 4; k++) {
            try (Child child = Child.start(ImportMain.class, data, source, RECORDS_PER_TRANSACTION)) {
                child.await("started");
                // Each run resumes where the last one got to: aim at a point inside what is left, or at the start.
                int commits = k == 0 ? 0 : random.nextInt(Math.max(1, transactions / 4));
                for (int c = 0; c < commits; c++) {
                    if (!child.await("committed")) {
                        break;
                    }
                }
                int delay = random.nextInt(commits == 0 ? 1500 : 300);
                Thread.sleep(delay);
                child.kill();
                kills.add("after " + commits + " commits + " + delay + " ms: " + last(child.output()));
            }
        }

        try (Vault vault = Vault.open(data)) {
            new Importer(vault, options).run(List.of(source), ImportListener.NONE);
            assertThat(vault.digest()).as("seed " + seed + ", kills " + kills).isEqualTo(expected);
            assertThat(vault.status().cables()).isEqualTo(records);
        }
    }

    private static String last(List<String> output) {
        return output.isEmpty() ? "(nothing)" : output.get(output.size() - 1);
    }
}
