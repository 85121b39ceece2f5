package org.cablegate.archive.crash;

import java.nio.file.Path;
import java.util.List;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportOptions;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Vault;

/** Runs an import in a child JVM and says each commit: {@code ImportMain DATA_DIR SOURCE RECORDS_PER_TRANSACTION}. */
public final class ImportMain {
    private ImportMain() {}

    public static void main(String[] args) throws Exception {
        try (Vault vault = Vault.open(Path.of(args[0]))) {
            System.out.println("started");
            new Importer(vault, ImportOptions.defaults().withRecordsPerTransaction(Integer.parseInt(args[2])))
                    .run(List.of(Path.of(args[1])), new ImportListener() {
                        @Override
                        public void committed(long records) {
                            System.out.println("committed " + records);
                        }
                    });
            System.out.println("done");
        }
    }
}
