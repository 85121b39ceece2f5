package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.cablegate.core.model.SourceCable;

/**
 * The reader of plain-text cables (as quoted in articles) under arbitrary bytes (issue 13). Seeds: the cables of
 * {@code read/text}. Properties: reading never throws; it is deterministic; every cable and rejection is located in
 * the file ({@code fuzz.txt} or {@code fuzz.txt line N}); a file of text gives at least one cable or one rejection.
 */
public class PlainTextFuzzTest {
    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] text) throws IOException {
        new PlainTextFuzzTest().plainText(text);
    }

    @FuzzTest(maxDuration = "2s")
    void plainText(byte[] text) throws IOException {
        Path file = FuzzFiles.write("fuzz.txt", text);
        CollectingSink first = read(file);
        CollectingSink again = read(file);
        assertThat(again.cables).isEqualTo(first.cables);
        assertThat(again.rejections).isEqualTo(first.rejections);
        for (SourceCable cable : first.cables) {
            assertThat(cable.id()).isNotBlank();
            assertThat(cable.location()).matches("fuzz\\.txt( line \\d+)?");
        }
        for (Rejection rejection : first.rejections) {
            assertThat(rejection.location()).matches("fuzz\\.txt( line \\d+)?");
            assertThat(rejection.reason()).isNotBlank();
        }
        if (text.length > 0) {
            assertThat(first.cables.size() + first.rejections.size()).isPositive();
        }
    }

    private static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new PlainTextReader(sink).readFile(file, "fuzz.txt");
        return sink;
    }
}
