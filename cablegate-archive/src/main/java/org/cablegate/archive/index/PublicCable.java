package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A cable as the public archive holds it: the source fields a page is rebuilt from (the web layer re-parses header
 * and body), plus the parsed fields that are searched and faceted. Whatever is here is public: redactions are applied
 * before a cable becomes a {@code PublicCable}.
 *
 * @param id             reference id as published, the key
 * @param canonicalId    the corrected id where the published one is malformed, else equal to {@code id}
 * @param version        the vault version published (1 for the first text, higher after corrections)
 * @param created        creation time, to the minute
 * @param released       public release time, to the minute
 * @param classification as in the top box
 * @param origin         as in the top box
 * @param subject        the parsed SUBJECT, or empty
 * @param tags           the parsed TAGS, in order
 * @param from           the FM line of the header, or empty
 * @param to             the TO and INFO addressees, one per element
 * @param cites          the ids of the cables its REF lines cite, each once, in order
 * @param header         the routing header as published
 * @param body           the body as published
 */
public record PublicCable(
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
        String body) {

    public PublicCable {
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
