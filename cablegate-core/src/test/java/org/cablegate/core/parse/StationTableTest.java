package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cablegate.core.SharedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The station table shipped with the parser ({@code stations.txt}) is what the 251,287 ids of
 * {@code ../shared/corpus/cable2month.csv.gz} give: every station that ever sent a cable. This test is also the tool
 * that writes it: after a change to the rules below or to {@code station-typos.txt} / {@code place-aliases.txt},
 * {@code mvn -pl cablegate-core test -Dtest=StationTableTest -Dstations.update=true}, then read the diff.
 *
 * <p>The station of an id is the capitals between its two-digit year and its serial ({@code 08MOSCOW1647} →
 * MOSCOW), except: letters that are a misspelling of station-typos.txt ({@code 09BAU339}) or garbled past guessing
 * ({@code 10AQNA272}) name no station of their own; letters that are an alias name the alias's station
 * ({@code 08PARISFR1185} → UNESCOPARISFR); letters that are a handling word or a post's prefix glued to another
 * station of the ids ({@code 06EFTOBAKU1165}, {@code 09AMEMBASSYHANOI1284}) name that one. Malformed ids (a garbled
 * "SECTION 01 OF 02" in front, a trailer after the serial) name stations that well-formed ids name too.
 */
@Tag("corpus")
class StationTableTest {
    private static final String RESOURCE = "src/main/resources/org/cablegate/core/parse/stations.txt";

    @Test
    void theShippedStationTableIsWhatTheWholeIdListGives() throws IOException {
        Set<String> derived = derive(KnownIds.read(SharedCorpus.corpusFile("cable2month.csv.gz")).ids(),
                ReferenceIds.standard());
        if (Boolean.getBoolean("stations.update")) {
            Files.writeString(Path.of(RESOURCE), render(derived), StandardCharsets.UTF_8);
            return;
        }
        assertThat(ReferenceIds.standard().stations()).containsExactlyElementsOf(derived);
        // What the rules must give on named ids of the list.
        assertThat(derived).contains("UNESCOPARISFR", "UNVIEVIENNA", "AITTAIPEI", "RIODEJANEIRO", "MERIDA", "KRAKOW")
                .doesNotContain("PARISFR", "UNESCOPARIS", "EFTOBAKU", "AMEMBASSYHANOI", "BAU", "AQNA", "QXICO",
                        "NOFORNMOGADISHU", "SIFIEDABUJA");
    }

    /** The stations of these ids, by the rules of the class comment. */
    static Set<String> derive(Set<String> ids, ReferenceIds rules) {
        Map<String, String> typos = rules.typos();
        Map<String, String> aliases = rules.aliases();
        Set<String> letters = new HashSet<>();
        for (String id : ids) {
            String station = ReferenceIds.stationOf(id);
            if (!station.isEmpty()) {
                letters.add(station);
            }
        }
        Set<String> stations = new TreeSet<>();
        for (String l : letters) {
            if (typos.containsKey(l)) {
                continue;
            }
            String alias = aliases.get(l);
            if (alias != null) {
                stations.add(alias);
            } else if (!glued(l, letters)) {
                stations.add(l);
            }
        }
        return stations;
    }

    /** Whether the letters are a handling word or a post's prefix before other letters of the ids: EFTOBAKU. */
    private static boolean glued(String l, Set<String> letters) {
        List<String> words = new ArrayList<>(ReferenceIds.HANDLING_WORDS);
        words.addAll(List.of("AMEMBASSY", "EMBASSY", "AMCONSUL", "USMISSION"));
        for (String word : words) {
            if (l.length() > word.length() && l.startsWith(word) && letters.contains(l.substring(word.length()))) {
                return true;
            }
        }
        return false;
    }

    private static String render(Set<String> stations) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Stations: the place part of a reference id (08MOSCOW1647 -> MOSCOW), one a line: every station of the\n");
        sb.append("# 251,287 ids of cable2month.csv. Written by StationTableTest (-Dstations.update=true), which also\n");
        sb.append("# proves that it is what the id list gives; do not edit by hand. Misspelt and garbled places of\n");
        sb.append("# published ids are in station-typos.txt, aliases and short forms in place-aliases.txt.\n");
        for (String s : stations) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }
}
