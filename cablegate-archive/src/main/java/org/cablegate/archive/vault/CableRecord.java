package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cable as the vault knows it: its current version's metadata and its release state.
 *
 * @param originalReleased the earliest release time a source carried for it (the original site's), whatever version
 * @param released         when it was first published here
 * @param releaseId        the release that first published it
 * @param publishedVersion the version the public archive holds
 */
public record CableRecord(
        String id,
        String canonicalId,
        LocalDateTime created,
        String origin,
        String classification,
        List<String> tags,
        int currentVersion,
        Optional<LocalDateTime> originalReleased,
        Optional<LocalDateTime> released,
        Optional<Long> releaseId,
        Optional<Integer> publishedVersion) {

    public CableRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(classification, "classification");
        tags = List.copyOf(tags);
        Objects.requireNonNull(originalReleased, "originalReleased");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(publishedVersion, "publishedVersion");
    }
}
