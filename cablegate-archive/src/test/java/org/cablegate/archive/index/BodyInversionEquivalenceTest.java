package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.cablegate.archive.SharedCorpus;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's body field, inverted by {@link BodyInverter} and merged in through {@link SegmentBatch}, must be the
 * index Lucene's own chain makes of the same documents: the same terms with the same statistics, every posting's
 * document, frequency and positions, the same norms and stored fields, and so the same hits with the same scores.
 * Real cables go both ways, Lucene's with one thread into one segment, ours with two threads and batches small
 * enough to make many segments; documents are matched by id, as their numbers may differ.
 */
class BodyInversionEquivalenceTest {
    private static final LocalDateTime RELEASED = LocalDateTime.parse("2011-04-11T12:00");
    /** Words, phrases across stop words and possessives, prefixes, ranges: every kind of query that reads the body. */
    private static final List<String> QUERIES = List.of("iran", "body:moscow", "\"human rights\"",
            "\"secretary of state\"", "\"prime minister's visit\"", "\"iran's nuclear program\"", "nuclear AND iran",
            "gas OR oil OR pipeline", "\"the president\"", "minist*", "body:[a TO ab]", "\"human rights\"~3",
            "s", "08moscow1647", "classified by", "\"ref a\"");

    @TempDir
    Path dir;

    @Test
    void theBundledSampleIndexesExactlyAsLuceneIndexesIt() throws Exception {
        List<PublicCable> cables = read(sample());
        assertThat(cables).hasSizeGreaterThan(100);
        assertSameIndex(luceneIndex(cables), archiveIndex(cables, 1));
    }

    @Test
    void theRealCorpusIndexesExactlyAsLuceneIndexesIt() throws Exception {
        List<PublicCable> cables = read(SharedCorpus.corpusFile("cables-2011-04.csv.gz"));
        assertThat(cables).hasSize(6712);
        assertSameIndex(luceneIndex(cables), archiveIndex(cables, 8));
    }

