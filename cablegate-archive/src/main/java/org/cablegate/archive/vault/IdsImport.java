package org.cablegate.archive.vault;

import java.util.List;

/**
 * What {@link Vault#importIds} did.
 *
 * @param read     ids read from the file
 * @param added    ids that were not known before
 * @param problems one message per line that could not be read (with its line number)
 */
public record IdsImport(long read, long added, List<String> problems) {
    public IdsImport {
        problems = List.copyOf(problems);
    }
}
