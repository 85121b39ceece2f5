package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of the release log.
 *
 * @param id                1, 2, … in the order releases were made
 * @param name              the publisher's name for it
 * @param time              the release time (UTC, to the minute) given to every cable of the batch, except those
 *                          that kept their original time
 * @param selection         what was asked for, in words
 * @param keepOriginalTimes whether cables kept the release time their source carried
 * @param count             cables published
 * @param state             {@link State#PENDING} while being published; a pending release is finished or rolled back
 *                          when the releaser is next opened
 */
public record ReleaseRecord(
        long id, String name, LocalDateTime time, String selection, boolean keepOriginalTimes, long count, State state) {

    public enum State {
        PENDING,
        DONE
    }

    public ReleaseRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(state, "state");
    }
}
