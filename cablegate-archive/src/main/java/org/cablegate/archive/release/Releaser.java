package org.cablegate.archive.release;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cablegate.archive.index.ArchiveWriter;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicRelease;
import org.cablegate.archive.vault.ReleaseItem;
import org.cablegate.archive.vault.ReleaseLog;
import org.cablegate.archive.vault.ReleasePreview;
import org.cablegate.archive.vault.ScheduledReleases;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Vault;

/**
 * Publishes batches of cables from the vault to the public archive, each atomically: readers see all of a batch or
 * none of it.
 *
 * <p>A release is: (1) the selection logged in the vault as a PENDING release, (2) its cables indexed and the index
 * committed once, with the release id in the commit, (3) the release marked DONE in the vault. Opening a releaser
 * takes the index's write lock and then settles a release left PENDING by a crash: if the last index commit carries
 * its id, the batch is public and (3) is done now; if not, the index never saw it (Lucene drops what was not
 * committed) and the pending entry is removed, so that running the release again gives it the same id and the same
 * result as a run that was never interrupted.
 *
 * <p>The public record of each cable is built by {@link PublicRecords}: redactions are applied to the text before
 * anything reaches the index, so a redacted word is never analysed, stored or shown. A release that replaces or
 * withdraws documents rewrites the segments that held them before its commit ({@link ArchiveWriter#expungeDeletes})
 * and the text packs that held their texts, so no committed file keeps an old text. A withdrawal is a release too, with the same recovery.
 */
public final class Releaser implements AutoCloseable {
    /** The public archive's directory inside a data directory. */
    public static final String PUBLIC_DIR = "public";

    private static final int BATCH = 64;

    private final Vault vault;
    private final ReleaseLog log;
    private final ArchiveWriter writer;
    private final int indexThreads;
    private final Clock clock;
    private final PublicRecords records;
    private Optional<String> recovery = Optional.empty();
    private boolean closed;

    private Releaser(Vault vault, ArchiveWriter writer, int indexThreads, Clock clock) {
        this.vault = vault;
        this.log = vault.releaseLog();
        this.writer = writer;
        this.indexThreads = indexThreads;
        this.clock = clock;
        this.records = new PublicRecords(vault);
    }

    /** The public archive of a data directory: what {@code PublicArchive.open} takes. */
    public static Path publicDir(Path dataDir) {
        return dataDir.resolve(PUBLIC_DIR);
    }

    /** A releaser for the vault's data directory, indexing with one thread per processor. */
    public static Releaser open(Vault vault) throws IOException {
        return open(vault, Runtime.getRuntime().availableProcessors(), defaultRamBufferMb(), Clock.systemUTC());
    }

