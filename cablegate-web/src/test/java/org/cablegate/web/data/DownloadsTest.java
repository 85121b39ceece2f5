package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.model.Cable;
import org.junit.jupiter.api.Test;

/** The test server pages downloads 25 hits at a time: 176 cables take 8 cursor pages. */
class DownloadsTest extends ServedSample {
    @Test
    void aSearchAsCsvHasAHeaderAndEveryHitAsARow() throws Exception {
        HttpResponse<String> r = server.get("/api/search.csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8; header=present");
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"search.csv\"");
        List<List<String>> rows = Csv.parse(r.body());
        assertThat(rows.get(0)).containsExactly("id", "canonicalId", "created", "released", "classification", "origin",
                "subject", "tags", "url");
        assertThat(rows).hasSize(1 + 176);
        List<String> ids = rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(released.keySet());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).isEqualTo(expectedRow(released.get(row.get(0))));
        }
        assertThat(rows).contains(List.of("08MOSCOW1647", "08MOSCOW1647", "2008-06-10T11:11", "2010-12-05T09:30",
                "SECRET", "Embassy Moscow", "SCENESETTER FOR COUNTERTERRORISM WORKING GROUP", "PREL PTER PINR MARR ECON RS",
                "https://cablegate.test/cable/2008/06/08MOSCOW1647.html"));
    }

    @Test
    void rowsComeInTheOrderAsked() throws Exception {
        List<List<String>> rows = Csv.parse(server.get("/api/search.csv?sort=created-oldest").body());

        List<String> created = rows.subList(1, rows.size()).stream().map(row -> row.get(2)).toList();
        assertThat(created).isSorted();
        assertThat(rows.get(1).get(0)).isEqualTo("66BUENOSAIRES2481");
    }

    @Test
    void aSearchAsJsonLinesHasEveryHitAsALine() throws Exception {
        HttpResponse<String> r = server.get("/api/search.jsonl?q=iran");

        assertThat(r.headers().firstValue("Content-Type")).contains("application/jsonl; charset=utf-8");
        String[] lines = r.body().split("\n", -1);
        assertThat(lines[lines.length - 1]).as("the last line ends with a newline").isEmpty();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            JsonNode hit = JSON.readTree(lines[i]);
            ids.add(hit.get("id").asText());
            Cable c = released.get(hit.get("id").asText());
            assertThat(hit.get("origin").asText()).isEqualTo(c.origin());
            assertThat(hit.get("url").asText()).isEqualTo(cableUrl(c));
        }
        // The same hits in the same order as paging the search by hand.
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = json("/api/search?q=iran&limit=10" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            page.get("hits").forEach(h -> paged.add(h.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? "" : page.get("nextCursor").asText();
        } while (!cursor.isEmpty());
        assertThat(ids).hasSize(45).isEqualTo(paged);
    }

    @Test
    void listingsDownloadWhole() throws Exception {
        List<List<String>> moscow = Csv.parse(server.get("/api/origin/" + originSlug("Embassy Moscow") + ".csv").body());
        assertThat(moscow).hasSize(1 + 19);
        moscow.subList(1, moscow.size()).forEach(row -> assertThat(row.get(5)).isEqualTo("Embassy Moscow"));

        HttpResponse<String> day = server.get("/api/reldate/2010-12-05.jsonl");
        assertThat(day.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"reldate-2010-12-05.jsonl\"");
        assertThat(day.body().split("\n")).hasSize(176 - 16);

        long prel = released.values().stream().filter(c -> c.tags().contains("PREL")).count();
        assertThat(Csv.parse(server.get("/api/tag/PREL.csv").body())).hasSize((int) prel + 1);
    }

    @Test
    void anEmptyListingIsAHeaderOnly() throws Exception {
        assertThat(server.get("/api/reldate/2011-01-01.csv").body()).isEqualTo(Downloads.CSV_HEADER + "\r\n");
        assertThat(server.get("/api/reldate/2011-01-01.jsonl").body()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "=cmd|' /C calc'!A0      ; '=cmd|' /C calc'!A0",
        "+1 AND 2                ; '+1 AND 2",
        "-2+3                    ; '-2+3",
        "@SUM(A1:A2)             ; '@SUM(A1:A2)",
        "`=HYPERLINK(\"x\",\"y\")` ; `\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"`",
        "IRAN: NUCLEAR TALKS     ; IRAN: NUCLEAR TALKS",
        "A-B = C                 ; A-B = C"})
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised(String value, String written) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();

        Downloads.field(value, out);

        assertThat(out.toString()).isEqualTo(written);
    }

    static List<String> expectedRow(Cable c) {
        return List.of(c.id(), c.canonicalId(), c.created().format(CableJson.MINUTES),
                (c.origin().equals("Embassy London") ? SampleArchive.FIRST : SampleArchive.SECOND).format(CableJson.MINUTES),
                c.classification(), c.origin(), c.subject(), String.join(" ", c.tags()), cableUrl(c));
    }
}
