package org.cablegate.archive.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * A batch's body postings and norms, and every stored field of its documents, as a leaf reader. Paired in a
 * {@code ParallelLeafReader} with the batch's other fields, indexed by Lucene without their stored values, it is a
 * segment that {@code addIndexes} writes once: stored fields included, in the order of each document's fields, so
 * that they are compressed once and never decoded on the way. The body has the structure a {@code TextField} gives it
 * (positions, norms, no term vectors).
 */
final class BatchReader extends LeafReader {
    private final InvertedBody body;
    private final List<IndexableField[]> stored;
    private final FieldInfo bodyInfo;
    private final FieldInfos infos;

    /**
     * @param stored each document's stored fields, in order
     * @param others the field infos of the reader it is paired with: a stored field indexed there takes its info, so
     *               that both readers number it alike; the body and the fields only stored get numbers unused there
     */
    BatchReader(InvertedBody body, List<IndexableField[]> stored, FieldInfos others) {
        if (stored.size() != body.maxDoc()) {
            throw new IllegalArgumentException(stored.size() + " documents for " + body.maxDoc() + " inverted bodies");
        }
        this.body = body;
        this.stored = stored;
        int unused = 0;
        for (FieldInfo f : others) {
            unused = Math.max(unused, f.number + 1);
        }
        Map<String, FieldInfo> byName = new LinkedHashMap<>();
        this.bodyInfo = new FieldInfo(ArchiveSchema.BODY, unused++, false, false, false,
                IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, DocValuesType.NONE, -1, new HashMap<>(), 0, 0, 0, 0,
                VectorEncoding.FLOAT32, VectorSimilarityFunction.EUCLIDEAN, false, false);
        byName.put(ArchiveSchema.BODY, bodyInfo);
        for (IndexableField[] fields : stored) {
            for (IndexableField f : fields) {
                if (!byName.containsKey(f.name())) {
                    FieldInfo indexed = others.fieldInfo(f.name());
                    byName.put(f.name(), indexed != null ? indexed : new FieldInfo(f.name(), unused++, false, true,
                            false, IndexOptions.NONE, DocValuesType.NONE, -1, new HashMap<>(), 0, 0, 0, 0,
                            VectorEncoding.FLOAT32, VectorSimilarityFunction.EUCLIDEAN, false, false));
                }
            }
        }
        this.infos = new FieldInfos(byName.values().toArray(FieldInfo[]::new));
    }

    @Override
    public Terms terms(String field) {
        return ArchiveSchema.BODY.equals(field) ? body.terms() : null;
    }

    @Override
    public NumericDocValues getNormValues(String field) {
        return ArchiveSchema.BODY.equals(field) ? body.norms() : null;
    }

    @Override
    public FieldInfos getFieldInfos() {
        return infos;
    }

    @Override
    public StoredFields storedFields() {
        return new StoredFields() {
            @Override
            public void document(int docID, StoredFieldVisitor visitor) throws IOException {
                for (IndexableField f : stored.get(docID)) {
                    FieldInfo info = infos.fieldInfo(f.name());
                    switch (visitor.needsField(info)) {
                        case YES -> visit(info, f.storedValue(), visitor);
                        case NO -> { }
                        case STOP -> {
                            return;
                        }
                    }
                }
            }
        };
    }

    private static void visit(FieldInfo info, StoredValue value, StoredFieldVisitor visitor) throws IOException {
        switch (value.getType()) {
            case STRING -> visitor.stringField(info, value.getStringValue());
            case INTEGER -> visitor.intField(info, value.getIntValue());
            case LONG -> visitor.longField(info, value.getLongValue());
            case FLOAT -> visitor.floatField(info, value.getFloatValue());
            case DOUBLE -> visitor.doubleField(info, value.getDoubleValue());
            case BINARY -> visitor.binaryField(info, BytesRef.deepCopyOf(value.getBinaryValue()).bytes);
        }
    }

    @Override
    public void document(int docID, StoredFieldVisitor visitor) throws IOException {
        storedFields().document(docID, visitor);
    }

    @Override
    public int numDocs() {
        return body.maxDoc();
    }

    @Override
    public int maxDoc() {
        return body.maxDoc();
    }

    @Override
    public Bits getLiveDocs() {
        return null;
    }

    @Override
    public LeafMetaData getMetaData() {
        return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
    }

    @Override
    public void checkIntegrity() {
        // in memory, nothing to verify
    }

    @Override
    public TermVectors termVectors() {
        return TermVectors.EMPTY;
    }

    @Override
    public Fields getTermVectors(int docID) {
        return null;
    }

    @Override
    public NumericDocValues getNumericDocValues(String field) {
        return null;
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String field) {
        return null;
    }

    @Override
    public SortedDocValues getSortedDocValues(String field) {
        return null;
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String field) {
        return null;
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String field) {
        return null;
    }

    @Override
    public FloatVectorValues getFloatVectorValues(String field) {
        return null;
    }

    @Override
    public ByteVectorValues getByteVectorValues(String field) {
        return null;
    }

    @Override
    public void searchNearestVectors(String field, float[] target, KnnCollector knnCollector, Bits acceptDocs) {
        // no vectors
    }

    @Override
    public void searchNearestVectors(String field, byte[] target, KnnCollector knnCollector, Bits acceptDocs) {
        // no vectors
    }

    @Override
    public PointValues getPointValues(String field) {
        return null;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    @Override
    protected void doClose() {
        // nothing held but memory
    }
}
