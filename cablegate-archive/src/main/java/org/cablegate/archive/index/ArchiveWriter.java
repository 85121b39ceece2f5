package org.cablegate.archive.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Writes the public archive: used by the releaser only. Holding one is holding the index's write lock, so two
 * releases cannot run at once (the lock is the OS's: a killed process leaves none behind).
 *
 * <p>Nothing written becomes visible until {@link #commit(long)}: that one Lucene commit publishes the whole batch
 * and records which release it was. Closing without a commit throws the batch away, as does a crash: on the next open
 * Lucene starts from the last commit and deletes the rest. Adding and replacing are thread-safe; a release indexes
 * with several threads.
 */
public final class ArchiveWriter implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final long committedRelease;
    /** Whether documents were added or replaced since the last commit. */
    private volatile boolean uncommitted;

    private ArchiveWriter(Directory directory, IndexWriter writer, long committedRelease) {
        this.directory = directory;
        this.writer = writer;
        this.committedRelease = committedRelease;
    }

    /**
     * Opens the index directory for writing, creating it if needed.
     *
     * @param ramBufferMb indexing memory before a segment is flushed; bigger means fewer segments and less merging
     */
    public static ArchiveWriter open(Path indexDir, int ramBufferMb) throws IOException {
        Directory directory = FSDirectory.open(indexDir);
        try {
            long committed = 0;
            if (DirectoryReader.indexExists(directory)) {
                committed = CommitData.of(SegmentInfos.readLatestCommit(directory).getUserData()).release();
            }
            TieredMergePolicy merges = new TieredMergePolicy();
            // Compound files would copy every segment once more; an archive has few segments, file handles are cheap.
            merges.setNoCFSRatio(0.0);
            // A redaction or withdrawal must leave no segment that holds the old document (see expungeDeletes): every
            // segment with a deletion is rewritten, however few it has.
            merges.setForceMergeDeletesPctAllowed(0.0);
            IndexWriterConfig config = new IndexWriterConfig(new CableAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Stored fields are most of the index and most of its write time: LZ4, not DEFLATE.
                    .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges)
                    // Closing must never publish a half-written batch.
                    .setCommitOnClose(false);
            return new ArchiveWriter(directory, new IndexWriter(directory, config), committed);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IOException("Another process is writing the public archive at " + indexDir
                    + " (a release is running); try again when it is done", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The release the last commit published; 0 before the first. */
    public long committedRelease() {
        return committedRelease;
    }

    /** Adds a cable that is not in the archive yet. */
    public void add(PublicCable cable) throws IOException {
        uncommitted = true;
        writer.addDocument(ArchiveSchema.toDocument(cable));
    }

    /** Adds a cable, replacing what the archive holds under its id (a new version of a released cable). */
    public void replace(PublicCable cable) throws IOException {
        uncommitted = true;
        writer.updateDocument(new Term(ArchiveSchema.ID, cable.id()), ArchiveSchema.toDocument(cable));
    }

    /** Takes a cable out of the archive (a withdrawal); nothing if it is not there. */
    public void delete(String id) throws IOException {
        uncommitted = true;
        writer.deleteDocuments(new Term(ArchiveSchema.ID, id));
    }

    /**
     * Rewrites every segment that holds a deleted document (one replaced or withdrawn since it was written), so that
     * no segment of the next commit holds the old document's terms, stored fields or doc values. Without this, a
     * replaced or withdrawn text would stay in the files until a merge happened to pick its segment: a prefix or
     * fuzzy query lists the terms of deleted documents too, and anyone holding the files could read them.
     */
    public void expungeDeletes() throws IOException {
        writer.forceMergeDeletes(true);
    }

    /** Publishes everything added since opening, as release {@code releaseId}, in one atomic commit. */
    public void commit(long releaseId) throws IOException {
        commit(releaseId, 0);
    }

    /**
     * Publishes everything added since opening, as release {@code releaseId}, in one atomic commit that also records
     * the size of the whole set at that moment (see {@link PublicArchive#setSize()}).
     */
    public void commit(long releaseId, long setSize) throws IOException {
        commit(new CommitData(releaseId, setSize, List.of(), List.of()));
    }

    /**
     * Publishes everything added or deleted since opening, in one atomic commit that also records the public release
     * log and the withdrawn cables as of this release.
     */
    public void commit(long releaseId, long setSize, List<PublicRelease> releases, List<WithdrawnCable> withdrawn)
            throws IOException {
        commit(new CommitData(releaseId, setSize, releases, withdrawn));
    }

    private void commit(CommitData data) throws IOException {
        flushInParallel();
        writer.setLiveCommitData(data.withPublished(publishedNow()).toMap().entrySet());
        writer.commit();
        uncommitted = false;
    }

    /**
     * Writes the documents still in memory to segments, one per-thread buffer per processor at a time. A commit would
     * flush them one after the other on the committing thread: for a big release that is seconds of one busy core.
     * Flushed segments are invisible until the commit, so this changes nothing for readers.
     */
    private void flushInParallel() throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2) {
            return;
        }
        ExecutorService flushers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(flushers.submit(() -> {
                    while (writer.flushNextBuffer()) {
                        // one buffer per call
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing the index");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("flushing the index failed", e.getCause());
        } finally {
            flushers.shutdownNow();
        }
    }

    /**
     * The wall-clock second of this commit, later than the previous commit's: HTTP validators follow it, and must
     * change with every release (issue 12: a release dated in the past with {@code --at} kept answering 304s).
     */
    private long publishedNow() {
        long previous = 0;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(CommitData.PUBLISHED)) {
                    previous = Long.parseLong(e.getValue());
                }
            }
        }
        return Math.max(System.currentTimeMillis() / 1000, previous + 1);
    }

    /**
     * Closes; whatever was not committed is discarded. After a commit, merges that it started are finished and
     * committed first (the same documents, the same release in the commit data), so that segments do not pile up
     * over many small releases.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!uncommitted) {
                if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
                    merges.sync();
                }
                if (!uncommitted && writer.hasUncommittedChanges()) {
                    writer.commit();
                }
            }
        } finally {
            try {
                writer.rollback();
            } finally {
                directory.close();
            }
        }
    }
}
