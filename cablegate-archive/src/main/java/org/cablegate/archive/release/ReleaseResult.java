package org.cablegate.archive.release;

import java.util.Objects;
import java.util.Optional;
import org.cablegate.archive.vault.ReleaseRecord;

/**
 * What a release did.
 *
 * @param release   the release as logged; empty when the selection held nothing to publish (then nothing was logged)
 * @param added     cables published for the first time (or again after a withdrawal)
 * @param replaced  public cables whose new public record (a new text, changed redactions) replaced the old one
 * @param withdrawn cables taken out of the public archive
 */
public record ReleaseResult(Optional<ReleaseRecord> release, long added, long replaced, long withdrawn) {
    /** A release that found nothing to do. */
    public static final ReleaseResult NOTHING = new ReleaseResult(Optional.empty(), 0, 0, 0);

    public ReleaseResult {
        Objects.requireNonNull(release, "release");
    }

    public long count() {
        return added + replaced + withdrawn;
    }
}
