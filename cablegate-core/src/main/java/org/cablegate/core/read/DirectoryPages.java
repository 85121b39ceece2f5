package org.cablegate.core.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the cable pages of an unpacked site: every {@code **}{@code /cable/**}{@code .html} under a directory, sorted
 * by relative path so that two runs deliver the same order whatever the file system lists first.
 */
final class DirectoryPages {
    private final Path dir;
    private final CableSink sink;

    DirectoryPages(Path dir, CableSink sink) {
        this.dir = dir;
        this.sink = sink;
    }

    /** Whether {@code dir} holds at least one cable page (then it is a site, not a folder of plain-text cables). */
    static boolean holdsCablePages(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && isCablePage(dir, file));
        }
    }

    void read() throws IOException {
        List<Path> pages = new ArrayList<>();
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && isCablePage(dir, file)) {
                    pages.add(file);
                    total += Files.size(file);
                }
            }
        }
        pages.sort(Comparator.comparing(file -> relative(dir, file)));
        Progress progress = new Progress(sink, total);
        SitePages reader = new SitePages(sink);
        for (Path file : pages) {
            long size = Files.size(file);
            String location = dir.resolve(relative(dir, file)).toString();
            if (size > SitePages.MAX_PAGE_BYTES) {
                reader.tooLarge(location, size);
            } else {
                reader.page(location, Files.readAllBytes(file));
            }
            progress.advance(size);
        }
        progress.finish();
    }

    /**
     * A page under a {@code cable} folder of {@code dir}; if {@code dir} itself is the {@code cable} folder
     * ({@code site/cable} given on the command line), every page in it.
     */
    private static boolean isCablePage(Path dir, Path file) {
        String relative = relative(dir, file);
        Path name = dir.toAbsolutePath().normalize().getFileName();
        boolean dirIsCable = name != null && name.toString().equals("cable");
        return SitePages.isCablePage(dirIsCable ? "cable/" + relative : relative);
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
