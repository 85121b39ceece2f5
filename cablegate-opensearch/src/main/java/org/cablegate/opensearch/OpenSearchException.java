package org.cablegate.opensearch;

import java.io.IOException;

/**
 * The cluster refused a request as written (a 4xx or an unexpected error): a bug or a mismatch of versions, unlike
 * {@link ClusterUnavailableException}, which passes.
 */
public final class OpenSearchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public OpenSearchException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** The HTTP status the cluster answered. */
    public int status() {
        return status;
    }

    /** OpenSearch's name of the error, {@code index_not_found_exception}; empty when it named none. */
    public String type() {
        return type;
    }
}
