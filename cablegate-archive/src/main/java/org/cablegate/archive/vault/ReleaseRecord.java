package org.cablegate.archive.vault;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of the release log. A withdrawal is a release too: one atomic step of the public archive.
 *
 * @param id                1, 2, … in the order releases were made
 * @param name              the publisher's name for it
 * @param time              the release time (UTC, to the minute) given to every cable of the batch, except those
 *                          that kept their original time
 * @param selection         what was asked for, in words
 * @param keepOriginalTimes whether cables kept the release time their source carried
 * @param count             cables the release touched: published, published again or withdrawn
 * @param state             {@link State#PENDING} while being published; a pending release is finished or rolled back
 *                          when the releaser is next opened
 * @param added             cables public for the first time, or again after a withdrawal
 * @param changed           public cables published again with a new text or changed redactions
 * @param withdrawn         cables taken out of the public archive
 */
public record ReleaseRecord(
        long id, String name, LocalDateTime time, String selection, boolean keepOriginalTimes, long count, State state,
        long added, long changed, long withdrawn) {

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

    /** The same release, finished. */
    public ReleaseRecord done(long added, long changed, long withdrawn) {
        return new ReleaseRecord(id, name, time, selection, keepOriginalTimes, count, State.DONE, added, changed,
                withdrawn);
    }
}