    /**
     * @param indexThreads threads that index at once
     * @param ramBufferMb  indexing memory before Lucene writes a segment
     * @param clock        gives the release time when a request has none
     */
    public static Releaser open(Vault vault, int indexThreads, int ramBufferMb, Clock clock) throws IOException {
        if (indexThreads < 1) {
            throw new IllegalArgumentException("at least one index thread: " + indexThreads);
        }
        ArchiveWriter writer = ArchiveWriter.open(publicDir(vault.dataDir()), ramBufferMb);
        Releaser releaser = new Releaser(vault, writer, indexThreads, clock);
        try {
            releaser.recover();
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return releaser;
    }

    /**
     * 96 MB (less on a small heap): each thread's buffer is flushed as it fills, in parallel with indexing, into a
     * segment of about {@link ArchiveWriter#MAX_SEGMENT_MB}, the size a redaction rewrites. Measured on the full-scale
     * corpus with the texts in packs (issue 8, BENCHMARKS.md): 256 MB made 6 segments of up to 128 MB, and a redaction
     * took 6 s; 96 MB makes 16, searched as fast as the 7 of before, and a redaction takes 2-5 s; 64 MB made 26, and
     * searches 1.3 times slower.
     */
    static int defaultRamBufferMb() {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(32, Math.min(96, heapMb / 4));
    }

    private void recover() throws IOException {
        long committed = writer.committedRelease();
        long lastDone = log.lastDone().map(ReleaseRecord::id).orElse(0L);
        Optional<ReleaseRecord> pending = log.pending();
        if (pending.isPresent()) {
            ReleaseRecord p = pending.get();
            if (committed == p.id()) {
                log.complete(p.id());
                recovery = Optional.of("Release " + p.id() + " (" + p.name() + ") was interrupted after it was "
                        + "published; it is now finished");
                return;
            }
            if (committed == lastDone) {
                log.discard(p.id());
                recovery = Optional.of("Release " + p.id() + " (" + p.name() + ") was interrupted before it was "
                        + "published; it was rolled back and can be run again");
                return;
            }
        } else if (committed == lastDone) {
            return;
        }
        throw new IOException("The public archive at " + publicDir(vault.dataDir()) + " was last written by release "
                + committed + ", but the vault's last release is " + lastDone + (pending.isPresent()
                        ? " (pending: " + pending.get().id() + ")" : "")
                + ": they do not belong together");
    }

    /** What opening did about a release a crash left pending, if there was one. */
    public Optional<String> recovery() {
        return recovery;
    }

    public List<ReleaseRecord> releases() throws IOException {
        return log.all();
    }

    /**
     * Makes one release. If it fails after it was logged, this releaser closes, and the release is finished or
     * rolled back when a releaser is next opened.
     */
    public ReleaseResult release(ReleaseRequest request, ReleaseListener listener) throws IOException {
        requireOpen();
        LocalDateTime time = timeOf(request);
        Optional<ReleaseRecord> begun = log.begin(request.name(), time, request.selection(), request.keepOriginalTimes());
        if (begun.isEmpty()) {
            return ReleaseResult.NOTHING;
        }
        return publish(begun.get(), listener);
    }

    /**
     * Makes every scheduled release whose time has come, oldest first, each with its scheduled time as its release
     * time; returns what each did (a release that found nothing to publish is recorded as done too).
     */
    public List<ReleaseResult> releaseDue(LocalDateTime now, ReleaseListener listener) throws IOException {
        requireOpen();
        List<ReleaseResult> made = new ArrayList<>();
        for (ScheduledReleases.Scheduled due : vault.scheduled().due(now)) {
            ReleaseRequest request = new ReleaseRequest(due.name(), due.selection(), due.keepOriginalTimes(),
                    Optional.of(due.time()));
            ReleaseResult result = release(request, listener);
            vault.scheduled().done(due.id(), result.release().map(ReleaseRecord::id));
            made.add(result);
        }
        return made;
    }

    /** What {@link #release} would publish, without publishing or recording anything. */
    public ReleasePreview preview(ReleaseRequest request) throws IOException {
        requireOpen();
        return log.preview(timeOf(request), request.selection(), request.keepOriginalTimes());
    }

    /**
     * Takes public cables out of the public archive in one atomic step, logged as a release: their documents are
     * deleted and every segment that held them is rewritten in the same commit. Ids that are not public are left
     * alone; the result is empty when none is.
     */
    public ReleaseResult withdraw(Set<String> ids, String reason, Optional<LocalDateTime> at, ReleaseListener listener)
            throws IOException {
        requireOpen();
        LocalDateTime time = at.orElseGet(() -> LocalDateTime.now(clock)).truncatedTo(ChronoUnit.MINUTES);
        Optional<ReleaseRecord> begun = log.beginWithdrawal("withdrawal", time, ids, reason);
        if (begun.isEmpty()) {
            return ReleaseResult.NOTHING;
        }
        return publish(begun.get(), listener);
    }

    private LocalDateTime timeOf(ReleaseRequest request) {
        return request.time().orElseGet(() -> LocalDateTime.now(clock)).truncatedTo(ChronoUnit.MINUTES);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this releaser is closed; open a new one");
        }
    }

