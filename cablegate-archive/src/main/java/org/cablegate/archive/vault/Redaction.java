package org.cablegate.archive.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A redaction as the vault keeps it: what is kept out of the public archive, who asked and why. The rule itself
 * ({@code kind} and {@code value}) is read by {@code org.cablegate.core.redact.RedactionRule}.
 *
 * @param id        the number `cablegate unredact` takes
 * @param cableId   the cable it applies to
 * @param kind      TEXT, EVERY_TEXT, PARAGRAPH, SPAN or SUBJECT
 * @param value     the words, the paragraph number, or FROM:TO offsets in the body
 * @param version   the vault version whose text it was made on: a span's offsets are of that text
 * @param covered   the words it covered in that text (for the log, and to apply a span to another text)
 * @param reason    why
 * @param madeBy    who made it
 * @param madeAt    when
 * @param removedBy who removed it, if someone did
 * @param removedAt when it was removed; a removed redaction no longer applies but stays in the log
 */
public record Redaction(
        long id,
        String cableId,
        String kind,
        String value,
        int version,
        String covered,
        String reason,
        String madeBy,
        Instant madeAt,
        Optional<String> removedBy,
        Optional<Instant> removedAt) {

    public Redaction {
        Objects.requireNonNull(cableId, "cableId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(covered, "covered");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(madeBy, "madeBy");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(removedBy, "removedBy");
        Objects.requireNonNull(removedAt, "removedAt");
    }

    public boolean active() {
        return removedAt.isEmpty();
    }

    /** A redaction still to be stored: no id yet. */
    public record Request(String cableId, String kind, String value, int version, String covered, String reason) {
        public Request {
            Objects.requireNonNull(cableId, "cableId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(covered, "covered");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
