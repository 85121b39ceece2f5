package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.write.CablesCsvWriter;

/**
 * The cable parser under arbitrary text (issue 13). An input is a golden file's layout ({@code === header ===}, the
 * header, {@code === body ===}, the body; without the markers all of it is the body); seeds are golden cases.
 *
 * <p>Properties, beyond "never fails" (the parser catches its own bugs as a {@code parser failed} issue, which counts
 * as a failure here): the parser never loses text — the record keeps header and body verbatim, and the body splits
 * at the paragraphs' offsets into a preamble, the paragraphs and what follows the last one, each character in exactly
 * one part, every paragraph's text made of its own part's characters in order (furniture, number and marking left
 * out); every issue points inside the text; parsing is deterministic; and the cable written back as a
 * {@code cables.csv} row, read and parsed again, is the same record.
 */
public class CableParserFuzzTest {
    private static final String HEADER = "=== header ===\n";
    private static final String BODY = "\n=== body ===\n";
    private static final LocalDateTime CREATED = LocalDateTime.of(2008, 6, 10, 11, 11);

    private final CableParser parser = new CableParser();

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        new CableParserFuzzTest().parse(input);
    }

    @FuzzTest(maxDuration = "2s")
    void parse(byte[] input) throws IOException {
        SourceCable source = source(new String(input, StandardCharsets.UTF_8));
        Cable cable = parser.parse(source);
        assertNeverLosesText(source, cable);
        assertThat(parser.parse(source)).isEqualTo(cable);
        assertThat(parser.parse(viaCsv(source))).isEqualTo(cable);
    }

    static SourceCable source(String text) {
        String header = "";
        String body = text;
        int h = text.indexOf(HEADER);
        int b = h < 0 ? -1 : text.indexOf(BODY, h);
        if (b >= 0) {
            header = text.substring(h + HEADER.length(), b);
            body = text.substring(b + BODY.length());
        }
        return new SourceCable("08MOSCOW1647", CREATED, Optional.empty(), "CONFIDENTIAL", "Embassy Moscow", header,
                body, SourceFormat.PLAIN_TEXT, "fuzz");
    }

    static void assertNeverLosesText(SourceCable source, Cable cable) {
        String body = source.body();
        assertThat(cable.issues()).extracting(ParseIssue::message).noneMatch(m -> m.startsWith("parser failed"));
        assertThat(cable.bodyText()).isEqualTo(body);
        assertThat(cable.headerText()).isEqualTo(source.header());
        List<Paragraph> paragraphs = cable.paragraphs();
        int previous = -1;
        for (int k = 0; k < paragraphs.size(); k++) {
            Paragraph p = paragraphs.get(k);
            assertThat(p.offset()).as("offset of paragraph %d", k).isGreaterThan(previous).isLessThan(body.length());
            previous = p.offset();
        }
        for (int k = 0; k < paragraphs.size(); k++) {
            Paragraph p = paragraphs.get(k);
            int end = k + 1 < paragraphs.size() ? paragraphs.get(k + 1).offset() : body.length();
            assertThat(isSubsequence(p.text(), body.substring(p.offset(), end)))
                    .as("paragraph %d (%s) is made of the characters of body[%d, %d)", p.number(), p.text(),
                            p.offset(), end)
                    .isTrue();
        }
        int limit = Math.max(body.length(), source.header().length());
        for (ParseIssue issue : cable.issues()) {
            assertThat(issue.offset()).as(issue.message()).isBetween(-1, limit);
        }
    }

    /** Whether the characters of {@code text} other than white space appear in {@code part} in the same order. */
    static boolean isSubsequence(String text, String part) {
        int j = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Texts.isWhitespace(c)) {
                continue;
            }
            while (j < part.length() && part.charAt(j) != c) {
                j++;
            }
            if (j == part.length()) {
                return false;
            }
            j++;
        }
        return true;
    }

    /** {@code source} written as a row of {@code cables.csv} and read back by the import's reader. */
    static SourceCable viaCsv(SourceCable source) throws IOException {
        Path dir = Files.createTempDirectory("cablegate-fuzz");
        Path file = dir.resolve("cables.csv");
        try {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CablesCsvWriter out = new CablesCsvWriter(w)) {
                out.write(source, "");
            }
            List<SourceCable> cables = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            Sources.read(file, new CableSink() {
                @Override
                public void accept(SourceCable cable) {
                    cables.add(cable);
                }

                @Override
                public void reject(Rejection rejection) {
                    rejections.add(rejection);
                }
            });
            assertThat(rejections).isEmpty();
            assertThat(cables).hasSize(1);
            return cables.get(0);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
