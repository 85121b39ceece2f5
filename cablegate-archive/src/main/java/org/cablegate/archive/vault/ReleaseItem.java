package org.cablegate.archive.vault;

import java.util.List;
import java.util.Objects;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.core.model.SourceCable;

/**
 * One cable of a release, as the vault hands it to the releaser: the version to publish, what publishing it changes,
 * and the redactions its public text must have.
 *
 * @param unredacted   the public record of the version's text as it stands, from the parse the vault made of it at
 *                     import (the same parser on the same text); the public record when no redaction applies
 * @param text         the version's text as the vault holds it: what redactions are applied to
 * @param change       what this release does to the cable
 * @param redactionIds the redactions in force for it, by number; empty: none
 */
public record ReleaseItem(PublicCable unredacted, SourceCable text, PublicVersion.Kind change, List<Long> redactionIds) {
    public ReleaseItem {
        Objects.requireNonNull(unredacted, "unredacted");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(change, "change");
        redactionIds = List.copyOf(redactionIds);
    }

    public String id() {
        return unredacted.id();
    }

    /** True when an earlier version of the cable is public and is to be replaced. */
    public boolean republish() {
        return change == PublicVersion.Kind.NEW_TEXT || change == PublicVersion.Kind.REDACTION_CHANGED;
    }
}
