package org.cablegate.archive.release;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.cablegate.archive.vault.Selection;

/**
 * One release to make.
 *
 * @param name              the publisher's name for the batch
 * @param selection         which cables
 * @param keepOriginalTimes give cables the release time their source carried (the original site's), where it did
 * @param time              the batch's release time (UTC, cut to the minute); empty: now
 */
public record ReleaseRequest(String name, Selection selection, boolean keepOriginalTimes, Optional<LocalDateTime> time) {
    public ReleaseRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(time, "time");
    }

    /** A release of {@code selection} at the current time, with new release times. */
    public static ReleaseRequest of(String name, Selection selection) {
        return new ReleaseRequest(name, selection, false, Optional.empty());
    }

    public ReleaseRequest keepingOriginalTimes() {
        return new ReleaseRequest(name, selection, true, time);
    }

    public ReleaseRequest at(LocalDateTime when) {
        return new ReleaseRequest(name, selection, keepOriginalTimes, Optional.of(when));
    }
}
