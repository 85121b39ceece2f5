package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.GZIPOutputStream;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    /** One record in the dump's layout; {@code body} is written as given (escape it yourself). */
    private static String row(int seq, String id, String body) {
        return "\"" + seq + "\",\"6/10/2008 11:11\",\"" + id + "\",\"Embassy Moscow\",\"SECRET\",\"\","
                + "\"O 101120Z JUN 08\nFM AMEMBASSY MOSCOW\",\"" + body + "\"\n";
    }

    private CollectingSink read(String content) throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(Fixtures.write(dir, "cables.csv", content), sink);
        return sink;
    }

    @Test
    void readsTheFourFixtureCablesCutFromTheCorpus() throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(Fixtures.resource("csv/four-cables.csv"), sink);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(Fixtures.IDS);
        SourceCable moscow = sink.cables.get(2);
        assertThat(moscow.created()).isEqualTo(LocalDateTime.of(2008, 6, 10, 11, 11));
        assertThat(moscow.released()).isEmpty();
        assertThat(moscow.classification()).isEqualTo("SECRET");
        assertThat(moscow.origin()).isEqualTo("Embassy Moscow");
        assertThat(moscow.header()).startsWith("VZCZCXYZ0000\nOO RUEHWEB\n\nDE RUEHMO #1647/01 1621120\n");
        assertThat(moscow.body()).startsWith("S E C R E T MOSCOW 001647 \n \nSIPDIS \n")
                .contains("Classified By: Charge d'Affaires Daniel A. Russell.");
        assertThat(moscow.format()).isEqualTo(SourceFormat.CSV);
        // Row numbers count records in the file: the fixture's third record.
        assertThat(moscow.location()).isEqualTo("four-cables.csv row 3");
    }

    @Test
    void decodesEscapedQuotesApostrophesAndBackslashes() throws IOException {
        // 66BUENOSAIRES2481 has \"PREFERENTIAL JURISDICTION\", 08MOSCOW1647 d\'Affaires, 09BRASILIA1412 HIV\\AIDs.
        CollectingSink sink = read(row(1, "08MOSCOW1647", "OF \\\"PREFERENTIAL\\\" d\\'Affaires HIV\\\\AIDs C:\\temp"));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables.get(0).body()).isEqualTo("OF \"PREFERENTIAL\" d'Affaires HIV\\AIDs C:\\temp");
    }

    @Test
    void keepsNewlinesInsideFieldsAndCountsThemAsLines() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1647", "S E C R E T MOSCOW 001647 \n \nSIPDIS")
                + row(2, "08MOSCOW1648", "line\nwith \"\"quote"));
        assertThat(sink.cables.get(0).body()).isEqualTo("S E C R E T MOSCOW 001647 \n \nSIPDIS");
        assertThat(sink.cables.get(0).header()).isEqualTo("O 101120Z JUN 08\nFM AMEMBASSY MOSCOW");
        // A bare "" inside a field is structure, not an RFC 4180 escape: row 2 is broken and starts on line 5.
        assertThat(sink.rejections).extracting(Rejection::location).containsExactly("cables.csv row 2 (line 5)");
    }

    @Test
    void normalisesWindowsLineEnds() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1647", "A\nB").replace("\n", "\r\n"));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables.get(0).body()).isEqualTo("A\nB");
        assertThat(sink.cables.get(0).header()).isEqualTo("O 101120Z JUN 08\nFM AMEMBASSY MOSCOW");
    }

    @Test
    void readsGzippedCsvAndReportsCompressedProgress() throws IOException {
        CollectingSink sink = new CollectingSink();
        Path gz = Fixtures.resource("csv/four-cables.csv.gz");
        Sources.read(gz, sink);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(Fixtures.IDS);
        long size = Files.size(gz);
        assertThat(sink.progress).last().satisfies(p -> assertThat(p).containsExactly(size, size));
    }

    @Test
    void rejectsABrokenQuoteWithRowAndLineAndImportsTheRest() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine")
                + row(2, "08MOSCOW2", "he said \"no\" twice\nand more")
                + row(3, "08MOSCOW3", "fine"));
        assertThat(sink.ids()).containsExactly("08MOSCOW1", "08MOSCOW3");
        assertThat(sink.rejections).hasSize(1);
        Rejection rejection = sink.rejections.get(0);
        assertThat(rejection.location()).isEqualTo("cables.csv row 2 (line 3)");
        assertThat(rejection.reason()).contains("unescaped quote inside column 8");
    }

    @Test
    void rejectsAnUnterminatedQuoteAndResynchronisesAtTheNextRecord() throws IOException {
        // Row 2 lost the closing quote of its body: the next line that starts a record ends it.
        String broken = row(2, "08MOSCOW2", "no end quote").replace("no end quote\"\n", "no end quote\n");
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine") + broken + row(3, "08MOSCOW3", "fine"));
        assertThat(sink.ids()).containsExactly("08MOSCOW1", "08MOSCOW3");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("cables.csv row 2 (line 3)");
            assertThat(r.reason()).startsWith("unterminated quote: line 5 starts the next record");
        });
        assertThat(sink.cables.get(1).location()).isEqualTo("cables.csv row 3");
    }

    @Test
    void rejectsAnUnterminatedQuoteAtTheEndOfTheFile() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine") + "\"2\",\"6/10/2008 11:11\",\"08MOSCOW2\",\"cut off");
        assertThat(sink.ids()).containsExactly("08MOSCOW1");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("cables.csv row 2 (line 3)");
            assertThat(r.reason()).contains("the file ends inside a column");
        });
    }

    @Test
    void rejectsAWrongNumberOfColumns() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine")
                + "\"2\",\"6/10/2008 11:11\",\"08MOSCOW2\",\"Embassy Moscow\",\"SECRET\"\n"
                + row(3, "08MOSCOW3", "fine"));
        assertThat(sink.ids()).containsExactly("08MOSCOW1", "08MOSCOW3");
        assertThat(sink.rejections).singleElement()
                .isEqualTo(new Rejection("cables.csv row 2 (line 3)", "expected 8 columns, found 5"));
    }

    @Test
    void rejectsAnUnquotedColumn() throws IOException {
        CollectingSink sink = read("\"1\",6/10/2008 11:11,\"08MOSCOW1\"\n" + row(2, "08MOSCOW2", "fine"));
        assertThat(sink.ids()).containsExactly("08MOSCOW2");
        assertThat(sink.rejections).singleElement()
                .isEqualTo(new Rejection("cables.csv row 1 (line 1)", "column 2 is not quoted"));
    }

    @Test
    void rejectsAnUnparseableDateAndAnEmptyId() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine").replace("6/10/2008 11:11", "2008-06-10")
                + row(2, " ", "fine") + row(3, "08MOSCOW3", "fine").replace("6/10/2008", "2/30/2008"));
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).extracting(Rejection::toString).containsExactly(
                "cables.csv row 1 (line 1): unparseable created date '2008-06-10' (expected M/D/YYYY H:MM)"
                        + " for 08MOSCOW1",
                "cables.csv row 2 (line 3): empty reference id",
                "cables.csv row 3 (line 5): unparseable created date '2/30/2008 11:11' (expected M/D/YYYY H:MM)"
                        + " for 08MOSCOW3");
    }

    @Test
    void rejectsAHeaderRowAndReadsTheRecordsAfterIt() throws IOException {
        CollectingSink sink = read("id,created,refid,origin,classification,references,header,body\n"
                + row(1, "08MOSCOW1", "fine"));
        assertThat(sink.ids()).containsExactly("08MOSCOW1");
        assertThat(sink.rejections).singleElement()
                .isEqualTo(new Rejection("cables.csv row 1 (line 1)", "line does not start a quoted record"));
    }

    @Test
    void skipsBlankLinesBetweenRecords() throws IOException {
        CollectingSink sink = read(row(1, "08MOSCOW1", "fine") + "\n\n" + row(2, "08MOSCOW2", "fine") + "\n");
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactly("08MOSCOW1", "08MOSCOW2");
    }

    @Test
    void readsRecordsLongerThanTheReadBuffer() throws IOException {
        String body = "X".repeat(3 << 20) + "\\\"" + "Y".repeat(1 << 20);
        CollectingSink sink = read(row(1, "08MOSCOW1", body) + row(2, "08MOSCOW2", "fine"));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables.get(0).body()).hasSize((4 << 20) + 1).contains("X\"Y");
        assertThat(sink.progress.size()).isGreaterThan(3);
    }

    @Test
    void aTruncatedGzipDeliversTheRowsBeforeTheDamageThenOneRejection() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            csv.append(row(i, "08MOSCOW" + i, "paragraph " + Integer.toHexString(i * 7919) + " " + i * i));
        }
        Path whole = dir.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path cut = Fixtures.truncated(whole, 0.5, dir.resolve("cables.csv.gz"));
        CollectingSink sink = new CollectingSink();
        Sources.read(cut, sink);
        assertThat(sink.cables.size()).isBetween(100, 1999);
        assertThat(sink.ids()).startsWith("08MOSCOW1", "08MOSCOW2");
        // The last row read may be cut off inside: it is rejected, then the damage.
        assertThat(sink.rejections).last().satisfies(r -> {
            assertThat(r.location()).startsWith("cables.csv.gz after row ");
            assertThat(r.reason()).startsWith("the file is damaged or truncated, reading stopped");
        });
        assertThat(sink.rejections.size()).isBetween(1, 2);
    }

    @Test
    void parsesTheCreatedDateOfTheFullRelease() {
        assertThat(CsvReader.parseCreated("12/28/1966 18:06")).contains(LocalDateTime.of(1966, 12, 28, 18, 6));
        assertThat(CsvReader.parseCreated("6/10/2008 1:05:30")).contains(LocalDateTime.of(2008, 6, 10, 1, 5, 30));
        assertThat(CsvReader.parseCreated("6/10/08 11:11")).isEmpty();
        assertThat(CsvReader.parseCreated("6/10/2008")).isEmpty();
        assertThat(CsvReader.parseCreated("13/10/2008 11:11")).isEmpty();
        assertThat(CsvReader.parseCreated("")).isEmpty();
    }

    @Test
    void findsTheNextSpecialByteAtEveryAlignment() {
        for (int at = 0; at < 40; at++) {
            for (char special : new char[] {'"', '\\', '\n'}) {
                byte[] bytes = ("é".repeat(10) + "x".repeat(30)).getBytes(StandardCharsets.UTF_8);
                bytes[at] = (byte) special;
                assertThat(CsvScanner.nextSpecial(bytes, 0, bytes.length)).as("at %d", at).isEqualTo(at);
                assertThat(CsvScanner.nextSpecial(bytes, Math.min(at + 1, bytes.length), bytes.length))
                        .isEqualTo(bytes.length);
            }
        }
    }

    @Test
    void aRunOfCarriageReturnsBeforeALineFeedIsOneLineEnd() throws IOException {
        // SitePageFuzzTest: "\r\r\n" (a text converted to Windows line ends twice) kept a "\r\n" after replacing
        // "\r\n" once, so a page's body written back as CSV read back one carriage return short.
        CollectingSink sink = read(row(1, "08MOSCOW1647", "SECRET\r\r\r\nSIPDIS\r\nE.O. 12958\rDECL"));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables.get(0).body()).isEqualTo("SECRET\nSIPDIS\nE.O. 12958\rDECL");
    }
}
