package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The delta reader of {@code apply} and {@code mirror} under arbitrary bytes (issue 13): a delta is read whole (its
 * header, manifest, signature and every carried file hashed) before anything is trusted, so its reader meets whatever
 * a hostile source sends. Seed: a delta between two exports of the bundled sample. Properties: a delta reads, or
 * fails with an {@link IOException} that names the file, never another exception; its header alone reads the same
 * base; reading is deterministic.
 */
public class DeltaFuzzTest {
    private static final Path DIR = scratch();

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] bytes) throws IOException {
        new DeltaFuzzTest().delta(bytes);
    }

    @FuzzTest(maxDuration = "2s")
    void delta(byte[] bytes) throws IOException {
        Path file = DIR.resolve("release-2.tar.gz");
        Files.write(file, bytes);
        Delta.Contents contents;
        try {
            contents = Delta.read(file);
        } catch (IOException e) {
            assertThat(e.getMessage()).contains(file.toString());
            return;
        }
        assertThat(contents.base()).matches("[0-9a-f]{64}");
        assertThat(Delta.read(file)).usingRecursiveComparison().isEqualTo(contents);
        try {
            assertThat(Delta.header(file).base()).isEqualTo(contents.base());
        } catch (IOException e) {
            assertThat(e.getMessage()).contains(file.toString());
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
