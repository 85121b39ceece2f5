package org.cablegate.core.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/** The zip reader of site pages under arbitrary bytes (issue 13); what it must hold is {@link ArchiveEntries}. */
class ZipEntriesFuzzTest {
    @FuzzTest(maxDuration = "2s")
    void zipEntries(byte[] archive) throws IOException {
        ArchiveEntries.check("site.zip", archive,
                (file, sink) -> new ArchivePages(file, ArchivePages.Kind.ZIP, sink).read());
    }
}
