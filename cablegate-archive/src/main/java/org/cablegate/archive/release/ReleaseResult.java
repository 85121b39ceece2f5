package org.cablegate.archive.release;

import java.util.Objects;
import java.util.Optional;
import org.cablegate.archive.vault.ReleaseRecord;

/**
 * What a release did.
 *
 * @param release    the release as logged; empty when the selection held nothing to publish (then nothing was logged)
 * @param added      cables published for the first time
 * @param replaced   released cables whose new version replaced the old one
 */
public record ReleaseResult(Optional<ReleaseRecord> release, long added, long replaced) {
    public ReleaseResult {
        Objects.requireNonNull(release, "release");
    }

    public long count() {
        return added + replaced;
    }
}