    /** Indexes, withdraws and commits a release the log holds as pending, then marks it done. */
    private ReleaseResult publish(ReleaseRecord pending, ReleaseListener listener) throws IOException {
        listener.selected(pending);
        long[] counts;
        List<String> withdrawn;
        try {
            counts = index(pending, listener);
            withdrawn = log.withdrawals(pending.id());
            for (String id : withdrawn) {
                writer.delete(id);
            }
            if (counts[0] + counts[1] + withdrawn.size() != pending.count()) {
                throw new IOException("Release " + pending.id() + " selected " + pending.count() + " cables but the "
                        + "vault handed over " + (counts[0] + counts[1] + withdrawn.size()));
            }
            if (counts[1] + withdrawn.size() > 0) {
                // A replaced or withdrawn document must leave no trace in the files this commit publishes.
                listener.expunging();
                writer.expungeDeletes();
            }
            long[] tally = log.counts(pending.id());
            List<PublicRelease> releases = new ArrayList<>();
            for (ReleaseRecord r : log.all()) {
                if (r.state() == ReleaseRecord.State.DONE) {
                    releases.add(new PublicRelease(r.id(), r.name(), r.time(), r.added(), r.changed(), r.withdrawn()));
                }
            }
            releases.add(new PublicRelease(pending.id(), pending.name(), pending.time(), tally[0], tally[1], tally[2]));
            writer.commit(pending.id(), vault.status().total(), releases, log.withdrawnAfter(pending.id()));
        } catch (IOException | RuntimeException e) {
            // Nothing of the batch is committed (or, if the commit itself failed late, recovery will tell).
            close();
            throw e;
        }
        listener.published(pending);
        log.complete(pending.id());
        long[] tally = log.counts(pending.id());
        return new ReleaseResult(Optional.of(pending.done(tally[0], tally[1], tally[2])), counts[0], counts[1],
                withdrawn.size());
    }

    /** Reads the release's cables from the vault on this thread and indexes them on {@code indexThreads} threads. */
    private long[] index(ReleaseRecord release, ReleaseListener listener) throws IOException {
        AtomicLong added = new AtomicLong();
        AtomicLong replaced = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger threadNumber = new AtomicInteger();
        // When every thread is busy and the queue is full, the reading thread indexes the batch itself: back-pressure
        // without a hand-written queue.
        ThreadPoolExecutor indexers = new ThreadPoolExecutor(indexThreads, indexThreads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * indexThreads), r -> {
                    Thread t = new Thread(r, "cablegate-index-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        List<PublicCable>[] batch = newBatch();
        long[] handed = {0};
        try {
            log.items(release.id(), item -> {
                if (failure.get() != null) {
                    throw new IOException("indexing failed", failure.get());
                }
                (item.republish() ? batch[1] : batch[0]).add(records.build(item, release.id(), release.time()));
                for (String warning : records.takeWarnings()) {
                    listener.warning(warning);
                }
                if (batch[0].size() + batch[1].size() >= BATCH) {
                    handed[0] += submit(indexers, batch, added, replaced, failure);
                    listener.indexed(handed[0], release.count());
                    List<PublicCable>[] fresh = newBatch();
                    batch[0] = fresh[0];
                    batch[1] = fresh[1];
                }
            });
            handed[0] += submit(indexers, batch, added, replaced, failure);
            indexers.shutdown();
            if (!indexers.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IOException("indexing did not finish");
            }
            listener.indexed(handed[0], release.count());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("release interrupted");
        } finally {
            indexers.shutdownNow();
        }
        Throwable t = failure.get();
        if (t != null) {
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("indexing failed", t);
        }
        return new long[] {added.get(), replaced.get()};
    }

    @SuppressWarnings("unchecked")
    private static List<PublicCable>[] newBatch() {
        return new List[] {new ArrayList<>(BATCH), new ArrayList<>()};
    }

    private int submit(ThreadPoolExecutor indexers, List<PublicCable>[] batch, AtomicLong added, AtomicLong replaced,
            AtomicReference<Throwable> failure) {
        List<PublicCable> adds = batch[0];
        List<PublicCable> replacements = batch[1];
        if (adds.isEmpty() && replacements.isEmpty()) {
            return 0;
        }
        indexers.execute(() -> {
            try {
                for (PublicCable c : adds) {
                    writer.add(c);
                }
                added.addAndGet(adds.size());
                for (PublicCable c : replacements) {
                    writer.replace(c);
                }
                replaced.addAndGet(replacements.size());
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
        return adds.size() + replacements.size();
    }

    /** Releases the index's write lock; anything indexed and not committed is dropped. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
