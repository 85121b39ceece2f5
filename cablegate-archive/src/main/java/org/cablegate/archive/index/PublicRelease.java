package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of the public release log ({@code /releases.html}).
 *
 * @param number    1, 2, ...
 * @param name      the publisher's name for it
 * @param time      its release time
 * @param added     cables public for the first time (or again after a withdrawal)
 * @param changed   public cables published again with a new text or changed redactions
 * @param withdrawn cables withdrawn
 */
public record PublicRelease(long number, String name, LocalDateTime time, long added, long changed, long withdrawn) {
    public PublicRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
    }
}
