package org.cablegate.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What a redaction or withdrawal costs per segment size: in a copy of a public archive, deletes one document of the
 * smallest segment and then one of the largest, and rewrites each segment the way a release does
 * ({@code forceMergeDeletes} with 0 % allowed, then a commit). The figures choose the bound on segment size.
 * <pre>
 * java -Xmx2g -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.SegmentRewriteBenchmark COPY-OF-PUBLIC-DIR
 * </pre>
 */
public final class SegmentRewriteBenchmark {
    public static void main(String[] args) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Directory dir = FSDirectory.open(Path.of(args[0]))) {
            for (boolean largest : new boolean[] {false, true}) {
                String id;
                String segment;
                long bytes;
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    List<LeafReaderContext> leaves = new ArrayList<>(reader.leaves());
                    leaves.sort(Comparator.comparingLong(SegmentRewriteBenchmark::size));
                    SegmentReader leaf = (SegmentReader) leaves.get(largest ? leaves.size() - 1 : 0).reader();
                    segment = leaf.getSegmentName();
                    bytes = size(leaves.get(largest ? leaves.size() - 1 : 0));
                    id = leaf.storedFields().document(0).get("id");
                }
                TieredMergePolicy merges = new TieredMergePolicy();
                merges.setNoCFSRatio(0.0);
                merges.setForceMergeDeletesPctAllowed(0.0);
                IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                        .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED)).setUseCompoundFile(false)
                        .setMergePolicy(merges).setCommitOnClose(false);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                try (IndexWriter writer = new IndexWriter(dir, config)) {
                    writer.deleteDocuments(new Term("id", id));
                    writer.forceMergeDeletes(true);
                    writer.commit();
                }
                System.out.printf("segment %s, %,d MB: rewrite + commit wall %.2f s, CPU %.2f s%n", segment, bytes >> 20,
                        (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
            }
        }
    }

    private static long size(LeafReaderContext leaf) {
        try {
            return ((SegmentReader) leaf.reader()).getSegmentInfo().sizeInBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
