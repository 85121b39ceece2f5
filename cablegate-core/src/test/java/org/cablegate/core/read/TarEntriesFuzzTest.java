package org.cablegate.core.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** The tar reader of site pages under arbitrary bytes (issue 13); what it must hold is {@link ArchiveEntries}. */
public class TarEntriesFuzzTest {
    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] archive) throws IOException {
        new TarEntriesFuzzTest().tarEntries(archive);
    }

    @FuzzTest(maxDuration = "2s")
    void tarEntries(byte[] archive) throws IOException {
        ArchiveEntries.check("site.tar", archive,
                (file, sink) -> new ArchivePages(file, ArchivePages.Kind.TAR, sink).read());
    }
}
