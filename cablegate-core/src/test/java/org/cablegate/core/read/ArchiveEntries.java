package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.cablegate.core.model.SourceCable;

/**
 * What the archive fuzz tests hold every archive reader to, whatever the bytes: reading a file that opens never
 * throws (damage is a rejection, reading stops there), it is deterministic, and every cable and rejection names the
 * archive (and the entry, {@code site.tar!cable/...}).
 */
final class ArchiveEntries {
    private ArchiveEntries() {}

    interface Reader {
        void read(Path file, CableSink sink) throws IOException;
    }

    static void check(String name, byte[] bytes, Reader reader) throws IOException {
        Path file = FuzzFiles.write(name, bytes);
        CollectingSink first = new CollectingSink();
        reader.read(file, first);
        CollectingSink again = new CollectingSink();
        reader.read(file, again);
        assertThat(again.cables).isEqualTo(first.cables);
        assertThat(again.rejections).isEqualTo(first.rejections);
        for (SourceCable cable : first.cables) {
            assertThat(cable.location()).startsWith(name + "!");
        }
        for (Rejection rejection : first.rejections) {
            assertThat(rejection.location()).startsWith(name);
            assertThat(rejection.reason()).isNotBlank();
        }
    }
}
