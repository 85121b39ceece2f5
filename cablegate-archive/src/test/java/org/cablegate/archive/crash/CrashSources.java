package org.cablegate.archive.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.cablegate.archive.Fixtures;
import org.cablegate.core.SharedCorpus;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.opentest4j.TestAbortedException;

/** What the crash tests import, and how they compare public archives. */
final class CrashSources {
    private CrashSources() {}

    /** The real 6,712-cable CSV when the shared corpus is there; else 3,000 generated cables written into {@code dir}. */
    static Path source(Path dir) throws IOException {
        try {
            return SharedCorpus.corpusFile("cables-2011-04.csv.gz");
        } catch (TestAbortedException missing) {
            return Fixtures.writeCsv(dir.resolve("generated.csv"), Fixtures.generated(3000));
        }
    }

    /** A SHA-256 over every released cable as the public archive returns it, and the release of its last commit. */
    static String digest(Path publicDir) throws Exception {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(publicDir)) {
            return "none";
        }
        try (PublicArchive archive = PublicArchive.open(publicDir)) {
            sha.update(Long.toString(archive.lastRelease()).getBytes());
            SearchRequest request = SearchRequest.of("").withLimit(SearchRequest.MAX_LIMIT).withSort(SortOrder.CREATED_OLDEST);
            while (true) {
                SearchResult page = archive.search(request);
                for (Hit h : page.hits()) {
                    sha.update(archive.get(h.id()).orElseThrow().toString().getBytes());
                }
                Optional<String> next = page.nextCursor();
                if (next.isEmpty()) {
                    break;
                }
                request = request.after(next.get());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A copy of a data directory, file by file: each crash scenario starts from the same state. */
    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
