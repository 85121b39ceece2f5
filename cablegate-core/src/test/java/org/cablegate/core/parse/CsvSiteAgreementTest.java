package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same 6,712 cables from {@code cables-2011-04.csv.gz} and from the site pages parse to the same record apart from
 * {@code released} (the CSV has none) and the raw texts. Where they differ, {@code csv-site-report.txt} in the build
 * directory shows the first difference of each, for reading.
 */
@Tag("corpus")
class CsvSiteAgreementTest {

    @Test
    void csvAndSitePagesParseToTheSameCables() throws IOException {
        Map<String, SourceCable> site = CorpusCables.site();
        Map<String, SourceCable> csv = CorpusCables.csv();
        CableParser parser = new CableParser();
        int same = 0;
        List<String> report = new ArrayList<>();
        for (SourceCable fromSite : site.values()) {
            SourceCable fromCsv = csv.get(fromSite.id());
            if (fromCsv == null) {
                report.add("MISSING " + fromSite.id() + ": not in the CSV");
                continue;
            }
            Cable a = parser.parse(fromSite);
            Cable b = parser.parse(fromCsv);
            if (a.released().isPresent()) {
                b = b.withReleased(a.released().get());
            }
            String ja = json(a);
            String jb = json(b);
            if (ja.equals(jb)) {
                same++;
            } else {
                report.add("DIFFERS " + a.id() + ": " + firstDifference(ja, jb));
            }
        }
        String figure = String.format("CSV and site pages parse alike: %d/%d", same, site.size());
        System.out.println(figure);
        List<String> out = new ArrayList<>();
        out.add(figure);
        out.addAll(report);
        Path file = CorpusCables.buildDir().resolve("csv-site-report.txt");
        Files.write(file, out, StandardCharsets.UTF_8);
        System.out.println("report: " + file);
        assertThat(same).as(figure).isGreaterThanOrEqualTo(site.size() * 99 / 100);
    }

    private static String json(Cable c) {
        StringBuilder sb = new StringBuilder();
        CableJson.write(c, new JsonWriter(sb, false), false);
        return sb.toString();
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "site [" + a.substring(from, Math.min(a.length(), i + 80)) + "] csv [" + b.substring(from,
                Math.min(b.length(), i + 80)) + "]";
    }
}
