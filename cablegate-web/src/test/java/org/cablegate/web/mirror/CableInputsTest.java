package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cables' files an export keeps from the one before: the rules of {@link CableInputs}, one per test. */
class CableInputsTest {
    @TempDir
    Path data;

    static CableInputs.Cable cable(String id, String record, String... cites) {
        return new CableInputs.Cable(id, id, "/cable/2009/01/" + id + ".html", record, List.of(cites));
    }

    static final CableInputs.Cable A = cable("09A1", "a");
    static final CableInputs.Cable B = cable("09B1", "b", "09A1");
    static final CableInputs.Cable C = cable("09C1", "c");

    @Test
    void aNewCableRendersTheCablesItCitesAndKeepsTheRest() {
        CableInputs before = CableInputs.of("shared", List.of(A, B, C));
        CableInputs now = CableInputs.of("shared", List.of(A, B, C, cable("09D1", "d", "09C1")));

        assertThat(now.unchangedSince(before)).containsExactlyInAnyOrder("09A1", "09B1");
    }

    @Test
    void aChangedCableRendersItselfAndTheCablesThatCiteIt() {
        CableInputs before = CableInputs.of("shared", List.of(A, B, C));
        CableInputs now = CableInputs.of("shared", List.of(cable("09A1", "a redacted"), B, C));

        assertThat(now.unchangedSince(before)).containsExactly("09C1");
    }

    @Test
    void aWithdrawnCableRendersWhatItCitedEvenThoughItIsGone() {
        CableInputs before = CableInputs.of("shared", List.of(A, B, C));
        CableInputs now = CableInputs.of("shared", List.of(A, C));

        // 09B1 cited 09A1: 09A1's page listed it among the cables that cite it, and must not any more.
        assertThat(now.unchangedSince(before)).containsExactly("09C1");
    }

    @Test
    void aCableCitedByItsCorrectedIdIsRenderedToo() {
        CableInputs.Cable malformed = new CableInputs.Cable("09A1X", "09A1", "/cable/2009/01/09A1X.html", "a",
                List.of());
        CableInputs.Cable citing = cable("09B1", "b", "09A1");
        CableInputs before = CableInputs.of("shared", List.of(malformed, citing, C));
        CableInputs now = CableInputs.of("shared", List.of(new CableInputs.Cable("09A1X", "09A1",
                "/cable/2009/01/09A1X.html", "a corrected", List.of()), citing, C));

        assertThat(now.unchangedSince(before)).containsExactly("09C1");
    }

    @Test
    void anythingSharedThatChangedRendersEveryCable() {
        CableInputs before = CableInputs.of("shared", List.of(A, B, C));
        CableInputs now = CableInputs.of("a new year in the navigation", List.of(A, B, C));

        assertThat(now.unchangedSince(before)).isEmpty();
    }

    @Test
    void theRecordReadsBackAsWrittenWhateverTheReferencesHold() throws Exception {
        CableInputs.Cable odd = cable("09E1", "e", "09A1", "STATE 1234, PARA 2", "09B1%");
        CableInputs written = CableInputs.of("shared", List.of(A, B, C, odd));
        written.write(data, "m1");

        CableInputs read = CableInputs.read(data, "m1").orElseThrow();

        assertThat(read.cable("09E1")).contains(odd);
        assertThat(written.unchangedSince(read)).containsExactlyInAnyOrder("09A1", "09B1", "09C1", "09E1");
    }

    @Test
    void aRecordCutShortIsNotRead() throws Exception {
        CableInputs.of("shared", List.of(A, B, C)).write(data, "m1");
        Path file = data.resolve("mirror/cable-inputs/m1");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));

        assertThat(CableInputs.read(data, "m1")).isEmpty();
        assertThat(CableInputs.read(data, "m2")).isEmpty();
    }

    @Test
    void onlyTheNewestRecordsAreKept() throws Exception {
        for (String m : List.of("m1", "m2", "m3", "m4")) {
            CableInputs.of("shared", List.of(A)).write(data, m);
            Files.setLastModifiedTime(data.resolve("mirror/cable-inputs/" + m),
                    java.nio.file.attribute.FileTime.fromMillis(1000L * m.charAt(1)));
        }

        try (var files = Files.list(data.resolve("mirror/cable-inputs"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("m2", "m3", "m4");
        }
    }
}
