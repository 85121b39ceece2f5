package org.cablegate.core.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * The 7z reader of site pages under arbitrary bytes (issue 13); what it must hold is {@link ArchiveEntries}. A 7z
 * keeps its directory at the end, with sizes the reader believes before it reads: the bounded memory matters here.
 */
class SevenZEntriesFuzzTest {
    @FuzzTest(maxDuration = "2s")
    void sevenZEntries(byte[] archive) throws IOException {
        ArchiveEntries.check("site.7z", archive, (file, sink) -> new SevenZPages(file, sink).read());
    }
}
