package org.cablegate.core.read;

import org.cablegate.core.model.SourceCable;

/** Receives what a reader finds, in source order: cables, rejected records, and progress. */
public interface CableSink {
    /** A record read well enough to become a cable. */
    void accept(SourceCable cable);

    /** A record that could not be read; the reader goes on with the next one. */
    void reject(Rejection rejection);

    /** Bytes of the source consumed so far, of {@code total} (or -1 when the total is unknown). */
    default void progress(long bytesRead, long total) {}
}
