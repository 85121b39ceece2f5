package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cablegate.core.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The year a REF item without one means (issue 12, finding 7): the citing cable's, unless that names a cable created
 * after the citing one. 09TRIPOLI2 of January 2009 cites "TRIPOLI 870"; 09TRIPOLI870 is of October 2009.
 */
class ReferenceYearsTest {
    private final Issues issues = new Issues();
    /** 09TRIPOLI2, created January 2009. */
    private final ReferenceParser.Citing tripoli2 = new ReferenceParser.Citing(2009, 1, "TRIPOLI", 2);

    @Test
    void aSerialAboveTheCitingCablesOwnFromItsStationIsOfTheYearBefore() {
        List<Reference> refs = ReferenceParser.parse("A)  LA PAZ 2055, B) TRIPOLI 870, C) TRIPOLI O-I -  23-SEP-2008",
                tripoli2, ReferenceIds.standard(), 0, issues);
        assertThat(refs).containsExactly(new Reference("A", "09LAPAZ2055", "LA PAZ 2055"),
                new Reference("B", "08TRIPOLI870", "TRIPOLI 870"),
                new Reference("C", "", "TRIPOLI O-I - 23-SEP-2008"));
        // Below its own serial, the same year: 09TRIPOLI120 cites TRIPOLI 1.
        assertThat(ReferenceParser.citations("TRIPOLI 1", new ReferenceParser.Citing(2009, 2, "TRIPOLI", 120),
                ReferenceIds.standard())).containsExactly("09TRIPOLI1");
    }

    @Test
    void aYearWrittenOutIsKeptAsWritten() {
        assertThat(ReferenceParser.citations("09 TRIPOLI 870", tripoli2, ReferenceIds.standard()))
                .containsExactly("09TRIPOLI870");
        assertThat(ReferenceParser.citations("TRIPOLI 870 (09)", tripoli2, ReferenceIds.standard()))
                .containsExactly("09TRIPOLI870");
    }

    @Test
    void withTheIdListAnIdCreatedInALaterMonthIsOfTheYearBefore() {
        ReferenceIds known = ReferenceIds.standard()
                .withKnownIds(KnownIds.of(Map.of("09LAPAZ2055", 11, "09STATE300", 1, "08LAPAZ2055", 11)));
        assertThat(ReferenceParser.citations("LA PAZ 2055", tripoli2, known)).containsExactly("08LAPAZ2055");
        // Created in the citing cable's own month: it may be earlier, and is kept.
        assertThat(ReferenceParser.citations("STATE 300", tripoli2, known)).containsExactly("09STATE300");
        // Not in the list: nothing says it is later.
        assertThat(ReferenceParser.citations("STATE 400", tripoli2, known)).containsExactly("09STATE400");
        // Without the list the same-station rule alone applies.
        assertThat(ReferenceParser.citations("LA PAZ 2055", tripoli2, ReferenceIds.standard()))
                .containsExactly("09LAPAZ2055");
    }

    @Test
    void theCitingCableItselfIsNoReference() {
        // 04BRUSSELS4944 copies its own header into the REF line: "... C O N F I D E N T I A L BRUSSELS 004944".
        assertThat(ReferenceParser.citations("STATE 244333 BRUSSELS 004944",
                new ReferenceParser.Citing(2004, 11, "BRUSSELS", 4944), ReferenceIds.standard()))
                .containsExactly("04STATE244333");
    }

    @Test
    void theParserResolvesTripoli2WithTheWholeSetsIds(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("cable2month.csv");
        Files.writeString(list, "08TRIPOLI870,11\n09TRIPOLI2,1\n09TRIPOLI870,10\n09LAPAZ2055,12\n",
                StandardCharsets.US_ASCII);
        KnownIds ids = KnownIds.read(list);
        assertThat(ids.size()).isEqualTo(4);
        assertThat(ids.month("09TRIPOLI870")).hasValue(10);
        assertThat(ids.month("09TRIPOLI871")).isEmpty();
        CableParserWithIds parser = new CableParserWithIds(ReferenceIds.standard().withKnownIds(ids));
        assertThat(parser.referenceIds("09TRIPOLI2")).containsExactly("08LAPAZ2055", "08TRIPOLI870", "");
    }

    @Test
    void aBadLineOfTheIdListIsNamedWithItsNumber(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("ids.csv");
        Files.writeString(list, "08TRIPOLI870,11\n09TRIPOLI2,13\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KnownIds.read(list)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("line 2: expected ID,month (1-12), found: 09TRIPOLI2,13");
    }

    /** The parser on a golden cable, with the given ids. */
    private record CableParserWithIds(ReferenceIds ids) {
        List<String> referenceIds(String golden) throws IOException {
            Path file;
            try {
                file = Path.of(ReferenceYearsTest.class.getResource("/parse/golden/" + golden + ".txt").toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            return new CableParser(ids).parse(GoldenFilesTest.read(file)).references().stream().map(Reference::id)
                    .toList();
        }
    }
}
