package org.cablegate.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads any source the archive comes in, choosing the reader by what the path is: a {@code cables.csv} (plain or
 * {@code .gz}), a directory or archive ({@code .tar}, {@code .tar.gz}, {@code .tar.xz}, {@code .tar.bz2}, {@code .zip},
 * {@code .7z}) of site pages, a single site page, or plain-text cables ({@code .txt} or a directory of them). A file
 * with another name is recognised by its first bytes. Streams: nothing is held in memory beyond one record.
 */
public final class Sources {
    private Sources() {}

    /**
     * Reads every cable of {@code path} into {@code sink}. Broken records are rejected through the sink with their
     * position and reading goes on; an {@link IOException} means the path itself could not be read.
     *
     * <p>An empty file, a file of unknown binary content and a damaged archive are rejections, not exceptions: the
     * publisher importing a folder of sources gets one line per bad source and the rest imported.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     * @throws IOException         if {@code path} cannot be opened or listed
     */
    public static void read(Path path, CableSink sink) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        String name = String.valueOf(path.getFileName());
        if (Files.isRegularFile(path) && Files.size(path) == 0) {
            sink.reject(new Rejection(name, "empty file"));
            return;
        }
        switch (SourceKind.of(path)) {
            case CSV -> readCsv(path, name, sink, false);
            case CSV_GZ -> readCsv(path, name, sink, true);
            case SITE_DIRECTORY -> new DirectoryPages(path, sink).read();
            case TEXT_DIRECTORY -> new PlainTextReader(sink).readDirectory(path);
            case TAR -> new ArchivePages(path, ArchivePages.Kind.TAR, sink).read();
            case TAR_GZ -> new ArchivePages(path, ArchivePages.Kind.TAR_GZ, sink).read();
            case TAR_XZ -> new ArchivePages(path, ArchivePages.Kind.TAR_XZ, sink).read();
            case TAR_BZ2 -> new ArchivePages(path, ArchivePages.Kind.TAR_BZ2, sink).read();
            case ZIP -> new ArchivePages(path, ArchivePages.Kind.ZIP, sink).read();
            case SEVEN_Z -> new SevenZPages(path, sink).read();
            case SITE_PAGE -> readPage(path, name, sink);
            case TEXT -> new PlainTextReader(sink).readFile(path, name);
            case UNKNOWN -> sink.reject(new Rejection(name, "not a cable source: binary or unknown content (expected"
                    + " cables.csv, site pages in a directory or archive, or plain-text cables)"));
        }
    }

    private static void readCsv(Path path, String name, CableSink sink, boolean gzip) throws IOException {
        Progress progress = new Progress(sink, Files.size(path));
        try (InputStream file = Files.newInputStream(path)) {
            InputStream counted = new ProgressStream(file, progress);
            InputStream in;
            if (gzip) {
                try {
                    // Native zlib behind GZIPInputStream inflates at several hundred MB/s; a 64 KB input buffer keeps
                    // the number of reads from the file low.
                    in = new GZIPInputStream(counted, 1 << 16);
                } catch (IOException e) {
                    sink.reject(new Rejection(name, "not a readable gzip file: " + ArchivePages.message(e)));
                    return;
                }
            } else {
                in = counted;
            }
            new CsvReader(name, sink).read(in);
        }
        progress.finish();
    }

    private static void readPage(Path path, String name, CableSink sink) throws IOException {
        long size = Files.size(path);
        SitePages pages = new SitePages(sink);
        if (size > SitePages.MAX_PAGE_BYTES) {
            pages.tooLarge(name, size);
        } else {
            pages.page(name, Files.readAllBytes(path));
        }
        sink.progress(size, size);
    }
}
