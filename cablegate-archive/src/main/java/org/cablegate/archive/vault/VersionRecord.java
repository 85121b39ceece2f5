package org.cablegate.archive.vault;

import java.time.Instant;
import java.util.Objects;
import org.cablegate.core.model.SourceCable;

/**
 * One stored text of a cable.
 *
 * @param version     1, 2, … in the order the texts were imported
 * @param source      the source fields as read (with the release time and location of the source that first
 *                    brought this text)
 * @param contentHash SHA-256 of the source fields, hex
 * @param parsedJson  the parse of this text as CableJson, without the raw header and body and without the texts it
 *                    takes from the body: paragraphs (each keeps its number, marking and offset), summary, comment
 * @param importedAt  start of the import run that stored it
 */
public record VersionRecord(int version, SourceCable source, String contentHash, String parsedJson, Instant importedAt) {
    public VersionRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(parsedJson, "parsedJson");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
