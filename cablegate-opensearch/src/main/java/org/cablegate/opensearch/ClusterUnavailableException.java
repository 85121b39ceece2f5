package org.cablegate.opensearch;

import java.time.Duration;
import org.cablegate.archive.index.SearchUnavailableException;

/**
 * The cluster cannot answer now: unreachable, too slow, or without the shards a request needs (red). It passes, so
 * the web layer answers a 503 with {@link #retryAfter()}, and pages that do not search keep working.
 */
public final class ClusterUnavailableException extends SearchUnavailableException {
    private static final long serialVersionUID = 1L;
    /** A node restarts in seconds; a reader who retries sooner only adds load. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    public ClusterUnavailableException(String message) {
        super(message, RETRY_AFTER, null);
    }

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, RETRY_AFTER, cause);
    }
}
