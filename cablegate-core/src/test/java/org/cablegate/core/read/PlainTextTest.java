package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextTest {
    @TempDir
    Path dir;

    private static CollectingSink read(Path source) throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(source, sink);
        return sink;
    }

    private static SourceCable csvCable(String id) throws IOException {
        return read(Fixtures.resource("csv/four-cables.csv")).cables.stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void readsACableQuotedWithTheTopBoxRowOfTheViewerPage() throws IOException {
        // seed/cable-viewer-page.txt from its top box on: no blank line between header and body.
        CollectingSink sink = read(Fixtures.resource("text/08MOSCOW1647-as-quoted.txt"));
        assertThat(sink.rejections).isEmpty();
        SourceCable cable = sink.cables.get(0);
        assertThat(cable.id()).isEqualTo("08MOSCOW1647");
        assertThat(cable.created()).isEqualTo(LocalDateTime.of(2008, 6, 10, 11, 11));
        assertThat(cable.released()).contains(LocalDateTime.of(2011, 2, 1, 21, 9));
        assertThat(cable.classification()).isEqualTo("SECRET");
        assertThat(cable.origin()).isEqualTo("Embassy Moscow");
        assertThat(cable.header()).isEqualTo("DE RUEHMO #1647/01 1621120\nO 101120Z JUN 08");
        assertThat(cable.body()).startsWith("S E C R E T MOSCOW 001647 \nE.O. 12958: DECL: 06/04/2018 \n")
                .endsWith("remain on the table.");
        assertThat(cable.format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(cable.location()).isEqualTo("08MOSCOW1647-as-quoted.txt");
    }

    @Test
    void derivesIdCreatedAndClassificationWithoutMetadata() throws IOException {
        CollectingSink sink = read(Fixtures.resource("text/08MOSCOW1647-no-metadata.txt"));
        assertThat(sink.rejections).isEmpty();
        SourceCable cable = sink.cables.get(0);
        SourceCable row = csvCable("08MOSCOW1647");
        // S E C R E T MOSCOW 001647 + 101120Z JUN 08
        assertThat(cable.id()).isEqualTo("08MOSCOW1647");
        assertThat(cable.created()).isEqualTo(LocalDateTime.of(2008, 6, 10, 11, 20));
        assertThat(cable.classification()).isEqualTo("SECRET");
        assertThat(cable.origin()).isEmpty();
        assertThat(cable.released()).isEmpty();
        // The header's own blank line (after OO RUEHWEB) stays in the header: the banner ends it, not a blank line.
        assertThat(cable.header()).isEqualTo(row.header());
        assertThat(cable.body()).isEqualTo(row.body().stripTrailing());
    }

    @Test
    void readsSeveralCablesWithKeyLinesSeparatedByALineOfEquals() throws IOException {
        CollectingSink sink = read(Fixtures.resource("text/two-cables.txt"));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactly("66BUENOSAIRES2481", "09MALABO13");
        SourceCable first = sink.cables.get(0);
        assertThat(first.origin()).isEqualTo("Embassy Buenos Aires");
        assertThat(first.created()).isEqualTo(LocalDateTime.of(1966, 12, 28, 18, 6));
        assertThat(first.body()).isEqualTo(csvCable("66BUENOSAIRES2481").body().stripTrailing());
        SourceCable second = sink.cables.get(1);
        // Created in the cables.csv form is accepted too.
        assertThat(second.created()).isEqualTo(LocalDateTime.of(2009, 2, 17, 8, 8));
        assertThat(second.released()).contains(LocalDateTime.of(2011, 2, 10, 21, 9));
        assertThat(second.location()).isEqualTo("two-cables.txt line 125");
        assertThat(second.header()).isEqualTo(csvCable("09MALABO13").header());
    }

    @Test
    void rejectsAFileWithNoIdNamingIt() throws IOException {
        CollectingSink sink = read(Fixtures.resource("text/notes-without-id.txt"));
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("notes-without-id.txt");
            assertThat(r.reason()).startsWith("no reference id");
        });
    }

    @Test
    void rejectsAPartialExtractWithoutMetadataForWantOfAYear() throws IOException {
        Path file = Fixtures.write(dir, "extract.txt", "This record is a partial extract of the original cable. The"
                + " full text of the original cable is not available.\n\n"
                + "C O N F I D E N T I A L ROME 001725\n\nTEXT\n");
        assertThat(read(file).rejections).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("no reference id"));
        Path withCreated = Fixtures.write(dir, "extract2.txt", "Created: 2002-04-12 16:03\n\n"
                + Files.readString(file));
        CollectingSink sink = read(withCreated);
        assertThat(sink.ids()).containsExactly("02ROME1725");
        assertThat(sink.cables.get(0).header()).startsWith("This record is a partial extract");
        assertThat(sink.cables.get(0).classification()).isEqualTo("CONFIDENTIAL");
    }

    @Test
    void derivesNofornAndMultiWordStations() throws IOException {
        Path file = Fixtures.write(dir, "c.txt", "R 010203Z MAR 09\nFM AMEMBASSY SAN JOSE\n\n"
                + "C O N F I D E N T I A L SECTION 01 OF 02 SAN JOSE 000123 \n \nNOFORN\nSIPDIS\n\nTEXT\n");
        SourceCable cable = read(file).cables.get(0);
        assertThat(cable.id()).isEqualTo("09SANJOSE123");
        assertThat(cable.classification()).isEqualTo("CONFIDENTIAL//NOFORN");
        assertThat(cable.created()).isEqualTo(LocalDateTime.of(2009, 3, 1, 2, 3));
    }

    @Test
    void takesABodyLineLikeIdColonNumberAsBodyNotMetadata() throws IOException {
        // 04BOGOTA2313's body opens with "id: 14485", a database row id.
        Path file = Fixtures.write(dir, "b.txt", "Reference ID: 04BOGOTA2313\nCreated: 2004-03-02 22:05\n\n"
                + "id: 14485\ndate: 3/2/2004 22:05\n");
        SourceCable cable = read(file).cables.get(0);
        assertThat(cable.id()).isEqualTo("04BOGOTA2313");
        assertThat(cable.body()).isEqualTo("id: 14485\ndate: 3/2/2004 22:05");
    }

    @Test
    void readsADirectoryOfTextCablesInPathOrder() throws IOException {
        Path texts = dir.resolve("texts");
        Files.createDirectories(texts.resolve("b"));
        Files.copy(Fixtures.resource("text/08MOSCOW1647-no-metadata.txt"), texts.resolve("b/moscow.txt"));
        Files.copy(Fixtures.resource("text/two-cables.txt"), texts.resolve("a.txt"));
        Files.writeString(texts.resolve("readme.md"), "not a cable");
        CollectingSink sink = read(texts);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactly("66BUENOSAIRES2481", "09MALABO13", "08MOSCOW1647");
        assertThat(sink.cables.get(2).location()).isEqualTo(texts.resolve("b/moscow.txt").toString());
    }

    @Test
    void rejectsBinaryContentInATxtFile() throws IOException {
        Path file = Files.write(dir.resolve("cable.txt"), Fixtures.noise(4000));
        CollectingSink sink = read(file);
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).singleElement()
                .isEqualTo(new Rejection("cable.txt", "binary content, not a plain-text cable"));
    }

    @Test
    void readsTheBannerForms() {
        assertThat(Banner.parse("S E C R E T MOSCOW 001647 ")).contains(new Banner("SECRET", "MOSCOW", "1647"));
        assertThat(Banner.parse("UNCLAS SECTION 01 OF 03 SAO PAULO 000335"))
                .contains(new Banner("UNCLASSIFIED", "SAOPAULO", "335"));
        assertThat(Banner.parse("UNCLAS E F T O LONDON 002883")).contains(new Banner("UNCLASSIFIED", "LONDON", "2883"));
        assertThat(Banner.parse("SECRET STATE 030927")).contains(new Banner("SECRET", "STATE", "30927"));
        assertThat(Banner.parse("CONFIDENTIAL")).contains(new Banner("CONFIDENTIAL", "", ""));
        assertThat(Banner.parse("SECRETARY RICE MET")).isEmpty();
        assertThat(Banner.parse("1. (C) Summary.")).isEmpty();
    }
}
