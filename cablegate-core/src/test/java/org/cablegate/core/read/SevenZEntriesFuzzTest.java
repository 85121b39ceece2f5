package org.cablegate.core.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * The 7z reader of site pages under arbitrary bytes (issue 13); what it must hold is {@link ArchiveEntries}. A 7z
 * keeps its directory at the end, with sizes the reader believes before it reads: the bounded memory matters here.
 */
public class SevenZEntriesFuzzTest {
    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] archive) throws IOException {
        new SevenZEntriesFuzzTest().sevenZEntries(archive);
    }

    @FuzzTest(maxDuration = "2s")
    void sevenZEntries(byte[] archive) throws IOException {
        ArchiveEntries.check("site.7z", archive, (file, sink) -> new SevenZPages(file, sink).read());
    }
}
