package org.cablegate.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * What a source path is, decided by its name where the name says it and by its first bytes where it does not (a
 * {@code cables} file without extension, a download saved as {@code .bin}).
 */
enum SourceKind {
    CSV, CSV_GZ, SITE_DIRECTORY, TEXT_DIRECTORY, TAR, TAR_GZ, TAR_XZ, TAR_BZ2, ZIP, SEVEN_Z, SITE_PAGE, TEXT,
    /** Content no reader knows: binary garbage, or a compressed file of something else. */
    UNKNOWN;

    private static final int SNIFF = 1024;

    /** The kind of an existing, non-empty {@code path}. */
    static SourceKind of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return DirectoryPages.holdsCablePages(path) ? SITE_DIRECTORY : TEXT_DIRECTORY;
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        } else if (name.endsWith(".csv.gz")) {
            return CSV_GZ;
        } else if (name.endsWith(".tar")) {
            return TAR;
        } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return TAR_GZ;
        } else if (name.endsWith(".tar.xz") || name.endsWith(".txz")) {
            return TAR_XZ;
        } else if (name.endsWith(".tar.bz2") || name.endsWith(".tbz2")) {
            return TAR_BZ2;
        } else if (name.endsWith(".zip")) {
            return ZIP;
        } else if (name.endsWith(".7z")) {
            return SEVEN_Z;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return SITE_PAGE;
        } else if (name.endsWith(".txt")) {
            return TEXT;
        }
        return sniff(path);
    }

    /** Decides by content: magic numbers of the containers, then the shape of the text. */
    static SourceKind sniff(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF);
        }
        if (startsWith(head, 0x1f, 0x8b)) {
            return sniffGzip(path);
        } else if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return TAR_XZ;
        } else if (startsWith(head, 'B', 'Z', 'h')) {
            return TAR_BZ2;
        } else if (startsWith(head, 'P', 'K', 3, 4)) {
            return ZIP;
        } else if (startsWith(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return SEVEN_Z;
        }
        return ofText(head);
    }

    private static SourceKind sniffGzip(Path path) throws IOException {
        byte[] inner;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            inner = in.readNBytes(SNIFF);
        } catch (IOException e) {
            return UNKNOWN; // a damaged .gz too short to say what it holds
        }
        SourceKind kind = ofText(inner);
        if (kind == CSV) {
            return CSV_GZ;
        }
        return kind == TAR ? TAR_GZ : UNKNOWN;
    }

    /** The kind of uncompressed content starting with {@code head}. */
    static SourceKind ofText(byte[] head) {
        if (isTar(head)) {
            return TAR;
        }
        if (looksLikeCsv(head)) {
            return CSV;
        }
        if (!isText(head)) {
            return UNKNOWN;
        }
        String start = new String(head, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml") || start.startsWith("<!doctype") || start.startsWith("<html")) {
            return SITE_PAGE;
        }
        return TEXT;
    }

    /** {@code "1","} – the first record of a {@code cables.csv}. */
    static boolean looksLikeCsv(byte[] head) {
        int i = 0;
        if (head.length < 5 || head[i++] != '"') {
            return false;
        }
        int digits = 0;
        while (i < head.length && head[i] >= '0' && head[i] <= '9') {
            i++;
            digits++;
        }
        return digits > 0 && i + 2 < head.length && head[i] == '"' && head[i + 1] == ',' && head[i + 2] == '"';
    }

    /** POSIX tar: {@code ustar} at offset 257 of the first header. */
    private static boolean isTar(byte[] head) {
        return head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r';
    }

    /**
     * Text if it has no NUL and almost no control characters other than tab, CR, LF and form feed. Not a UTF-8 check:
     * a cable may be in Latin-1, and a cut multi-byte character at the end of the sample must not make text binary.
     */
    static boolean isText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 100 <= head.length;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != (magic[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
