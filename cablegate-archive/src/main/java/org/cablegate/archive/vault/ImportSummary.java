package org.cablegate.archive.vault;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cablegate.core.read.Rejection;

/**
 * What an import did.
 *
 * @param read            records read from the sources, rejected ones included
 * @param imported        cables new to the vault
 * @param unchanged       records whose text the vault already had (for that cable, in any version)
 * @param newVersions     records that changed the text of a cable already in the vault
 * @param rejected        records not imported, each with where and why
 * @param unknownStations places outside the station table that REF lines of the parsed records cite, as written
 *                        ({@code SECDEF}), each with the number of REF items citing it; sorted
 */
public record ImportSummary(long read, long imported, long unchanged, long newVersions, List<Rejection> rejected,
        Map<String, Integer> unknownStations) {
    public ImportSummary {
        rejected = List.copyOf(rejected);
        unknownStations = Collections.unmodifiableMap(new TreeMap<>(unknownStations));
    }

    /** An import whose REF lines cite no unknown station. */
    public ImportSummary(long read, long imported, long unchanged, long newVersions, List<Rejection> rejected) {
        this(read, imported, unchanged, newVersions, rejected, Map.of());
    }
}
