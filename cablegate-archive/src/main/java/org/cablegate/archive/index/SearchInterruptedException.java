package org.cablegate.archive.index;

/**
 * A search stopped before its end: it ran past {@link SearchLimits#timeout()}, or the one who asked went away. Nothing
 * is wrong with the query as written, so this is not a {@link BadQueryException}: a web server answers 503.
 */
public final class SearchInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    SearchInterruptedException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** True when the time limit stopped it, false when it was cancelled. */
    public boolean timedOut() {
        return timedOut;
    }
}
