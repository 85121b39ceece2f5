package org.cablegate.archive.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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
    /**
     * The largest segment merges make: a redaction or withdrawal rewrites the segment that held the old document, so
     * this is its cost (issue 8: ~2 s for 48 MB of postings on the full archive, where 400 MB took 9 s), weighed
     * against search, which slows with many segments (16 at this size search as fast as 7 unbounded ones did).
     */
    public static final int MAX_SEGMENT_MB = 48;

    private final Directory directory;
    private final IndexWriter writer;
    private final CableTexts.Writer texts;
    private final long committedRelease;
    /** Whether documents were added or replaced since the last commit. */
    private volatile boolean uncommitted;
    /** The records written since the last commit, by cable id: a cable replaced twice in one batch blanks the first. */
    private final Map<String, CableTexts.Ref> written = new ConcurrentHashMap<>();
    /** The last commit, read to find the records a replacement or withdrawal supersedes; opened on first need. */
    private DirectoryReader committed;

    private ArchiveWriter(Directory directory, IndexWriter writer, CableTexts.Writer texts, long committedRelease) {
        this.directory = directory;
        this.writer = writer;
        this.texts = texts;
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
            CommitData last = CommitData.NONE;
            if (DirectoryReader.indexExists(directory)) {
                last = CommitData.of(SegmentInfos.readLatestCommit(directory).getUserData());
            }
            TieredMergePolicy merges = new TieredMergePolicy();
            // Compound files would copy every segment once more; an archive has few segments, file handles are cheap.
            merges.setNoCFSRatio(0.0);
            // A redaction or withdrawal must leave no segment that holds the old document (see expungeDeletes): every
            // segment with a deletion is rewritten, however few it has.
            merges.setForceMergeDeletesPctAllowed(0.0);
            merges.setMaxMergedSegmentMB(MAX_SEGMENT_MB);
            IndexWriterConfig config = new IndexWriterConfig(new CableAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // The texts are in packs (CableTexts): the stored fields left are small and read for every page; LZ4.
                    .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges)
                    // Closing must never publish a half-written batch.
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            // Only after the write lock is ours: the text store deletes the packs the last commit does not name.
            return new ArchiveWriter(directory, writer, new CableTexts.Writer(directory, last.texts()), last.release());
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
        CableTexts.Ref text = texts.append(CableTexts.encode(ArchiveSchema.texts(cable)));
        blank(written.put(cable.id(), text));
        writer.addDocument(ArchiveSchema.toDocument(cable, text));
    }

    /** Adds a cable, replacing what the archive holds under its id (a new version of a released cable). */
    public void replace(PublicCable cable) throws IOException {
        uncommitted = true;
        CableTexts.Ref text = texts.append(CableTexts.encode(ArchiveSchema.texts(cable)));
        CableTexts.Ref before = written.put(cable.id(), text);
        blank(before != null ? before : committedText(cable.id()).orElse(null));
        writer.updateDocument(new Term(ArchiveSchema.ID, cable.id()), ArchiveSchema.toDocument(cable, text));
    }

    /** Takes a cable out of the archive (a withdrawal); nothing if it is not there. */
    public void delete(String id) throws IOException {
        uncommitted = true;
        CableTexts.Ref before = written.remove(id);
        blank(before != null ? before : committedText(id).orElse(null));
        writer.deleteDocuments(new Term(ArchiveSchema.ID, id));
    }

    private void blank(CableTexts.Ref superseded) {
        if (superseded != null) {
            texts.blank(superseded);
        }
    }

    /** Where the last commit keeps the text of a cable; empty if it does not hold the cable, or holds its text inline. */
    private synchronized Optional<CableTexts.Ref> committedText(String id) throws IOException {
        if (committed == null) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            committed = DirectoryReader.open(directory);
        }
        IndexSearcher searcher = new IndexSearcher(committed);
        TopDocs top = searcher.search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return ArchiveSchema.textRef(searcher.storedFields().document(top.scoreDocs[0].doc));
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
        List<String> packs = texts.prepareCommit();
        writer.setLiveCommitData(data.committed(publishedNow(), packs).toMap().entrySet());
        writer.commit();
        texts.committed();
        written.clear();
        closeCommitted();
        uncommitted = false;
    }

    private synchronized void closeCommitted() throws IOException {
        if (committed != null) {
            committed.close();
            committed = null;
        }
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
                closeCommitted();
                writer.rollback();
            } finally {
                try {
                    texts.close();
                } finally {
                    directory.close();
                }
            }
        }
    }
}
