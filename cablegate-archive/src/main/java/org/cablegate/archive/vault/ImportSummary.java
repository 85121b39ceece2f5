package org.cablegate.archive.vault;

import java.util.List;
import org.cablegate.core.read.Rejection;

/**
 * What an import did.
 *
 * @param read        records read from the sources, rejected ones included
 * @param imported    cables new to the vault
 * @param unchanged   records whose text the vault already had (for that cable, in any version)
 * @param newVersions records that changed the text of a cable already in the vault
 * @param rejected    records not imported, each with where and why
 */
public record ImportSummary(long read, long imported, long unchanged, long newVersions, List<Rejection> rejected) {
    public ImportSummary {
        rejected = List.copyOf(rejected);
    }
}
