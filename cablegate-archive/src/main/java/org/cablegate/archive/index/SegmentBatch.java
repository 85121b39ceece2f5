package org.cablegate.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.ParallelLeafReader;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Documents on their way into the archive as one segment. The body, most of a document's tokens, is inverted by a
 * {@link BodyInverter}; every other field goes through a private {@link IndexWriter} in memory, one thread, documents
 * in order. {@link #addTo} pairs the two by document number and merges them into the archive's writer with
 * {@code addIndexes}, which writes the segment once, body stored last as {@link ArchiveSchema#toDocument} orders it.
 *
 * <p>Used by one thread at a time; reused after {@link #addTo}.
 */
final class SegmentBatch implements Closeable {
    private final LiveIndexWriterConfig target;
    private final BodyInverter inverter;
    private final List<String> bodies = new ArrayList<>();
    private long chars;
    private ByteBuffersDirectory directory;
    private IndexWriter others;

    /** @param target the archive writer's configuration: its analyzer, codec and similarity are used here too */
    SegmentBatch(LiveIndexWriterConfig target) throws IOException {
        this.target = target;
        this.inverter = new BodyInverter(target.getSimilarity(), target.getAnalyzer().getPositionIncrementGap(
                ArchiveSchema.BODY), target.getAnalyzer().getOffsetGap(ArchiveSchema.BODY));
        open();
    }

    private void open() throws IOException {
        directory = new ByteBuffersDirectory();
        others = new IndexWriter(directory, new IndexWriterConfig(target.getAnalyzer())
                .setCodec(target.getCodec())
                .setSimilarity(target.getSimilarity())
                // The batch's size is bounded by its bodies; the rest of its fields are a fraction of that.
                .setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_PER_THREAD_HARD_LIMIT_MB - 1)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setMergeScheduler(new SerialMergeScheduler())
                .setUseCompoundFile(false)
                .setCommitOnClose(false));
    }

    /** Adds a document: its body apart, from {@code document} every other field. */
    void add(Document document) throws IOException {
        String body = document.get(ArchiveSchema.BODY);
        document.removeField(ArchiveSchema.BODY);
        others.addDocument(document);
        inverter.add(body);
        bodies.add(body);
        chars += body.length();
    }

    boolean isEmpty() {
        return bodies.isEmpty();
    }

    /** Chars of body held. */
    long chars() {
        return chars;
    }

    /** Adds the batch to {@code writer} as one new segment (invisible until the writer commits), and empties it. */
    void addTo(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(others)) {
            if (reader.leaves().size() != 1 || reader.maxDoc() != bodies.size()) {
                throw new IllegalStateException("a batch of " + bodies.size() + " documents became "
                        + reader.leaves().size() + " segments of " + reader.maxDoc());
            }
            LeafReader rest = reader.leaves().get(0).reader();
            int unused = 0;
            for (FieldInfo f : rest.getFieldInfos()) {
                unused = Math.max(unused, f.number + 1);
            }
            BodyReader body = new BodyReader(inverter.finish(), bodies, unused);
            try (ParallelLeafReader pair = new ParallelLeafReader(false, rest, body)) {
                writer.addIndexes(SlowCodecReaderWrapper.wrap(pair));
            }
        }
        others.rollback();
        bodies.clear();
        chars = 0;
        open();
    }

    @Override
    public void close() throws IOException {
        others.rollback();
    }
}
