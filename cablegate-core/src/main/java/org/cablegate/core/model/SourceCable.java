package org.cablegate.core.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One cable as a reader found it, before parsing: the metadata of the top box and the raw header and body text.
 *
 * <p>Text is kept as published except that line ends are {@code \n} and HTML entities are decoded. {@code released}
 * is present only where the source carried it (site pages). {@code origin} and {@code classification} may be empty
 * when the source does not carry them (plain text); the parser then derives what it can from the text.
 *
 * @param id             reference id exactly as published, e.g. {@code 08MOSCOW1647}
 * @param created        creation time, minute precision
 * @param released       original release time, where the source carried one
 * @param classification as in the top box, e.g. {@code SECRET//NOFORN}; empty if unknown
 * @param origin         as in the top box, e.g. {@code Embassy Moscow}; empty if unknown
 * @param header         the routing header (first block); may be empty
 * @param body           the body (second block)
 * @param format         which reader produced it
 * @param location       where it came from, for messages: {@code cables.csv row 2677}, {@code site.tar.xz!cable/2008/06/08MOSCOW1647.html}
 */
public record SourceCable(
        String id,
        LocalDateTime created,
        Optional<LocalDateTime> released,
        String classification,
        String origin,
        String header,
        String body,
        SourceFormat format,
        String location) {

    public SourceCable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
        header = LineEnds.normalise(header);
        body = LineEnds.normalise(body);
    }
}
