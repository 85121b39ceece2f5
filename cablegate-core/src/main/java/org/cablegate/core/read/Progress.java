package org.cablegate.core.read;

/** Tells the sink how far a reader has come, at most once per megabyte, so that a 2 GB import does not flood it. */
final class Progress {
    private static final long STEP = 1 << 20;

    private final CableSink sink;
    private final long total;
    private long done;
    private long nextReport = STEP;

    /** {@code total} in the same unit as the advances, or -1 when unknown. */
    Progress(CableSink sink, long total) {
        this.sink = sink;
        this.total = total;
    }

    void advance(long n) {
        done += n;
        if (done >= nextReport) {
            nextReport = done + STEP;
            sink.progress(done, total);
        }
    }

    long done() {
        return done;
    }

    /** Reports the final count, once the reader is done. */
    void finish() {
        sink.progress(done, total);
    }
}
