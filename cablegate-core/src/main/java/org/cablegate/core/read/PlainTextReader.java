package org.cablegate.core.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads plain-text cables ({@link PlainTextCable} describes one) from a {@code .txt} file or a directory of them.
 *
 * <p>A file may hold several cables: each after the first must open with a metadata block (a {@code Reference ID:}
 * line or a top-box row), and that is where the previous one ends. A line of {@code =} alone just before it is taken as
 * the separator and dropped. Lines of {@code =} are not separators by themselves: cable bodies have them
 * (08SANJOSE823 underlines headings with them), and a cable without metadata cannot be told from the next.
 *
 * <p>Lines stream through; only the current cable is held.
 */
final class PlainTextReader {
    private final CableSink sink;

    PlainTextReader(CableSink sink) {
        this.sink = sink;
    }

    /** Reads one file; {@code name} names it in locations. */
    void readFile(Path path, String name) throws IOException {
        Progress progress = new Progress(sink, Files.size(path));
        readFile(path, name, progress);
        progress.finish();
    }

    /** Reads every {@code .txt} under {@code dir}, sorted by relative path. */
    void readDirectory(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(file)
                        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                    files.add(file);
                    total += Files.size(file);
                }
            }
        }
        if (files.isEmpty()) {
            sink.reject(new Rejection(dir.toString(), "no cable source in this directory: no cable/**/*.html site pages"
                    + " and no .txt cables"));
            return;
        }
        files.sort(Comparator.comparing(file -> dir.relativize(file).toString().replace('\\', '/')));
        Progress progress = new Progress(sink, total);
        for (Path file : files) {
            readFile(file, dir.resolve(dir.relativize(file)).toString(), progress);
        }
        progress.finish();
    }

    private void readFile(Path path, String name, Progress progress) throws IOException {
        if (Files.size(path) == 0) {
            sink.reject(new Rejection(name, "empty file"));
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(1024);
        }
        if (!SourceKind.isText(head)) {
            sink.reject(new Rejection(name, "binary content, not a plain-text cable"));
            return;
        }
        try (InputStream file = Files.newInputStream(path);
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(new ProgressStream(file, progress), StandardCharsets.UTF_8), 1 << 16)) {
            List<String> lines = new ArrayList<>();
            boolean hasText = false;
            long lineNumber = 0;
            long startLine = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (hasText && PlainTextCable.startsCable(line)) {
                    dropSeparator(lines);
                    emit(lines, name, startLine);
                    lines.clear();
                    hasText = false;
                    startLine = lineNumber;
                }
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1); // a byte-order mark from Windows Notepad
                }
                lines.add(line);
                if (!hasText) {
                    hasText = !line.isBlank() && !PlainTextCable.isMetadata(line);
                }
            }
            if (!lines.isEmpty()) {
                emit(lines, name, startLine);
            }
        }
    }

    private void emit(List<String> lines, String name, long startLine) {
        String location = startLine == 1 ? name : name + " line " + startLine;
        PlainTextCable.Result result = PlainTextCable.parse(lines, location);
        if (result instanceof PlainTextCable.Read read) {
            sink.accept(read.cable());
        } else {
            sink.reject(new Rejection(location, ((PlainTextCable.Rejected) result).reason()));
        }
    }

    /** Drops the blank lines and the one line of {@code =} that end a cable followed by another. */
    private static void dropSeparator(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end > 0 && lines.get(end - 1).strip().matches("=+")) {
            end--;
        }
        lines.subList(end, lines.size()).clear();
    }
}
