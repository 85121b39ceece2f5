package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One cable of a release, as the vault hands it to the releaser: the version to publish and its release time.
 *
 * @param republish true when an earlier version of the cable is public and is to be replaced
 */
public record ReleaseItem(
        String id,
        String canonicalId,
        int version,
        LocalDateTime created,
        LocalDateTime released,
        String classification,
        String origin,
        String subject,
        List<String> tags,
        String from,
        List<String> to,
        List<String> cites,
        String header,
        String body,
        boolean republish) {

    public ReleaseItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(subject, "subject");
        tags = List.copyOf(tags);
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cites = List.copyOf(cites);
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }
}
