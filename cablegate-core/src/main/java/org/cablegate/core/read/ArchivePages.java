package org.cablegate.core.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads the cable pages of a streamed archive of the site ({@code .tar}, {@code .tar.gz}, {@code .tar.xz},
 * {@code .tar.bz2}, {@code .zip}) in archive order, without unpacking it to disk.
 *
 * <p>A truncated or corrupt archive delivers every page before the damage, then one rejection that names the archive,
 * the entry being read and the byte offset in the file; nothing is thrown for damaged data. A zip is read from its
 * local headers, not its central directory, for that reason: a zip cut short has lost its directory but not its first
 * pages.
 */
final class ArchivePages {
    /** The streamed archive layouts. */
    enum Kind { TAR, TAR_GZ, TAR_XZ, TAR_BZ2, ZIP }

    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final Kind kind;
    private final String name;
    private final CableSink sink;

    ArchivePages(Path path, Kind kind, CableSink sink) {
        this.path = path;
        this.kind = kind;
        this.name = String.valueOf(path.getFileName());
        this.sink = sink;
    }

    /** Reads every cable page; an {@link IOException} only if the file cannot be opened at all. */
    void read() throws IOException {
        Progress progress = new Progress(sink, Files.size(path));
        SitePages pages = new SitePages(sink);
        try (InputStream file = Files.newInputStream(path)) {
            ProgressStream counted = new ProgressStream(file, progress);
            ArchiveInputStream<?> archive;
            try {
                archive = open(new BufferedInputStream(counted, BUFFER));
            } catch (IOException | RuntimeException | LinkageError e) {
                // The xz/gzip/bzip2 header is not there: garbage, or another format behind a misleading name.
                sink.reject(new Rejection(name, "not a readable " + describe() + ": " + message(e)));
                return;
            }
            try {
                readEntries(archive, counted, pages);
            } finally {
                closeQuietly(archive);
            }
        }
        progress.finish();
    }

    private void readEntries(ArchiveInputStream<?> archive, ProgressStream counted, SitePages pages) {
        String previous = null;
        while (true) {
            String current = null;
            byte[] bytes;
            long size;
            // Only the archive library's calls are guarded: a failure of the sink is not damage.
            try {
                ArchiveEntry entry = archive.getNextEntry();
                if (entry == null) {
                    return;
                }
                String entryName = stripDot(entry.getName());
                if (entry.isDirectory() || !SitePages.isCablePage(entryName)) {
                    previous = entryName;
                    continue;
                }
                current = entryName;
                size = entry.getSize();
                bytes = size > SitePages.MAX_PAGE_BYTES ? null : readEntry(archive);
            } catch (IOException | RuntimeException | LinkageError e) {
                String where = current != null ? name + "!" + current : name;
                String after = current == null && previous != null ? " (after entry " + previous + ")" : "";
                sink.reject(new Rejection(where, describe() + " damaged or truncated at byte " + counted.count()
                        + " of the file" + after + ", after " + pages.pages() + " cable pages; reading stopped: "
                        + message(e)));
                return;
            }
            String location = name + "!" + current;
            if (bytes == null) {
                pages.tooLarge(location, size);
            } else {
                pages.page(location, bytes);
            }
            previous = current;
        }
    }

    /** Closing a read-only stream that already failed can only fail again; the damage has been reported. */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException | LinkageError e) {
            // nothing to add to the rejection already made
        }
    }

    private ArchiveInputStream<?> open(InputStream in) throws IOException {
        return switch (kind) {
            case TAR -> new TarArchiveInputStream(in);
            case TAR_GZ -> new TarArchiveInputStream(new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER));
            case TAR_XZ -> new TarArchiveInputStream(new BufferedInputStream(new XZInputStream(in), BUFFER));
            case TAR_BZ2 -> new TarArchiveInputStream(
                    new BufferedInputStream(new BZip2CompressorInputStream(in, true), BUFFER));
            // allowStoredEntriesWithDataDescriptor: zips written by some tools store pages that way.
            case ZIP -> new ZipArchiveInputStream(in, "UTF-8", true, true);
        };
    }

    private static byte[] readEntry(InputStream archive) throws IOException {
        byte[] bytes = archive.readNBytes(SitePages.MAX_PAGE_BYTES + 1);
        if (bytes.length > SitePages.MAX_PAGE_BYTES) {
            throw new IOException("entry larger than " + (SitePages.MAX_PAGE_BYTES >> 20) + " MB");
        }
        return bytes;
    }

    private String describe() {
        return switch (kind) {
            case TAR -> "tar archive";
            case TAR_GZ -> "tar.gz archive";
            case TAR_XZ -> "tar.xz archive";
            case TAR_BZ2 -> "tar.bz2 archive";
            case ZIP -> "zip archive";
        };
    }

    /**
     * What went wrong, for a rejection. A {@link LinkageError} is an entry compressed with a method whose optional
     * library is not on the class path: a zip entry of method 93 made commons-compress load zstd-jni, and the
     * NoClassDefFoundError ended the whole import (ZipEntriesFuzzTest, seed zstd-entry.zip).
     */
    static String message(Throwable e) {
        if (e instanceof LinkageError) {
            return "an entry is compressed with a method this build cannot read (it needs "
                    + String.valueOf(e.getMessage()).replace('/', '.') + ")";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static String stripDot(String entryName) {
        return entryName.startsWith("./") ? entryName.substring(2) : entryName;
    }
}
