package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real cables beside the record they must parse to: {@code parse/golden/<ID>.txt} holds the fields of a SourceCable
 * (metadata lines, then {@code === header ===} and the header, then {@code === body ===} and the body to the end of the
 * file), {@code <ID>.expected.json} the CableJson without the raw texts. Every expected file was read against its cable
 * by hand. Why each case is there is one line of the folder's README.md (the class of issue 11 it shows, and what),
 * which {@link #everyCaseSaysWhyItIsThere} holds to; made-up cases for layouts the corpus lacks are named
 * {@code synthetic-<what>.txt}.
 *
 * <p>To rewrite the expected files after a deliberate change: {@code -Dgolden.update=true}, then read the diff.
 */
class GoldenFilesTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String HEADER = "=== header ===\n";
    private static final String BODY = "\n=== body ===\n";

    static Stream<String> cables() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cables")
    void parsesToItsGoldenRecord(String id) throws IOException, URISyntaxException {
        SourceCable source = read(folder().resolve(id + ".txt"));
        StringBuilder json = new StringBuilder();
        CableJson.write(new CableParser().parse(source), new JsonWriter(json, true), false);
        json.append('\n');
        Path expected = folder().resolve(id + ".expected.json");
        if (Boolean.getBoolean("golden.update")) {
            Path sourceFolder = Path.of("src/test/resources/parse/golden");
            Files.writeString(sourceFolder.resolve(id + ".expected.json"), json, StandardCharsets.UTF_8);
            return;
        }
        assertThat(json.toString()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void everyCaseSaysWhyItIsThere() throws IOException, URISyntaxException {
        String readme = Files.readString(folder().resolve("README.md"), StandardCharsets.UTF_8);
        List<String> unexplained = cables().filter(id -> !readme.contains("- `" + id + "` — ")).toList();
        assertThat(unexplained).as("golden cases without a line in parse/golden/README.md").isEmpty();
        for (String id : ids()) {
            assertThat(folder().resolve(id + ".expected.json")).as("expected JSON of " + id).exists();
        }
    }

    static SourceCable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int header = text.indexOf(HEADER);
        int body = text.indexOf(BODY, header);
        Map<String, String> meta = new HashMap<>();
        for (String line : text.substring(0, header).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                meta.put(line.substring(0, colon), line.substring(colon + 2));
            } else if (line.endsWith(":")) {
                meta.put(line.substring(0, line.length() - 1), "");
            }
        }
        String released = meta.getOrDefault("released", "");
        return new SourceCable(meta.get("id"), LocalDateTime.parse(meta.get("created"), TIME),
                released.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(released, TIME)),
                meta.getOrDefault("classification", ""), meta.getOrDefault("origin", ""),
                text.substring(header + HEADER.length(), body), text.substring(body + BODY.length()),
                SourceFormat.valueOf(meta.getOrDefault("format", "PLAIN_TEXT")), file.getFileName().toString());
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(GoldenFilesTest.class.getResource("/parse/golden").toURI());
    }

    static List<String> ids() throws IOException, URISyntaxException {
        return cables().toList();
    }
}
