package org.cablegate.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.SharedCorpus;
import org.cablegate.sample.BundledSample;

/**
 * Public archives of real cables, built once per test run through the real import and release: the bundled sample
 * (186 cables) and the shared corpus (6,712 cables of the April 2011 release). Tests only read them.
 */
final class Archives {
    private static final LocalDateTime RELEASED = LocalDateTime.of(2011, 4, 11, 12, 0);
    private static final Map<String, PublicArchive> OPEN = new ConcurrentHashMap<>();

    private Archives() {}

    /** The bundled sample of 186 real cables, all released. */
    static PublicArchive sample() {
        return OPEN.computeIfAbsent("sample", k -> build(BundledSample.CABLES_CSV.path()));
    }

    /** The 6,712 cables of {@code shared/corpus/cables-2011-04.csv.gz}; skips (fails under CI) without it. */
    static PublicArchive corpus() {
        Path csv = SharedCorpus.corpusFile("cables-2011-04.csv.gz");
        return OPEN.computeIfAbsent("corpus", k -> build(csv));
    }

    private static PublicArchive build(Path source) {
        try {
            Path data = Files.createTempDirectory("cablegate-opensearch-archive");
            try (Vault vault = Vault.open(data)) {
                new Importer(vault).run(List.of(source), ImportListener.NONE);
                try (Releaser releaser = Releaser.open(vault)) {
                    releaser.release(ReleaseRequest.of("test", Selection.all()).keepingOriginalTimes().at(RELEASED),
                            ReleaseListener.NONE);
                }
            }
            PublicArchive archive = PublicArchive.open(Releaser.publicDir(data));
            // The corpus's vault and index take a few hundred megabytes: gone with the test JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    archive.close();
                    deleteTree(data);
                } catch (IOException e) {
                    System.err.println("could not delete the test archive " + data + ": " + e);
                }
            }, "delete-test-archive"));
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Every cable of an archive, oldest first. */
    static List<PublicCable> cables(PublicArchive archive) throws IOException, BadQueryException {
        List<PublicCable> all = new ArrayList<>();
        try (PublicArchive.View view = archive.view()) {
            SearchRequest request = SearchRequest.of("").withSort(SortOrder.CREATED_OLDEST).withLimit(SearchRequest.MAX_LIMIT);
            while (true) {
                SearchResult page = view.search(request);
                for (Hit h : page.hits()) {
                    all.add(view.get(h.id()).orElseThrow());
                }
                if (page.nextCursor().isEmpty()) {
                    return all;
                }
                request = request.after(page.nextCursor().get());
            }
        }
    }
}
