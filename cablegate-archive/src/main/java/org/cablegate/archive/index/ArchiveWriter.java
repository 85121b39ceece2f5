package org.cablegate.archive.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
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
 *
 * <p>Documents are gathered in {@link SegmentBatch}es, one per thread at a time, each bounded by the chars of its
 * bodies; a full batch becomes one segment through {@code addIndexes}, the rest at the commit. Lucene's own
 * indexing chain sees every field but the body, whose inversion (most of the work) {@link BodyInverter} does.
 */
public final class ArchiveWriter implements AutoCloseable {
    /**
     * Memory a batch may take for each char of body: the text itself (1 byte for the Latin-1 texts that cables are),
     * 8 bytes a token (one every 8 to 9 chars) while inverting and 8 more for the sorted postings, with room to spare.
     */
    private static final int BYTES_PER_BODY_CHAR = 4;

    private final Directory directory;
    private final IndexWriter writer;
    private final long committedRelease;
    private final long batchChars;
    /** Batches no thread is filling. */
    private final ConcurrentLinkedDeque<SegmentBatch> idle = new ConcurrentLinkedDeque<>();
    /** Whether documents were added or replaced since the last commit. */
    private volatile boolean uncommitted;

    private ArchiveWriter(Directory directory, IndexWriter writer, long committedRelease, long batchChars) {
        this.directory = directory;
        this.writer = writer;
        this.committedRelease = committedRelease;
        this.batchChars = batchChars;
    }

    /**
     * Opens the index directory for writing, creating it if needed.
     *
     * @param ramBufferMb indexing memory of one batch (one segment); bigger means fewer segments and less merging
     */
    public static ArchiveWriter open(Path indexDir, int ramBufferMb) throws IOException {
        Directory directory = FSDirectory.open(indexDir);
        try {
            long committed = 0;
            if (DirectoryReader.indexExists(directory)) {
                committed = Long.parseLong(SegmentInfos.readLatestCommit(directory).getUserData()
                        .getOrDefault(PublicArchive.RELEASE_KEY, "0"));
            }
            TieredMergePolicy merges = new TieredMergePolicy();
            // Compound files would copy every segment once more; an archive has few segments, file handles are cheap.
            merges.setNoCFSRatio(0.0);
            IndexWriterConfig config = new IndexWriterConfig(new CableAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Stored fields are most of the index and most of its write time: LZ4, not DEFLATE.
                    .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges)
                    .setMergeScheduler(new AddIndexesOnCaller())
                    // Closing must never publish a half-written batch.
                    .setCommitOnClose(false);
            return new ArchiveWriter(directory, new IndexWriter(directory, config), committed,
                    (long) ramBufferMb * 1024 * 1024 / BYTES_PER_BODY_CHAR);
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
        index(cable);
    }

    /**
     * Adds a cable, replacing what the archive holds under its id (a new version of a released cable). The old one is
     * deleted now and the new one added later with its batch: a delete reaches only the documents added before it, and
     * the commit publishes both together.
     */
    public void replace(PublicCable cable) throws IOException {
        uncommitted = true;
        writer.deleteDocuments(new Term(ArchiveSchema.ID, cable.id()));
        index(cable);
    }

    private void index(PublicCable cable) throws IOException {
        SegmentBatch batch = idle.poll();
        if (batch == null) {
            batch = new SegmentBatch(writer.getConfig());
        }
        batch.add(ArchiveSchema.toDocument(cable));
        if (batch.chars() >= batchChars) {
            batch.addTo(writer);
        }
        idle.push(batch);
    }

    /** Publishes everything added since opening, as release {@code releaseId}, in one atomic commit. */
    public void commit(long releaseId) throws IOException {
        commit(releaseId, 0);
    }

    /**
     * Publishes everything added since opening, as release {@code releaseId}, in one atomic commit that also records
     * the size of the whole set at that moment (see {@link PublicArchive#setSize()}). Call it when no thread is
     * adding any more.
     */
    public void commit(long releaseId, long setSize) throws IOException {
        addBatchesInParallel();
        writer.setLiveCommitData(Map.of(PublicArchive.RELEASE_KEY, Long.toString(releaseId),
                PublicArchive.SET_SIZE_KEY, Long.toString(setSize)).entrySet());
        writer.commit();
        uncommitted = false;
    }

    /**
     * Turns the batches still being filled into segments, one thread per processor: on the committing thread alone
     * that would be seconds of one busy core. New segments are invisible until the commit.
     */
    private void addBatchesInParallel() throws IOException {
        List<SegmentBatch> batches = new ArrayList<>();
        for (SegmentBatch b : idle) {
            if (!b.isEmpty()) {
                batches.add(b);
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(
                Math.min(batches.size(), Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (SegmentBatch b : batches) {
                done.add(threads.submit(() -> {
                    b.addTo(writer);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the index");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing the index failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Runs the merges of {@code addIndexes} on the thread that calls it, like a serial scheduler; other merges in the
     * background as before. Handed to the concurrent scheduler (one merge thread on 2 cores), two batches would be
     * merged one after the other, and a merge is most of a batch's writing.
     */
    private static final class AddIndexesOnCaller extends ConcurrentMergeScheduler {
        @Override
        public void merge(MergeSource source, MergeTrigger trigger) throws IOException {
            if (trigger != MergeTrigger.ADD_INDEXES) {
                super.merge(source, trigger);
                return;
            }
            MergePolicy.OneMerge merge;
            while ((merge = source.getNextMerge()) != null) {
                source.merge(merge);
            }
        }

        /** The background merges' throttling, not for a merge on the caller's thread. */
        @Override
        public Directory wrapForMerge(MergePolicy.OneMerge merge, Directory in) {
            return Thread.currentThread() instanceof MergeThread ? super.wrapForMerge(merge, in) : in;
        }
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
                for (SegmentBatch b : idle) {
                    b.close();
                }
                writer.rollback();
            } finally {
                directory.close();
            }
        }
    }
}
