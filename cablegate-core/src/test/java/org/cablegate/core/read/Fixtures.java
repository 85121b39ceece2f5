package org.cablegate.core.read;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * The committed fixtures under {@code src/test/resources/read} and archives built from them in a test's temporary
 * directory (so that no binary archive is committed and every layout is made the same way).
 */
final class Fixtures {
    private Fixtures() {}

    /** The four cables of the fixtures, in CSV order. */
    static final List<String> IDS = List.of("66BUENOSAIRES2481", "02ANKARA8852", "08MOSCOW1647", "09MALABO13");

    static Path resource(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/read/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture site tree: four cable pages, a listing page and cablegate.html. */
    static Path site() {
        return resource("site");
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The files of {@code dir} as archive entry names, sorted. */
    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /**
     * Writes the site as a tar to {@code out}; with {@code padding}, a 256 KB entry of random bytes (incompressible, so
     * that the compressed archive has several blocks) goes after the first two cable pages.
     */
    static void tar(Path site, OutputStream out, boolean padding) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            int pages = 0;
            for (String name : entries(site)) {
                byte[] bytes = Files.readAllBytes(site.resolve(name));
                add(tar, new TarArchiveEntry(name), bytes, TarArchiveEntry::setSize);
                if (padding && name.startsWith("cable/") && ++pages == 2) {
                    add(tar, new TarArchiveEntry("static/gfx/noise.bin"), noise(256 << 10), TarArchiveEntry::setSize);
                }
            }
        }
    }

    static Path tar(Path site, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            tar(site, out, false);
        }
        return target;
    }

    static Path tarGz(Path site, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            tar(site, out, false);
        }
        return target;
    }

    static Path tarXz(Path site, Path target, boolean padding) throws IOException {
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(target), new LZMA2Options())) {
            tar(site, out, padding);
        }
        return target;
    }

    static Path zip(Path site, Path target, boolean padding) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(target))) {
            int pages = 0;
            for (String name : entries(site)) {
                add(zip, new ZipArchiveEntry(name), Files.readAllBytes(site.resolve(name)), ZipArchiveEntry::setSize);
                if (padding && name.startsWith("cable/") && ++pages == 2) {
                    add(zip, new ZipArchiveEntry("static/gfx/noise.bin"), noise(256 << 10), ZipArchiveEntry::setSize);
                }
            }
        }
        return target;
    }

    static Path sevenZ(Path site, Path target) throws IOException {
        try (SevenZOutputFile out = new SevenZOutputFile(target.toFile())) {
            for (String name : entries(site)) {
                SevenZArchiveEntry entry = out.createArchiveEntry(site.resolve(name).toFile(), name);
                out.putArchiveEntry(entry);
                out.write(Files.readAllBytes(site.resolve(name)));
                out.closeArchiveEntry();
            }
        }
        return target;
    }

    /** A copy of {@code file} cut to {@code fraction} of its length. */
    static Path truncated(Path file, double fraction, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] cut = new byte[(int) (bytes.length * fraction)];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        return Files.write(target, cut);
    }

    static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private interface Sizer<E> {
        void size(E entry, long size);
    }

    private static <E extends ArchiveEntry> void add(ArchiveOutputStream<E> out, E entry, byte[] bytes,
            Sizer<E> sizer) {
        try {
            sizer.size(entry, bytes.length);
            out.putArchiveEntry(entry);
            out.write(bytes);
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
