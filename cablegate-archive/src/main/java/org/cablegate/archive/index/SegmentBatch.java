package org.cablegate.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
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
 * in order, stored values left out. {@link #addTo} pairs the two by document number with the stored values (a
 * {@link BatchReader}) and merges them into the archive's writer with {@code addIndexes}, which writes the segment
 * once: the stored fields in the order {@link ArchiveSchema#toDocument} gives them, compressed once.
 *
 * <p>Used by one thread at a time; reused after {@link #addTo}.
 */
final class SegmentBatch implements Closeable {
    private final LiveIndexWriterConfig target;
    private final BodyInverter inverter;
    private final List<IndexableField[]> stored = new ArrayList<>();
    /** The types of stored and indexed fields with stored off, each made once. */
    private final Map<IndexableFieldType, FieldType> unstoredTypes = new IdentityHashMap<>();
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

    /**
     * Adds a document. Its body goes to the inverter; its other indexed fields to the private writer, with their stored
     * values left out; every stored value is kept here, in order, to be written once by the merge.
     */
    void add(Document document) throws IOException {
        Document indexed = new Document();
        List<IndexableField> values = new ArrayList<>();
        String body = null;
        for (IndexableField f : document) {
            IndexableFieldType type = f.fieldType();
            if (type.stored()) {
                values.add(f);
            }
            if (f.name().equals(ArchiveSchema.BODY)) {
                body = f.stringValue();
            } else if (type.indexOptions() != IndexOptions.NONE || type.docValuesType() != DocValuesType.NONE
                    || type.pointDimensionCount() > 0 || type.vectorDimension() > 0) {
                indexed.add(type.stored() ? unstored(f) : f);
            }
        }
        if (body == null) {
            throw new IllegalArgumentException("a document without " + ArchiveSchema.BODY);
        }
        others.addDocument(indexed);
        inverter.add(body);
        stored.add(values.toArray(IndexableField[]::new));
        chars += body.length();
    }

    /** The field, indexed as it is, not stored. Stored and indexed fields of the archive are all text. */
    private IndexableField unstored(IndexableField f) {
        if (f.stringValue() == null) {
            throw new IllegalArgumentException("field " + f.name() + " is stored and indexed but not text");
        }
        FieldType type = unstoredTypes.computeIfAbsent(f.fieldType(), t -> {
            FieldType copy = new FieldType(t);
            copy.setStored(false);
            copy.freeze();
            return copy;
        });
        return new Field(f.name(), f.stringValue(), type);
    }

    boolean isEmpty() {
        return stored.isEmpty();
    }

    /** Chars of body held. */
    long chars() {
        return chars;
    }

    /** Adds the batch to {@code writer} as one new segment (invisible until the writer commits), and empties it. */
    void addTo(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(others)) {
            if (reader.leaves().size() != 1 || reader.maxDoc() != stored.size()) {
                throw new IllegalStateException("a batch of " + stored.size() + " documents became "
                        + reader.leaves().size() + " segments of " + reader.maxDoc());
            }
            LeafReader rest = reader.leaves().get(0).reader();
            BatchReader body = new BatchReader(inverter.finish(), stored, rest.getFieldInfos());
            // The other fields first: the pair takes a field's info from the first reader that has it.
            try (ParallelLeafReader pair = new ParallelLeafReader(false, rest, body)) {
                writer.addIndexes(SlowCodecReaderWrapper.wrap(pair));
            }
        }
        others.rollback();
        stored.clear();
        chars = 0;
        open();
    }

    @Override
    public void close() throws IOException {
        others.rollback();
    }
}
