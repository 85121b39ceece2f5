package org.cablegate.core.model;

import java.util.Objects;

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

    public ParseIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
