package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the fuzz tests of the mirror's readers found (issue 13), each replayed from its seed with its exact message. */
class MirrorReadersTest {
    private static byte[] seed(String path) throws IOException {
        try (InputStream in = MirrorReadersTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aManifestWithBytesThatAreNotUtf8IsRefusedAtItsLine() throws IOException {
        // A path with a Latin-1 byte read as another path (U+FFFD in its place), which verify then called missing.
        byte[] bytes = seed("ManifestFuzzTestInputs/manifest/not-utf8.MANIFEST");
        assertThatThrownBy(() -> Manifest.parse(bytes, "MANIFEST")).isInstanceOf(IOException.class)
                .hasMessage("MANIFEST line 9: byte 378 is not UTF-8");
    }

    @Test
    void aManifestCountingMoreFilesThanItHoldsIsRefusedBeforeAnyAllocation() throws IOException {
        // "files 2000000000" sized a list of two billion entries before the first file line was read.
        byte[] bytes = seed("ManifestFuzzTestInputs/manifest/huge-count.MANIFEST");
        assertThatThrownBy(() -> Manifest.parse(bytes, "MANIFEST")).isInstanceOf(IOException.class)
                .hasMessage("MANIFEST line 7: expected the number of file lines that follow, found \"files 2000000000\"");
    }

    @Test
    void aDeltaWhoseTarIsCorruptNamesTheFile(@TempDir Path dir) throws IOException {
        // The archive library's "Corrupted TAR archive." reached the mirror's operator without the delta's name.
        Path delta = Files.write(dir.resolve("release-2.tar.gz"), seed("DeltaFuzzTestInputs/delta/corrupt-tar.tar.gz"));
        assertThatThrownBy(() -> Delta.read(delta)).isInstanceOf(IOException.class)
                .hasMessage(delta + " is not a whole .tar.gz: Corrupted TAR archive.");
    }
}
