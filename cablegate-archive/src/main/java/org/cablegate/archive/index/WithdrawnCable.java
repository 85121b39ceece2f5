package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A cable taken out of the public archive. Public: its URL answers 410 with a page that says when it was withdrawn,
 * and nothing of its text.
 *
 * @param id        reference id as published
 * @param created   creation time (the cable's URL has its month)
 * @param withdrawn when the withdrawal was published
 */
public record WithdrawnCable(String id, LocalDateTime created, LocalDateTime withdrawn) {
    public WithdrawnCable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(withdrawn, "withdrawn");
    }
}
