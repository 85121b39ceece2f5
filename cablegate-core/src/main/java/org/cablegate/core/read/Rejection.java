package org.cablegate.core.read;

import java.util.Objects;

/**
 * A record a reader skipped.
 *
 * @param location where: {@code cables.csv row 17 (line 4021)}, {@code site.tar.xz!cable/2008/06/X.html}
 * @param reason   why, in words a publisher can act on
 */
public record Rejection(String location, String reason) {
    public Rejection {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
