package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replacement deletes the old document now and adds the new one with its batch: both or neither become public. */
class ArchiveWriterTest {
    @TempDir
    Path dir;

    private static PublicCable version(int version, String body) {
        return new PublicCable("08MOSCOW1647", "08MOSCOW1647", version, LocalDateTime.parse("2008-06-10T11:11"),
                LocalDateTime.parse("2011-04-11T12:00"), "SECRET", "Embassy Moscow", "TALKS", List.of("PREL"), "", List.of(),
                List.of(), "", body);
    }

    /** Documents with the id, and hits of a word of version 1 and of a word of version 2. */
    private int[] state() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            return new int[] {searcher.count(new TermQuery(new Term(ArchiveSchema.ID, "08MOSCOW1647"))),
                    searcher.count(new TermQuery(new Term(ArchiveSchema.BODY, "first"))),
                    searcher.count(new TermQuery(new Term(ArchiveSchema.BODY, "second")))};
        }
    }

    @Test
    void aReplacementIsPublishedWholeByTheCommitAndLostWholeWithout() throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            writer.add(version(1, "The first text."));
            writer.commit(1);
        }
        assertThat(state()).containsExactly(1, 1, 0);

        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            writer.replace(version(2, "The second text."));
            // closed without a commit, as by a crash: neither the delete nor the add
        }
        assertThat(state()).containsExactly(1, 1, 0);

        try (ArchiveWriter writer = ArchiveWriter.open(dir, 16)) {
            writer.replace(version(2, "The second text."));
            writer.commit(2);
        }
        assertThat(state()).containsExactly(1, 0, 1);
    }
}
