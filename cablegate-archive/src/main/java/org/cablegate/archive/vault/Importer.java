package org.cablegate.archive.vault;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.parse.ReferenceIds;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;

/**
 * Imports sources into the vault: a pipeline of one reader thread ({@link Sources#read}), parser threads (parse,
 * content hash, JSON), and the calling thread writing to SQLite in large transactions. Batches travel in source
 * order, so a run's result never depends on thread timing.
 *
 * <p>Crash safety: every transaction leaves the vault consistent, and writing is idempotent (see
 * {@link ImportWriter}), so an import killed at any moment and run again ends in exactly the state of one that ran
 * through ({@link Vault#digest()} is equal). The import time of a version is the start of its run, and is bookkeeping
 * that the digest leaves out.
 */
public final class Importer {
    /** Records per parse task: enough to make hand-offs cheap, few enough to keep every thread busy. */
    private static final int BATCH_RECORDS = 64;
    private static final long BATCH_CHARS = 1 << 20;
    /** Characters per transaction at most: bounds the memory and the work lost to a crash, whatever the options. */
    private static final long COMMIT_CHARS = 512L << 20;

    private final Vault vault;
    /** The parse function given, or empty for the real parser with the vault's ids. */
    private final Optional<Function<SourceCable, Cable>> given;
    private final ImportOptions options;
    /** The parse function of the current run: set by {@link #run} before its threads start. */
    private Function<SourceCable, Cable> parser;

    /** An importer with the real parser and {@link ImportOptions#defaults()}. */
    public Importer(Vault vault) {
        this(vault, ImportOptions.defaults());
    }

    /**
     * With the real parser, which knows the ids of the whole set the vault holds ({@link Vault#importIds}) from the
     * start of each run: a REF without a year then names the cable it means, never one created after the citing one
     * (09TRIPOLI2 of January 2009 cites "TRIPOLI 870": 08TRIPOLI870, as 09TRIPOLI870 is of October).
     */
    public Importer(Vault vault, ImportOptions options) {
        this(vault, options, Optional.empty());
    }

    /** With another parse function: for measuring the pipeline apart from the parser. */
    Importer(Vault vault, ImportOptions options, Function<SourceCable, Cable> parser) {
        this(vault, options, Optional.of(parser));
    }

    private Importer(Vault vault, ImportOptions options, Optional<Function<SourceCable, Cable>> given) {
        this.vault = vault;
        this.given = given;
        this.options = options;
    }

    private record Batch(Path source, List<Object> items, long bytesRead, long bytesTotal) {}

    private static final Batch END = new Batch(null, List.of(), 0, 0);

