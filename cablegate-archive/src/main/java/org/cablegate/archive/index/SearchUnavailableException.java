package org.cablegate.archive.index;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link SearchBackend} cannot answer now but may soon: a cluster that is unreachable, too slow, or lacks the shards
 * a search needs. Neither the reader's fault (a 400) nor a bug (a 500): a 503 that says when to try again, while pages
 * that do not search keep working.
 */
public class SearchUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public SearchUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long a client should wait before asking again (the Retry-After of a 503). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
