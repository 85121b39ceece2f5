package org.cablegate.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Something the parser could not read, or read with a fix. Parsing never throws on text; it records these.
 *
 * @param kind    a stable category, for counting and tests
 * @param message a stable, human-readable message naming what was seen
 * @param offset  character offset in the body (or header, for header kinds) where it was seen; -1 when none applies
 */
public record ParseIssue(Kind kind, String message, int offset) {
    public enum Kind {
        /** The header lacks lines it should have, or has lines the parser could not read. */
        HEADER,
        /** No TAGS line, or a tag was fixed (glued, misspelt, renamed). */
        TAGS,
        /** No SUBJECT line. */
        SUBJECT,
        /** A REF item that looked like a cable but did not resolve to an id. */
        REFERENCE,
        /** A REF item that cites a place outside the station table: {@code unknown station SECDEF in REF: SECDEF 31828}. */
        UNKNOWN_STATION,
        /** The E.O. / declassification line could not be read. */
        DECLASSIFICATION,
        /** The Classified By line could not be read. */
        CLASSIFIED_BY,
        /** Paragraph numbering out of sequence, duplicated or missing. */
        PARAGRAPHS,
        /** The reference id is malformed and a canonical one was derived. */
        ID,
        /** Metadata disagrees with the text (classification, origin, date). */
        METADATA
    }

    private static final String UNKNOWN_STATION_PREFIX = "unknown station ";
    private static final String UNKNOWN_STATION_INFIX = " in REF: ";

    public ParseIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The issue of a REF item that cites {@code station}, a place outside the station table. */
    public static ParseIssue unknownStation(String station, String item, int offset) {
        return new ParseIssue(Kind.UNKNOWN_STATION, UNKNOWN_STATION_PREFIX + station + UNKNOWN_STATION_INFIX + item,
                offset);
    }

    /** The place of an {@link Kind#UNKNOWN_STATION} issue as the REF line wrote it ({@code SECDEF}), else empty. */
    public Optional<String> unknownStation() {
        int infix = message.indexOf(UNKNOWN_STATION_INFIX);
        return kind == Kind.UNKNOWN_STATION && message.startsWith(UNKNOWN_STATION_PREFIX) && infix > 0
                ? Optional.of(message.substring(UNKNOWN_STATION_PREFIX.length(), infix)) : Optional.empty();
    }
}
