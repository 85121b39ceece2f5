package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The batch file of {@code redact --file} under arbitrary bytes (issue 13). Seeds: batch files as the README shows
 * them. Properties: the file reads as every row or as one {@link RedactionFile.BadRow} whose message names the file and
 * a line of it, never another exception (bytes that are not UTF-8 included); rows come in the order of their lines;
 * reading is deterministic.
 */
public class RedactionFileFuzzTest {
    private static final Path DIR = scratch();

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] bytes) throws IOException {
        new RedactionFileFuzzTest().redactionFile(bytes);
    }

    @FuzzTest(maxDuration = "2s")
    void redactionFile(byte[] bytes) throws IOException {
        Path file = DIR.resolve("batch.csv");
        Files.write(file, bytes);
        Object first = read(file);
        assertThat(read(file)).isEqualTo(first);
        long lines = 1 + bytes.length;
        if (first instanceof String message) {
            assertThat(message).matches("(?s)batch\\.csv line \\d+(, byte \\d+)?: .+");
            long line = Long.parseLong(message.substring("batch.csv line ".length()).split("\\D", 2)[0]);
            assertThat(line).isBetween(1L, lines);
        } else {
            int previous = 0;
            for (Object o : (List<?>) first) {
                RedactionFile.Row row = (RedactionFile.Row) o;
                assertThat(row.line()).isGreaterThan(previous).isLessThanOrEqualTo((int) lines);
                assertThat(row.id()).isNotBlank();
                previous = row.line();
            }
        }
    }

    /** The rows, or the message of the BadRow. */
    private static Object read(Path file) throws IOException {
        try {
            return RedactionFile.read(file);
        } catch (RedactionFile.BadRow e) {
            return e.getMessage();
        }
    }

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("cablegate-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
