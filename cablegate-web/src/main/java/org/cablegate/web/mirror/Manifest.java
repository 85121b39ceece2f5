package org.cablegate.web.mirror;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an export holds, signed by the publisher: every file's path, size and SHA-256, under a header that names the
 * release, its time, the base URL, until when the manifest may be trusted, and the hashes of every earlier manifest
 * (newest first), so that a verifier that saw release 3 can tell that release 5's manifest continues it.
 *
 * <pre>
 * cablegate-manifest 1
 * release 5
 * time 2010-12-05T09:30:00Z
 * base-url https://cablegate.example
 * valid-until 2011-12-05T09:30:00Z
 * previous 4 3f1c…
 * previous 3 9ab0…
 * files 1840
 * 5e88… 18211 cable/2008/06/08MOSCOW1647.html
 * </pre>
 *
 * Paths are relative, separated by {@code /}, sorted by their UTF-8 bytes; the manifest does not list itself nor its
 * signature ({@code MANIFEST.sig}).
 */
public record Manifest(long release, Instant time, URI baseUrl, Instant validUntil, List<Link> chain,
        List<Entry> files) {
    static final String MAGIC = "cablegate-manifest 1";
    public static final String FILE = "MANIFEST";
    public static final String SIGNATURE = "MANIFEST.sig";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** An earlier manifest: its release and the SHA-256 of its bytes. */
    public record Link(long release, String sha256) {}

    /** One file of the export. */
    public record Entry(String path, long size, String sha256) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public Manifest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(validUntil, "validUntil");
        chain = List.copyOf(chain);
        files = List.copyOf(files);
    }

    /** The manifest this one follows, if any. */
    public Optional<Link> previous() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** The files by path, in manifest order. */
    public Map<String, Entry> byPath() {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : files) {
            m.put(e.path(), e);
        }
        return m;
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder(files.size() * 110 + 512);
        sb.append(MAGIC).append('\n');
        sb.append("release ").append(release).append('\n');
        sb.append("time ").append(time).append('\n');
        sb.append("base-url ").append(baseUrl).append('\n');
        sb.append("valid-until ").append(validUntil).append('\n');
        for (Link l : chain) {
            sb.append("previous ").append(l.release()).append(' ').append(l.sha256()).append('\n');
        }
        sb.append("files ").append(files.size()).append('\n');
        for (Entry e : files) {
            sb.append(e.sha256()).append(' ').append(e.size()).append(' ').append(e.path()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; a malformed one is an IOException naming the line and what is wrong with it. */
    public static Manifest parse(byte[] bytes, String source) throws IOException {
        String[] lines = utf8(bytes, source).split("\n", -1);
        int n = 0;
        try {
            expect(lines, n, MAGIC.equals(at(lines, n)), "expected \"" + MAGIC + "\"", source);
            n++;
            long release = Long.parseLong(field(lines, n++, "release", source));
            Instant time = Instant.parse(field(lines, n++, "time", source));
            URI base = URI.create(field(lines, n++, "base-url", source));
            Instant validUntil = Instant.parse(field(lines, n++, "valid-until", source));
            List<Link> chain = new ArrayList<>();
            while (at(lines, n).startsWith("previous ")) {
                String[] p = at(lines, n).split(" ");
                expect(lines, n, p.length == 3 && HEX.matcher(p[2]).matches(), "expected \"previous RELEASE SHA256\"",
                        source);
                chain.add(new Link(Long.parseLong(p[1]), p[2]));
                n++;
            }
            int count = Integer.parseInt(field(lines, n++, "files", source));
            expect(lines, n - 1, count >= 0 && count <= lines.length - n, "expected the number of file lines that follow",
                    source);
            // Sized by the lines there are, not by the count written: "files 2000000000" made the reader allocate
            // 8 GB before it read a line (seen while writing ManifestFuzzTest; its seed huge-count.MANIFEST).
            List<Entry> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++, n++) {
                String line = at(lines, n);
                int a = line.indexOf(' ');
                int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
                expect(lines, n, a == 64 && b > a + 1 && b < line.length() - 1 && HEX.matcher(line.substring(0, a)).matches(),
                        "expected \"SHA256 SIZE PATH\"", source);
                files.add(new Entry(line.substring(b + 1), Long.parseLong(line.substring(a + 1, b)), line.substring(0, a)));
            }
            expect(lines, n, n == lines.length - 1 && lines[n].isEmpty(), "expected the end after " + count + " files",
                    source);
            return new Manifest(release, time, base, validUntil, chain, files);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException(source + " line " + (n + 1) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " line " + (n + 1) + ": " + e.getMessage());
        }
    }

    /**
     * The manifest's text. Bytes that are not UTF-8 are refused with their line: decoded leniently, a path with one
     * became another path (U+FFFD in place of the byte), which verify then reported missing (ManifestFuzzTest, seed
     * not-utf8.MANIFEST).
     */
    private static String utf8(byte[] bytes, String source) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IOException(source + " line " + line + ": byte " + (in.position() + 1) + " is not UTF-8");
        }
        return out.flip().toString();
    }

    private static String at(String[] lines, int n) {
        return n < lines.length ? lines[n] : "";
    }

    private static String field(String[] lines, int n, String name, String source) throws IOException {
        String line = at(lines, n);
        expect(lines, n, line.startsWith(name + " "), "expected \"" + name + " …\"", source);
        return line.substring(name.length() + 1);
    }

    private static void expect(String[] lines, int n, boolean ok, String what, String source) throws IOException {
        if (!ok) {
            throw new IOException(source + " line " + (n + 1) + ": " + what + ", found \"" + at(lines, n) + "\"");
        }
    }
}
