package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * The manifest reader of {@code verify}, {@code apply} and {@code mirror} under arbitrary bytes (issue 13): a mirror
 * reads the manifest before it checks its signature, so its parser meets whatever a hostile source sends. Seeds:
 * manifests of an export of the bundled sample, cut short. Properties: a manifest reads, or fails with an
 * {@link IOException} naming the source and the line, never another exception (nor an allocation the bytes did not
 * pay for); a manifest that reads, written back, reads as the same manifest; reading is deterministic.
 */
public class ManifestFuzzTest {
    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] bytes) {
        new ManifestFuzzTest().manifest(bytes);
    }

    @FuzzTest(maxDuration = "2s")
    void manifest(byte[] bytes) {
        Manifest manifest;
        try {
            manifest = Manifest.parse(bytes, "MANIFEST");
        } catch (IOException e) {
            assertThat(e.getMessage()).matches("(?s)MANIFEST line \\d+: .+");
            return;
        }
        try {
            assertThat(Manifest.parse(bytes, "MANIFEST")).isEqualTo(manifest);
            // Written back (numbers in their canonical form), it reads as the same manifest.
            assertThat(Manifest.parse(manifest.bytes(), "MANIFEST")).isEqualTo(manifest);
        } catch (IOException e) {
            throw new AssertionError("read once, refused the second time", e);
        }
    }
}