    @Test
    void edgesOfTheTokenizerIndexAsLuceneIndexesThem() throws Exception {
        String sixtyFive = "x".repeat(63) + "\uD83D\uDE00tail";
        List<String> bodies = List.of("", "the of and", "'s start", "s at the start", "Iran's IRAN’S iran 's s",
                "a\uD800b and a\uDC00b: two lone surrogates, one term", "\uD83D\uDE00 emoji \uD83D\uDE00",
                sixtyFive + " " + sixtyFive.toUpperCase(), "ÉCOLE Ärzte façade ŁÓDŹ İstanbul ǅ ß", "x".repeat(300),
                "ends with a stop word: the", "  leading and trailing separators  ", "12345678 123456789 abcdefgh",
                "tab\tnew\nline\r\nand\u00A0nbsp", "the the the end");
        List<PublicCable> cables = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            cables.add(cable("EDGE" + i, bodies.get(i)));
        }
        assertSameIndex(luceneIndex(cables), archiveIndex(cables, 1));
    }

    @Test
    void theComparisonSeesASinglePositionOff() throws Exception {
        List<PublicCable> cables = read(sample());
        List<PublicCable> shifted = new ArrayList<>(cables);
        // A stop word before the last word: same terms, frequencies and norm, one position one further.
        PublicCable c = cables.get(cables.size() / 2);
        String body = c.body().stripTrailing();
        int last = body.lastIndexOf(' ') + 1;
        shifted.set(cables.size() / 2, withBody(c, body.substring(0, last) + "the " + body.substring(last)));
        IndexReader expected = luceneIndex(cables);
        IndexReader actual = archiveIndex(shifted, 1);
        assertThatThrownBy(() -> assertSameIndex(expected, actual)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("positions");
    }

    private Path sample() throws IOException {
        Path file = dir.resolve("cables-sample.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("cables-sample.csv.gz")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<PublicCable> read(Path csv) throws IOException {
        CableParser parser = new CableParser();
        List<PublicCable> cables = new ArrayList<>();
        Sources.read(csv, new CableSink() {
            @Override
            public void accept(SourceCable source) {
                Cable c = parser.parse(source);
                List<String> to = new ArrayList<>();
                for (Recipient r : c.header().to()) {
                    to.add(r.name());
                }
                cables.add(new PublicCable(c.id(), c.canonicalId(), 1, c.created(), RELEASED, c.classification(),
                        c.origin(), c.subject(), c.tags(), c.header().from(), to, List.of(), source.header(),
                        source.body()));
            }

            @Override
            public void reject(Rejection rejection) {
                throw new AssertionError("the test corpus has no bad record: " + rejection);
            }
        });
        return cables;
    }

    private static PublicCable cable(String id, String body) {
        return new PublicCable(id, id, 1, LocalDateTime.parse("2008-06-10T11:11"), RELEASED, "SECRET", "Embassy Moscow",
                "", List.of(), "", List.of(), List.of(), "", body);
    }

    private static PublicCable withBody(PublicCable c, String body) {
        return new PublicCable(c.id(), c.canonicalId(), c.version(), c.created(), c.released(), c.classification(),
                c.origin(), c.subject(), c.tags(), c.from(), c.to(), c.cites(), c.header(), body);
    }

    /** Lucene's own chain: the archive's analyzer and codec, one thread, one segment. */
    private IndexReader luceneIndex(List<PublicCable> cables) throws IOException {
        Directory d = FSDirectory.open(Files.createDirectories(dir.resolve("lucene-" + System.nanoTime())));
        IndexWriterConfig config = new IndexWriterConfig(new CableAnalyzer())
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                .setRAMBufferSizeMB(512)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(d, config)) {
            for (PublicCable c : cables) {
                w.addDocument(ArchiveSchema.toDocument(c));
            }
            w.commit();
        }
        return DirectoryReader.open(d);
    }

    /** The archive's writer, two threads adding, batches of about {@code batchMb}/4 million chars of body. */
    private IndexReader archiveIndex(List<PublicCable> cables, int batchMb) throws Exception {
        Path index = dir.resolve("archive-" + System.nanoTime());
        try (ArchiveWriter writer = ArchiveWriter.open(index, batchMb)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int first = t;
                    done.add(threads.submit(() -> {
                        for (int i = first; i < cables.size(); i += 2) {
                            writer.add(cables.get(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }
            writer.commit(1);
        }
        return DirectoryReader.open(FSDirectory.open(index));
    }

    static void assertSameIndex(IndexReader expected, IndexReader actual) throws Exception {
        try (expected; actual) {
            assertThat(actual.numDocs()).as("documents").isEqualTo(expected.numDocs());
            int[] toExpected = docMap(expected, actual);
            assertSameFields(FieldInfos.getMergedFieldInfos(expected), FieldInfos.getMergedFieldInfos(actual));
            assertSamePostings(expected, actual, toExpected);
            assertSameNorms(expected, actual, toExpected);
            assertSameStoredFields(expected, actual, toExpected);
            assertSameHits(expected, actual);
        }
    }

    /** For each document of {@code actual}, the number of the one with the same id in {@code expected}. */
    private static int[] docMap(IndexReader expected, IndexReader actual) throws IOException {
        Map<String, Integer> byId = new HashMap<>();
        SortedDocValues ids = MultiDocValues.getSortedValues(expected, ArchiveSchema.ID);
        for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
            byId.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), doc);
        }
        int[] map = new int[actual.maxDoc()];
        SortedDocValues actualIds = MultiDocValues.getSortedValues(actual, ArchiveSchema.ID);
        for (int doc = 0; doc < map.length; doc++) {
            assertThat(actualIds.advanceExact(doc)).isTrue();
            Integer e = byId.get(actualIds.lookupOrd(actualIds.ordValue()).utf8ToString());
            assertThat(e).as("document of the same id").isNotNull();
            map[doc] = e;
        }
        return map;
    }

    /** Every field with the same structure: a segment that differed could not be added to an existing archive. */
    private static void assertSameFields(FieldInfos expected, FieldInfos actual) {
        assertThat(schemas(actual)).isEqualTo(schemas(expected));
    }

    private static Map<String, String> schemas(FieldInfos infos) {
        Map<String, String> schemas = new TreeMap<>();
        for (FieldInfo f : infos) {
            schemas.put(f.name, f.getIndexOptions() + " norms=" + !f.omitsNorms() + " payloads=" + f.hasPayloads()
                    + " vectors=" + f.hasVectors() + " docValues=" + f.getDocValuesType() + " points="
                    + f.getPointDimensionCount() + "/" + f.getPointIndexDimensionCount() + "/" + f.getPointNumBytes()
                    + " knn=" + f.getVectorDimension());
        }
        return schemas;
    }

    private record Posting(int doc, int freq, List<Integer> positions) {}

    private static void assertSamePostings(IndexReader expected, IndexReader actual, int[] toExpected)
            throws IOException {
        Terms e = MultiTerms.getTerms(expected, ArchiveSchema.BODY);
        Terms a = MultiTerms.getTerms(actual, ArchiveSchema.BODY);
        assertThat(a.getDocCount()).as("documents with a body term").isEqualTo(e.getDocCount());
        assertThat(a.getSumDocFreq()).as("sum of doc freqs").isEqualTo(e.getSumDocFreq());
        assertThat(a.getSumTotalTermFreq()).as("tokens").isEqualTo(e.getSumTotalTermFreq());
        TermsEnum ee = e.iterator();
        TermsEnum ae = a.iterator();
        long terms = 0;
        for (BytesRef term = ee.next(); term != null; term = ee.next()) {
            BytesRef other = ae.next();
            assertThat(other).as("term after %d terms", terms).isEqualTo(term);
            String t = term.utf8ToString();
            assertThat(ae.docFreq()).as("docFreq of %s", t).isEqualTo(ee.docFreq());
            assertThat(ae.totalTermFreq()).as("totalTermFreq of %s", t).isEqualTo(ee.totalTermFreq());
            List<Posting> want = postings(ee.postings(null, PostingsEnum.ALL), null);
            List<Posting> got = postings(ae.postings(null, PostingsEnum.ALL), toExpected);
            got.sort(Comparator.comparingInt(Posting::doc));
            for (int i = 0; i < want.size(); i++) {
                Posting w = want.get(i);
                Posting g = got.get(i);
                assertThat(g.doc()).as("document %d of %s", i, t).isEqualTo(w.doc());
                assertThat(g.freq()).as("freq of %s in document %d", t, w.doc()).isEqualTo(w.freq());
                assertThat(g.positions()).as("positions of %s in document %d", t, w.doc()).isEqualTo(w.positions());
            }
            terms++;
        }
        assertThat(ae.next()).as("a term beyond Lucene's %d", terms).isNull();
        assertThat(terms).isPositive();
    }

    private static List<Posting> postings(PostingsEnum p, int[] map) throws IOException {
        List<Posting> list = new ArrayList<>();
        for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
            List<Integer> positions = new ArrayList<>(p.freq());
            for (int i = 0; i < p.freq(); i++) {
                positions.add(p.nextPosition());
                assertThat(p.startOffset()).isEqualTo(-1);
                assertThat(p.getPayload()).isNull();
            }
            list.add(new Posting(map == null ? doc : map[doc], p.freq(), positions));
        }
        return list;
    }

    private static void assertSameNorms(IndexReader expected, IndexReader actual, int[] toExpected) throws IOException {
        long[] e = norms(expected);
        long[] a = norms(actual);
        for (int doc = 0; doc < a.length; doc++) {
            assertThat(a[doc]).as("norm of document %d", toExpected[doc]).isEqualTo(e[toExpected[doc]]);
        }
    }

    /** Every document's norm; -1 where a document has none. */
    private static long[] norms(IndexReader reader) throws IOException {
        long[] norms = new long[reader.maxDoc()];
        Arrays.fill(norms, -1);
        NumericDocValues values = MultiDocValues.getNormValues(reader, ArchiveSchema.BODY);
        for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
            norms[doc] = values.longValue();
        }
        return norms;
    }

    private static void assertSameStoredFields(IndexReader expected, IndexReader actual, int[] toExpected)
            throws IOException {
        StoredFields e = expected.storedFields();
        StoredFields a = actual.storedFields();
        for (int doc = 0; doc < toExpected.length; doc++) {
            assertThat(stored(a.document(doc).getFields())).as("stored fields of document %d", toExpected[doc])
                    .isEqualTo(stored(e.document(toExpected[doc]).getFields()));
        }
    }

    private static List<String> stored(List<IndexableField> fields) {
        List<String> list = new ArrayList<>();
        for (IndexableField f : fields) {
            list.add(f.name() + "=" + (f.numericValue() != null ? f.numericValue() : f.stringValue()));
        }
        return list;
    }

    private static void assertSameHits(IndexReader expected, IndexReader actual) throws Exception {
        IndexSearcher e = new IndexSearcher(expected);
        IndexSearcher a = new IndexSearcher(actual);
        for (String text : QUERIES) {
            Query q = new QueryParser(ArchiveSchema.BODY, new CableAnalyzer()).parse(text);
            assertThat(hits(a, q)).as("hits of %s", text).isEqualTo(hits(e, q));
        }
    }

    private record ScoredId(String id, float score) {}

    /** Every hit as id and exact score, by score then id: documents are numbered differently in the two indexes. */
    private static List<ScoredId> hits(IndexSearcher searcher, Query q) throws IOException {
        List<ScoreDoc> docs = new ArrayList<>(List.of(
                searcher.search(q, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs));
        docs.sort(Comparator.comparingInt(d -> d.doc));
        SortedDocValues ids = MultiDocValues.getSortedValues(searcher.getIndexReader(), ArchiveSchema.ID);
        List<ScoredId> hits = new ArrayList<>();
        for (ScoreDoc d : docs) {
            assertThat(ids.advanceExact(d.doc)).isTrue();
            hits.add(new ScoredId(ids.lookupOrd(ids.ordValue()).utf8ToString(), d.score));
        }
        hits.sort(Comparator.comparing(ScoredId::score).reversed().thenComparing(ScoredId::id));
        return hits;
    }
}
