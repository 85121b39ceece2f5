package org.cablegate.opensearch;

import java.time.Duration;

/**
 * The cluster cannot answer now: unreachable, too slow, or without the shards a search needs (red). Not the reader's
 * fault and not a bug: the web layer answers it with a 503 and {@link #retryAfter()}, and pages that do not search
 * keep working.
 */
public final class ClusterUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    public ClusterUnavailableException(String message) {
        super(message);
    }

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How long a client should wait before asking again. */
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
