package org.cablegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;

/**
 * The "bare Lucene indexer" of BENCHMARK-ANCHORS.md, rebuilt so that it runs beside cablegate in the same run on the
 * same file: every column stored, header and body analysed, facets as SortedSetDocValues, N indexing threads.
 *
 * <p>Usage: {@code java -cp cablegate-bench.jar org.cablegate.bench.BareLuceneIngest CSV INDEX_DIR [threads] [english|standard]}
 */
public final class BareLuceneIngest {
    private static final SourceCable END = new SourceCable("", LocalDateTime.MIN, Optional.empty(), "", "", "", "",
            SourceFormat.CSV, "");

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Analyzer analyzer = args.length > 3 && args[3].equals("standard") ? new StandardAnalyzer() : new EnglishAnalyzer();
        deleteRecursively(indexDir);
        long started = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256);
        AtomicLong docs = new AtomicLong();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(indexDir), config)) {
            BlockingQueue<SourceCable> queue = new ArrayBlockingQueue<>(1024);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    try {
                        for (SourceCable c = queue.take(); c != END; c = queue.take()) {
                            Document d = new Document();
                            d.add(new StringField("id", c.id(), Field.Store.YES));
                            d.add(new StoredField("created", c.created().format(minutes)));
                            d.add(new StringField("origin", c.origin(), Field.Store.YES));
                            d.add(new StringField("classification", c.classification(), Field.Store.YES));
                            d.add(new SortedSetDocValuesField("origin_facet", new BytesRef(c.origin())));
                            d.add(new SortedSetDocValuesField("classification_facet", new BytesRef(c.classification())));
                            d.add(new SortedSetDocValuesField("year_facet", new BytesRef(Integer.toString(c.created().getYear()))));
                            d.add(new StoredField("references", ""));
                            d.add(new TextField("header", c.header(), Field.Store.YES));
                            d.add(new TextField("body", c.body(), Field.Store.YES));
                            writer.addDocument(d);
                            docs.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                workers[t].start();
            }
            Sources.read(csv, new CableSink() {
                @Override
                public void accept(SourceCable cable) {
                    try {
                        queue.put(cable);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void reject(Rejection rejection) {
                    System.err.println("rejected " + rejection);
                }
            });
            for (int t = 0; t < threads; t++) {
                queue.put(END);
            }
            for (Thread w : workers) {
                w.join();
            }
            writer.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bare-lucene threads=%d analyzer=%s docs=%d wall=%.1fs docs/s=%.0f%n", threads,
                analyzer.getClass().getSimpleName(), docs.get(), seconds, docs.get() / seconds);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
