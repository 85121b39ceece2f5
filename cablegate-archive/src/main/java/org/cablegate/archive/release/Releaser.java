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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cablegate.archive.index.ArchiveWriter;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.vault.ReleaseItem;
import org.cablegate.archive.vault.ReleaseLog;
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
 * <p>Seams for later: redactions apply in {@link #toPublic}, before any text reaches the index; a new version of a
 * released cable is selected by default and replaces the old document, keeping its first release time.
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
    private Optional<String> recovery = Optional.empty();
    private boolean closed;

    private Releaser(Vault vault, ArchiveWriter writer, int indexThreads, Clock clock) {
        this.vault = vault;
        this.log = vault.releaseLog();
        this.writer = writer;
        this.indexThreads = indexThreads;
        this.clock = clock;
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
     * 256 MB (less on a small heap): the full set then indexes into about 7 segments, few enough for fast searches
     * without merging, while each thread's buffer is flushed as it fills, in parallel with indexing. Measured on the
     * full-scale corpus: 128 MB made 11-13 segments for the same CPU time, 512 MB 4 segments for slightly more.
     */
    static int defaultRamBufferMb() {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(32, Math.min(256, heapMb / 4));
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
        if (closed) {
            throw new IllegalStateException("this releaser is closed; open a new one");
        }
        LocalDateTime time = request.time().orElseGet(() -> LocalDateTime.now(clock)).truncatedTo(ChronoUnit.MINUTES);
        Optional<ReleaseRecord> begun = log.begin(request.name(), time, request.selection(), request.keepOriginalTimes());
        if (begun.isEmpty()) {
            return new ReleaseResult(Optional.empty(), 0, 0);
        }
        ReleaseRecord pending = begun.get();
        listener.selected(pending);
        long[] counts;
        try {
            counts = index(pending, listener);
            writer.commit(pending.id(), vault.status().total());
        } catch (IOException | RuntimeException e) {
            // Nothing of the batch is committed (or, if the commit itself failed late, recovery will tell).
            close();
            throw e;
        }
        listener.published(pending);
        log.complete(pending.id());
        ReleaseRecord done = new ReleaseRecord(pending.id(), pending.name(), pending.time(), pending.selection(),
                pending.keepOriginalTimes(), pending.count(), ReleaseRecord.State.DONE);
        return new ReleaseResult(Optional.of(done), counts[0], counts[1]);
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
                (item.republish() ? batch[1] : batch[0]).add(toPublic(item));
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
        if (added.get() + replaced.get() != release.count()) {
            throw new IOException("Release " + release.id() + " selected " + release.count() + " cables but the vault "
                    + "handed over " + (added.get() + replaced.get()));
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

    /**
     * The public form of a cable. This is where redactions will be applied, before any text reaches the index: what
     * is redacted is then never analysed, stored or shown.
     */
    private static PublicCable toPublic(ReleaseItem i) {
        return new PublicCable(i.id(), i.canonicalId(), i.version(), i.created(), i.released(), i.classification(),
                i.origin(), i.subject(), i.tags(), i.from(), i.to(), i.cites(), i.header(), i.body());
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
