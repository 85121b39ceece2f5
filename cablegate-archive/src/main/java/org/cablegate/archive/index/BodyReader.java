package org.cablegate.archive.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
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
import org.apache.lucene.util.Version;

/**
 * A batch's body field as a leaf reader: the postings and norms of an {@link InvertedBody} and the texts as the stored
 * field, with the structure a {@code TextField} gives it (positions, norms, no term vectors). It has the body only;
 * beside the batch's other fields in a {@code ParallelLeafReader} it is a segment that {@code addIndexes} can merge.
 */
final class BodyReader extends LeafReader {
    private final InvertedBody body;
    private final List<String> texts;
    private final FieldInfo info;
    private final FieldInfos infos;

    /**
     * @param fieldNumber the body's number; give it one the other reader of the pair does not use, so that the pair's
     *                    field numbers stay the same as each reader's own
     */
    BodyReader(InvertedBody body, List<String> texts, int fieldNumber) {
        if (texts.size() != body.maxDoc()) {
            throw new IllegalArgumentException(texts.size() + " texts for " + body.maxDoc() + " inverted bodies");
        }
        this.body = body;
        this.texts = texts;
        this.info = new FieldInfo(ArchiveSchema.BODY, fieldNumber, false, false, false,
                IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, DocValuesType.NONE, -1, new HashMap<>(), 0, 0, 0, 0,
                VectorEncoding.FLOAT32, VectorSimilarityFunction.EUCLIDEAN, false, false);
        this.infos = new FieldInfos(new FieldInfo[] {info});
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
                if (visitor.needsField(info) == StoredFieldVisitor.Status.YES) {
                    visitor.stringField(info, texts.get(docID));
                }
            }
        };
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
