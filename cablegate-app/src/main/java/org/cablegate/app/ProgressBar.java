package org.cablegate.app;

import java.io.PrintWriter;

/**
 * A progress bar on the error stream: redrawn in place on a terminal, a line every tenth of the way otherwise (so a
 * log file stays readable). Thread-safe; redraws at most every 200 ms.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;
    private boolean drawn;

    public ProgressBar(PrintWriter err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    /** A bar that redraws in place when standard error is a terminal. */
    public static ProgressBar onStderr(PrintWriter err, String label) {
        return new ProgressBar(err, label, System.console() != null);
    }

    /** Shows {@code done} of {@code total} cables, where progress is counted in cables rather than bytes. */
    public void updateCount(long done, long total) {
        update(done, total, done, false);
    }

    /** Shows {@code done} of {@code total} bytes and a count of items. {@code total} may be -1 (unknown). */
    public void update(long done, long total, long items) {
        update(done, total, items, true);
    }

    private synchronized void update(long done, long total, long items, boolean bytes) {
        long now = System.nanoTime();
        double fraction = total > 0 ? Math.min(1.0, done / (double) total) : 0;
        if (terminal) {
            if (now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            err.print("\r" + line(fraction, total > 0, bytes ? done : -1, items, now));
            drawn = true;
        } else if (total > 0) {
            int tenth = (int) (fraction * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line(fraction, true, bytes ? done : -1, items, now));
            }
        }
        err.flush();
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    public synchronized void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }

    private String line(double fraction, boolean known, long bytes, long items, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (known) {
            int filled = (int) Math.round(fraction * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%3d%% ", (int) (fraction * 100)));
        }
        sb.append(String.format("%,d cables, %,.0f/s", items, items / seconds));
        if (bytes >= 0) {
            sb.append(String.format(", %.1f MB/s", bytes / seconds / 1e6));
        }
        if (known && fraction > 0.02 && fraction < 1) {
            sb.append(String.format(", %.0f s left", seconds / fraction - seconds));
        }
        return sb.toString();
    }
}
