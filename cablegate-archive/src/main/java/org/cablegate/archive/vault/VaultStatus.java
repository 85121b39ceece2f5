package org.cablegate.archive.vault;

import java.util.Objects;
import java.util.Optional;

/**
 * What the vault holds.
 *
 * @param cables      cables imported (with text)
 * @param versions    texts imported, all versions of all cables
 * @param knownIds    ids loaded from the whole set's id list
 * @param total       cables of the whole set: ids in the vault or in the id list, each counted once — the
 *                    denominator of "released N / total"
 * @param released    cables the vault records as published
 * @param lastRelease the newest finished release
 * @param pending     a release that was interrupted and not yet finished or rolled back
 */
public record VaultStatus(long cables, long versions, long knownIds, long total, long released,
        Optional<ReleaseRecord> lastRelease, Optional<ReleaseRecord> pending) {
    public VaultStatus {
        Objects.requireNonNull(lastRelease, "lastRelease");
        Objects.requireNonNull(pending, "pending");
    }
}
