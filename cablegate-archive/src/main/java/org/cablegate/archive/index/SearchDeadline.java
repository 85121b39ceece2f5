package org.cablegate.archive.index;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.QueryTimeout;

/**
 * The deadline of the search running on this thread, which Lucene consults while it works: in the term dictionary (the
 * reader is an {@code ExitableDirectoryReader}, so a regular expression's expansion stops too, where the issue 12
 * flood spent its time) and between blocks of hits ({@code IndexSearcher.setTimeout}). One instance serves every
 * thread: the deadline and the cancellation are per thread, so a reader shared by many searches stops only the one
 * that ran out.
 */
final class SearchDeadline implements QueryTimeout {
    static final SearchDeadline INSTANCE = new SearchDeadline();

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<BooleanSupplier> CANCELLED = new ThreadLocal<>();

    private static final class State {
        final long deadline;
        final BooleanSupplier cancelled;
        boolean timedOut;
        boolean gone;

        State(long deadline, BooleanSupplier cancelled) {
            this.deadline = deadline;
            this.cancelled = cancelled;
        }
    }

    private SearchDeadline() {}

    /** A scope in which searches on this thread also stop once {@code cancelled} says so. */
    static AutoCloseable cancelWhen(BooleanSupplier cancelled) {
        BooleanSupplier before = CANCELLED.get();
        CANCELLED.set(cancelled);
        return () -> {
            if (before == null) {
                CANCELLED.remove();
            } else {
                CANCELLED.set(before);
            }
        };
    }

    /** Starts the deadline of a search on this thread; {@link #end()} ends it. Not nested: a search runs alone. */
    static void start(Duration timeout) {
        BooleanSupplier cancelled = CANCELLED.get();
        CURRENT.set(new State(System.nanoTime() + timeout.toNanos(), cancelled == null ? () -> false : cancelled));
    }

    static void end() {
        CURRENT.remove();
    }

    /** Throws if the search on this thread was stopped (Lucene returns partial hits from a timed-out collection). */
    static void check(Duration timeout) {
        State s = CURRENT.get();
        if (s != null && (s.timedOut || s.gone)) {
            throw interrupted(s, timeout);
        }
    }

    static SearchInterruptedException interrupted(Duration timeout) {
        State s = CURRENT.get();
        return s == null ? new SearchInterruptedException("The search was stopped", true) : interrupted(s, timeout);
    }

    private static SearchInterruptedException interrupted(State s, Duration timeout) {
        return s.gone ? new SearchInterruptedException("The search was cancelled: its client went away", false)
                : new SearchInterruptedException("The search took longer than " + timeout.toMillis()
                        + " ms and was stopped; narrow it (fewer wildcards, fuzzy words or regular expressions)", true);
    }

    @Override
    public boolean shouldExit() {
        State s = CURRENT.get();
        if (s == null) {
            return false;
        }
        if (s.timedOut || s.gone) {
            return true;
        }
        if (System.nanoTime() - s.deadline > 0) {
            s.timedOut = true;
            return true;
        }
        if (s.cancelled.getAsBoolean()) {
            s.gone = true;
            return true;
        }
        return false;
    }
}