    /**
     * Reads every source in order and stores what it finds. A record that cannot be read or parsed is rejected and
     * reported; the import goes on.
     *
     * @throws IOException a source could not be read at all (what was read before it is kept), or the vault failed
     */
    public ImportSummary run(List<Path> sources, ImportListener listener) throws IOException {
        String importedAt = options.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        parser = given.isPresent() ? given.get()
                : new CableParser(ReferenceIds.standard().withKnownIds(vault.knownIds()))::parse;
        BlockingQueue<Future<Batch>> queue = new ArrayBlockingQueue<>(4 * options.parseThreads() + 4);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService parsers = Executors.newFixedThreadPool(options.parseThreads(), r -> {
            Thread t = new Thread(r, "cablegate-parse-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ImportWriter writer;
        try {
            writer = new ImportWriter(vault, importedAt, options.recordsPerTransaction(), COMMIT_CHARS);
        } catch (SQLException e) {
            parsers.shutdownNow();
            throw new VaultException("Cannot start the import: " + e.getMessage(), e);
        }
        Reader reader = new Reader(sources, queue, parsers, writer);
        Thread readerThread = new Thread(reader, "cablegate-read");
        readerThread.setDaemon(true);
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Integer> unknownStations = new HashMap<>();
        long read = 0;
        readerThread.start();
        try {
            while (true) {
                Batch batch;
                try {
                    batch = queue.take().get();
                } catch (ExecutionException e) {
                    // The reader failed: keep what was read before, then report.
                    writer.commit();
                    listener.committed(read);
                    throw asIOException(e.getCause());
                }
                if (batch == END) {
                    break;
                }
                for (Object item : batch.items()) {
                    read++;
                    if (item instanceof KnownText known && !writer.knows(known.source().id(), known.hash())) {
                        // Cannot happen (what the vault holds only grows), but if it did, parse here.
                        item = parse(known.source(), HASH.get());
                    }
                    if (item instanceof ParsedCable p) {
                        writer.write(p);
                        for (String station : p.unknownStations()) {
                            unknownStations.merge(station, 1, Integer::sum);
                        }
                    } else if (item instanceof KnownText known) {
                        writer.writeKnown(known.source());
                    }
                    if (writer.commitDue()) {
                        writer.commit();
                        listener.committed(read);
                    }
                    if (item instanceof Rejection r) {
                        rejected.add(r);
                        listener.rejected(r);
                    }
                }
                listener.progress(batch.source(), batch.bytesRead(), batch.bytesTotal(), read);
            }
            writer.commit();
            listener.committed(read);
            return new ImportSummary(read, writer.imported(), writer.unchanged(), writer.newVersions(), rejected,
                    unknownStations);
        } catch (SQLException e) {
            writer.rollback();
            throw new VaultException("Cannot write to the vault: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            writer.rollback();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        } catch (RuntimeException | IOException e) {
            writer.rollback();
            throw e;
        } finally {
            reader.cancel();
            queue.clear();
            parsers.shutdownNow();
            try {
                readerThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer.close();
        }
    }

    private static IOException asIOException(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    /** Reads the sources on its own thread and hands batches to the parsers, in order, through the queue. */
    private final class Reader implements Runnable {
        private final List<Path> sources;
        private final BlockingQueue<Future<Batch>> queue;
        private final ExecutorService parsers;
        private final ImportWriter writer;
        private volatile boolean cancelled;

        Reader(List<Path> sources, BlockingQueue<Future<Batch>> queue, ExecutorService parsers, ImportWriter writer) {
            this.sources = sources;
            this.queue = queue;
            this.parsers = parsers;
            this.writer = writer;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public void run() {
            try {
                for (Path source : sources) {
                    BatchingSink sink = new BatchingSink(source);
                    Sources.read(source, sink);
                    sink.flush();
                }
                hand(CompletableFuture.completedFuture(END));
            } catch (CancellationException e) {
                // The writer stopped; nobody is waiting for more.
            } catch (Throwable t) {
                try {
                    hand(CompletableFuture.failedFuture(t));
                } catch (CancellationException | InterruptedException ignored) {
                    // The writer stopped; nobody is waiting for more.
                }
            }
        }

        private void hand(Future<Batch> batch) throws InterruptedException {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new CancellationException();
                }
            }
        }

        private final class BatchingSink implements CableSink {
            private final Path source;
            private List<Object> items = new ArrayList<>(BATCH_RECORDS);
            private long chars;
            private long bytesRead;
            private long bytesTotal = -1;

            BatchingSink(Path source) {
                this.source = source;
            }

            @Override
            public void accept(SourceCable cable) {
                items.add(cable);
                chars += cable.header().length() + cable.body().length();
                if (items.size() >= BATCH_RECORDS || chars >= BATCH_CHARS) {
                    flush();
                }
            }

            @Override
            public void reject(Rejection rejection) {
                items.add(rejection);
            }

            @Override
            public void progress(long read, long total) {
                bytesRead = read;
                bytesTotal = total;
            }

            void flush() {
                if (cancelled) {
                    throw new CancellationException();
                }
                if (items.isEmpty()) {
                    return;
                }
                Batch batch = new Batch(source, items, bytesRead, bytesTotal);
                items = new ArrayList<>(BATCH_RECORDS);
                chars = 0;
                try {
                    hand(CompletableFuture.supplyAsync(() -> parse(batch, writer), parsers));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException();
                }
            }
        }
    }

    private static final ThreadLocal<ContentHash> HASH = ThreadLocal.withInitial(ContentHash::new);

    /** A text the vault holds already: the parse is skipped, so a rerun or a repeated import costs little. */
    private record KnownText(SourceCable source, byte[] hash) {}

    private Batch parse(Batch batch, ImportWriter writer) {
        List<Object> out = new ArrayList<>(batch.items().size());
        ContentHash hash = HASH.get();
        for (Object item : batch.items()) {
            if (item instanceof SourceCable c) {
                byte[] h = c.id().isBlank() ? null : hash.of(c);
                out.add(h != null && writer.knows(c.id(), h) ? new KnownText(c, h) : parse(c, h));
            } else {
                out.add(item);
            }
        }
        return new Batch(batch.source(), out, batch.bytesRead(), batch.bytesTotal());
    }

    /**
     * The parse as stored: CableJson without the raw texts and without the texts it takes from the body (paragraphs,
     * summary, comment). Those are the body's words again: with them the JSON was larger than the body (measured on
     * the real corpus: 59 MB of JSON for 49 MB of body). The version row holds the body, each paragraph keeps its
     * number, marking and offset into it, and parsing the body again gives the texts back.
     */
    private static Cable withoutBodyTexts(Cable c) {
        List<Paragraph> paragraphs = new ArrayList<>(c.paragraphs().size());
        for (Paragraph p : c.paragraphs()) {
            paragraphs.add(new Paragraph(p.number(), p.marking(), "", p.offset()));
        }
        return new Cable(c.id(), c.canonicalId(), c.created(), c.released(), c.classification(), c.origin(), c.partial(),
                c.header(), c.tags(), c.tagsAsWritten(), c.subject(), c.references(), c.declassify(), c.classifiedBy(),
                c.reasons(), paragraphs, "", "", c.signer(), "", "", c.issues());
    }

    private static List<String> unknownStations(Cable cable) {
        List<String> out = List.of();
        for (ParseIssue issue : cable.issues()) {
            Optional<String> station = issue.unknownStation();
            if (station.isPresent()) {
                out = out.isEmpty() ? new ArrayList<>(2) : out;
                out.add(station.get());
            }
        }
        return out;
    }

    /** Parses one record; a parser failure rejects the record (with the reason) instead of stopping the import. */
    private Object parse(SourceCable source, ContentHash hasher) {
        return parse(source, source.id().isBlank() ? null : hasher.of(source));
    }

    private Object parse(SourceCable source, byte[] hash) {
        if (source.id().isBlank()) {
            return new Rejection(source.location(), "no reference id");
        }
        Cable cable;
        try {
            cable = parser.apply(source);
        } catch (RuntimeException e) {
            return new Rejection(source.location(), "the parser failed on " + source.id() + ": " + e);
        }
        StringBuilder json = new StringBuilder(2048);
        CableJson.write(withoutBodyTexts(cable), new JsonWriter(json, false), false);
        // The same fields, derived the same way, as the public record of this text when nothing is redacted.
        return new ParsedCable(source, cable.canonicalId(), cable.created(), cable.classification(), cable.origin(),
                cable.subject(), cable.tags(), cable.header().from(), PublicCable.addressees(cable),
                PublicCable.citedIds(cable), json.toString(), hash, unknownStations(cable));
    }
}
