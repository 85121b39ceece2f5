package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One hit: what a result list shows. The full text is one {@link PublicArchive#get(String)} away.
 *
 * @param score relevance score; {@link Float#NaN} when hits are sorted by date
 */
public record Hit(
        String id,
        String canonicalId,
        LocalDateTime created,
        LocalDateTime released,
        String classification,
        String origin,
        String subject,
        List<String> tags,
        float score) {

    public Hit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(subject, "subject");
        tags = List.copyOf(tags);
    }
}
