package org.cablegate.core.read;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * Reads the cable pages of a {@code .7z} (the format the original mirrors were passed around in) without unpacking it.
 *
 * <p>A 7z keeps its directory at the end of the file, so a truncated 7z cannot be listed at all: it is one rejection
 * naming the archive. A 7z whose data is corrupt part-way delivers the pages before the damage, then one rejection
 * naming the entry where it broke.
 */
final class SevenZPages {
    private final Path path;
    private final String name;
    private final CableSink sink;

    SevenZPages(Path path, CableSink sink) {
        this.path = path;
        this.name = String.valueOf(path.getFileName());
        this.sink = sink;
    }

    void read() throws IOException {
        SevenZFile archive;
        try {
            archive = SevenZFile.builder().setPath(path).get();
        } catch (IOException | RuntimeException | LinkageError e) {
            sink.reject(new Rejection(name, "not a readable 7z archive (truncated or corrupt; a 7z keeps its directory"
                    + " at the end): " + ArchivePages.message(e)));
            return;
        }
        try (archive) {
            long total = 0;
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                if (!entry.isDirectory() && SitePages.isCablePage(entry.getName())) {
                    total += entry.getSize();
                }
            }
            readEntries(archive, new Progress(sink, total));
        }
    }

    private void readEntries(SevenZFile archive, Progress progress) {
        SitePages pages = new SitePages(sink);
        String previous = null;
        while (true) {
            String current = null;
            byte[] bytes;
            long size;
            try {
                SevenZArchiveEntry entry = archive.getNextEntry();
                if (entry == null) {
                    break;
                }
                String entryName = entry.getName();
                if (entry.isDirectory() || !SitePages.isCablePage(entryName)) {
                    previous = entryName;
                    continue;
                }
                current = entryName;
                size = entry.getSize();
                bytes = size > SitePages.MAX_PAGE_BYTES ? null : readEntry(archive, (int) size);
            } catch (IOException | RuntimeException | LinkageError e) {
                String where = current != null ? name + "!" + current : name;
                String after = current == null && previous != null ? " (after entry " + previous + ")" : "";
                sink.reject(new Rejection(where, "7z archive damaged" + after + ", after " + pages.pages()
                        + " cable pages; reading stopped: " + ArchivePages.message(e)));
                return;
            }
            String location = name + "!" + current;
            if (bytes == null) {
                pages.tooLarge(location, size);
            } else {
                pages.page(location, bytes);
            }
            progress.advance(size);
            previous = current;
        }
        progress.finish();
    }

    private static byte[] readEntry(SevenZFile archive, int size) throws IOException {
        byte[] bytes = new byte[size];
        int off = 0;
        while (off < size) {
            int n = archive.read(bytes, off, size - off);
            if (n < 0) {
                throw new IOException("entry ends after " + off + " of " + size + " bytes");
            }
            off += n;
        }
        return bytes;
    }
}
