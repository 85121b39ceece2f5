package org.cablegate.web.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cablegate.archive.index.SearchLimits;

/**
 * The bounded pool in front of every route that runs a reader's query: {@link SearchLimits#searchThreads()} searches
 * at once, {@link SearchLimits#searchQueue()} waiting at most {@link SearchLimits#queueWait()}, and every other one
 * refused ({@link Busy}: a 503 with {@code Retry-After}; one refused at the door is sent after {@link #refusalDelay()},
 * see {@link #holdRefusal()}). Issue 12: 256 connections of costly searches took
 * every request thread of the server, and the front page stopped answering for 8 minutes; now a flood of searches costs
 * at most the pool's threads, and pages (answered from the cache, on other threads) keep answering.
 */
public final class SearchGate {
    private final SearchLimits limits;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    /**
     * Requests for a search route inside the server at once, running, waiting, or being refused a 400: each holds a
     * request thread, and hundreds of runnable threads starve the selector threads that answer pages (measured: with
     * 768 flooding connections, GET / waited over 5 s behind 250 busy request threads).
     */
    private final Semaphore admitted;

    public SearchGate(SearchLimits limits) {
        this.limits = limits;
        this.running = new Semaphore(limits.searchThreads(), true);
        this.admitted = new Semaphore(limits.searchThreads() + limits.searchQueue());
    }

    /** Lets a search request in, or says no (then it is answered 503); {@link #leave()} when it is done. */
    public boolean admit() {
        return admitted.tryAcquire();
    }

    public void leave() {
        admitted.release();
    }

    /** Refusals being held before they are sent: bounded, so that holding them cannot itself exhaust memory. */
    private final AtomicInteger heldRefusals = new AtomicInteger();
    static final int MAX_HELD_REFUSALS = 16_384;

    /**
     * Whether a refusal (503) should be held for {@link #refusalDelay()} before it is sent; if so, call
     * {@link #releaseRefusal()} when it is. Beyond {@link #MAX_HELD_REFUSALS} they are sent at once.
     */
    public boolean holdRefusal() {
        if (heldRefusals.incrementAndGet() > MAX_HELD_REFUSALS) {
            heldRefusals.decrementAndGet();
            return false;
        }
        return true;
    }

    public void releaseRefusal() {
        heldRefusals.decrementAndGet();
    }

    /** A refused search is answered after as long as a queued one waits before it gives up. */
    public Duration refusalDelay() {
        return limits.queueWait();
    }

    /** A place in the pool, held until closed. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** The search pool and its queue are full: come back after {@link #retryAfterSeconds()}. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Busy(long retryAfterSeconds) {
            super("The server is busy with other searches; please try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Waits for a place, within the queue's bounds, or throws {@link Busy}. */
    public Permit enter() throws Busy {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > limits.searchQueue()) {
                waiting.decrementAndGet();
                throw busy();
            }
            try {
                if (!running.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            } finally {
                waiting.decrementAndGet();
            }
        }
        return running::release;
    }

    /** Searches running now (for /healthz and tests). */
    public int running() {
        return limits.searchThreads() - running.availablePermits();
    }

    public long retryAfterSeconds() {
        return Math.max(1, limits.retryAfter().toSeconds());
    }

    private Busy busy() {
        return new Busy(retryAfterSeconds());
    }
}
