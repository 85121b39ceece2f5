package org.cablegate.archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text store: records keep their offsets across generations, a superseded record is zeros in the next generation,
 * the generation it superseded is deleted after the commit, and what a killed release wrote is deleted on the next open.
 */
class CableTextsTest {
    @TempDir
    Path dir;

    private static PublicCable cable(String id, String body) {
        return new PublicCable(id, id, 1, LocalDateTime.parse("2008-06-10T11:11"), LocalDateTime.parse("2011-04-11T12:00"),
                "SECRET", "Embassy Moscow", "TALKS", List.of("PREL"), "", List.of(), List.of(), "HEADER OF " + id, body);
    }

    private List<String> packFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(CableTexts::isPack).sorted().toList();
        }
    }

    @Test
    void aRecordReadsBackAsWrittenAndADamagedOneIsAnErrorNotAText() throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            CableTexts.Writer w = new CableTexts.Writer(d, List.of());
            CableTexts.Ref ref = w.append(CableTexts.encode(List.of("header", "body with ü and 日本")));
            List<String> files = w.prepareCommit();
            w.committed();
            assertThat(files).containsExactly("texts-0-1.pack");
            assertThat(CableTexts.Ref.parse(ref.toString())).isEqualTo(ref);
            try (CableTexts.Packs packs = CableTexts.Packs.open(d, files)) {
                assertThat(packs.read(ref)).containsExactly("header", "body with ü and 日本");
            }
            byte[] bytes = Files.readAllBytes(dir.resolve("texts-0-1.pack"));
            bytes[bytes.length - 1] ^= 1;
            Files.write(dir.resolve("texts-0-1.pack"), bytes);
            try (CableTexts.Packs packs = CableTexts.Packs.open(d, files)) {
                assertThatThrownBy(() -> packs.read(ref)).isInstanceOf(IOException.class)
                        .hasMessageContaining("fails its checksum").hasMessageContaining("release --rebuild");
            }
        }
    }

    @Test
    void aSupersededRecordIsZerosInTheNextGenerationAndTheOldFileIsDeleted() throws IOException {
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            w.add(cable("08MOSCOW1647", "The canary word zyxwvut."));
            w.add(cable("08MOSCOW1648", "Another text."));
            w.commit(1);
        }
        assertThat(packFiles()).containsExactly("texts-0-1.pack");
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            w.replace(cable("08MOSCOW1647", "The XXXXXXXXXXXX word."));
            w.commit(2);
        }
        // The last pack was not full: continued (generation 2), then written again with the old record blanked in
        // place (3); only the newest is left.
        assertThat(packFiles()).containsExactly("texts-0-3.pack");
        String pack = new String(Files.readAllBytes(dir.resolve("texts-0-3.pack")), StandardCharsets.UTF_8);
        assertThat(pack).doesNotContain("zyxwvut").contains("Another text.").contains("The XXXXXXXXXXXX word.");
        assertThat(IndexAudit.find(dir, Set.of("zyxwvut"))).isEmpty();
        try (PublicArchive archive = PublicArchive.open(dir)) {
            assertThat(archive.get("08MOSCOW1647").orElseThrow().body()).isEqualTo("The XXXXXXXXXXXX word.");
            assertThat(archive.get("08MOSCOW1648").orElseThrow().body()).isEqualTo("Another text.");
            assertThat(archive.get("08MOSCOW1648").orElseThrow().header()).isEqualTo("HEADER OF 08MOSCOW1648");
        }
    }

    @Test
    void aWithdrawalBlanksTheRecordAndAViewOfTheEarlierReleaseStillReadsIt() throws IOException {
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            w.add(cable("08MOSCOW1647", "The canary word zyxwvut."));
            w.commit(1);
        }
        try (PublicArchive archive = PublicArchive.open(dir); PublicArchive.View before = archive.view()) {
            try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
                w.delete("08MOSCOW1647");
                w.commit(2);
            }
            assertThat(IndexAudit.find(dir, Set.of("zyxwvut"))).isEmpty();
            // The release the view holds reads whole, from the pack it opened (deleted since, as Lucene's files are).
            assertThat(before.get("08MOSCOW1647").orElseThrow().body()).isEqualTo("The canary word zyxwvut.");
            archive.refresh();
            assertThat(archive.get("08MOSCOW1647")).isEmpty();
        }
    }

    @Test
    void whatAKilledReleaseWroteIsDeletedWhenTheNextWriterOpens() throws IOException {
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            w.add(cable("08MOSCOW1647", "Public text."));
            w.commit(1);
        }
        // A release that wrote a new generation and was killed before its commit: the file is left behind.
        try (Directory d = FSDirectory.open(dir)) {
            CableTexts.Writer killed = new CableTexts.Writer(d, List.of("texts-0-1.pack"));
            killed.append(CableTexts.encode(List.of("h", "Unreleased canary zyxwvut.")));
            killed.prepareCommit();
        }
        assertThat(packFiles()).containsExactly("texts-0-1.pack", "texts-0-2.pack");
        assertThat(IndexAudit.find(dir, Set.of("zyxwvut"))).extracting(IndexAudit.Finding::where)
                .contains("file texts-0-2.pack that the last commit does not reference");
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            assertThat(packFiles()).containsExactly("texts-0-1.pack");
        }
        assertThat(IndexAudit.find(dir, Set.of("zyxwvut"))).isEmpty();
    }

    @Test
    void anArchiveWrittenBeforeTheTextStoreKeepsWorkingAndItsRedactionsLeaveNoTrace() throws IOException {
        // As releases before the text store wrote a cable: header and body stored in the segment, no text record.
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new CableAnalyzer()))) {
            PublicCable old = cable("08MOSCOW1647", "The canary word zyxwvut.");
            Document doc = ArchiveSchema.toDocument(old, new CableTexts.Ref(0, 0, 0, 0));
            doc.removeField(ArchiveSchema.TEXT);
            doc.removeField(ArchiveSchema.BODY);
            doc.add(new StoredField(ArchiveSchema.HEADER, old.header()));
            doc.add(new TextField(ArchiveSchema.BODY, old.body(), Field.Store.YES));
            w.addDocument(doc);
            w.setLiveCommitData(new CommitData(1, 1, List.of(), List.of()).toMap().entrySet());
            w.commit();
        }
        try (PublicArchive archive = PublicArchive.open(dir)) {
            PublicCable c = archive.get("08MOSCOW1647").orElseThrow();
            assertThat(c.header()).isEqualTo("HEADER OF 08MOSCOW1647");
            assertThat(c.body()).isEqualTo("The canary word zyxwvut.");
        }
        try (ArchiveWriter w = ArchiveWriter.open(dir, 16)) {
            w.replace(cable("08MOSCOW1647", "The XXXXXXXXXXXX word."));
            w.expungeDeletes();
            w.commit(2);
        }
        assertThat(IndexAudit.find(dir, Set.of("zyxwvut"))).isEmpty();
        try (PublicArchive archive = PublicArchive.open(dir)) {
            assertThat(archive.get("08MOSCOW1647").orElseThrow().body()).isEqualTo("The XXXXXXXXXXXX word.");
        }
    }

    @Test
    void aFullPackIsClosedAndTheNextRecordsGoToANewOneWhoseOffsetsStay() throws IOException {
        char[] kb = new char[1000];
        Arrays.fill(kb, 'a');
        try (Directory d = FSDirectory.open(dir)) {
            CableTexts.Writer w = new CableTexts.Writer(d, List.of(), 2500);
            CableTexts.Ref a = w.append(CableTexts.encode(List.of("h", new String(kb))));
            CableTexts.Ref b = w.append(CableTexts.encode(List.of("h", new String(kb))));
            CableTexts.Ref c = w.append(CableTexts.encode(List.of("h", new String(kb))));
            CableTexts.Ref e = w.append(CableTexts.encode(List.of("h", "small")));
            assertThat(List.of(a.pack(), b.pack(), c.pack(), e.pack())).containsExactly(0, 0, 0, 1);
            List<String> files = w.prepareCommit();
            w.committed();
            assertThat(files).containsExactly("texts-0-1.pack", "texts-1-1.pack");
            // The next batch continues pack 1 (not full) as its generation 2; pack 0 is left as it is.
            CableTexts.Ref f = w.append(CableTexts.encode(List.of("h", "next")));
            w.blank(a);
            files = w.prepareCommit();
            w.committed();
            assertThat(files).containsExactly("texts-0-2.pack", "texts-1-2.pack");
            assertThat(packFiles()).containsExactly("texts-0-2.pack", "texts-1-2.pack");
            try (CableTexts.Packs packs = CableTexts.Packs.open(d, files)) {
                assertThat(packs.read(b).get(1)).isEqualTo(new String(kb));
                assertThat(packs.read(e)).containsExactly("h", "small");
                assertThat(packs.read(f)).containsExactly("h", "next");
                assertThatThrownBy(() -> packs.read(a)).hasMessageContaining("fails its checksum");
            }
        }
    }
}
