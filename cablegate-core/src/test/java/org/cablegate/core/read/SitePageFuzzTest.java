package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.write.CablesCsvWriter;

/**
 * The reader of the original site's cable pages under arbitrary bytes (issue 13). Seeds: real pages of the 2011 site.
 * Properties: one page gives exactly one cable or one rejection, never an exception; the same bytes give the same
 * result; a cable read from a page, written as a {@code cables.csv} row and read back, is the same cable.
 */
public class SitePageFuzzTest {
    private static final String LOCATION = "site.tar!cable/2009/02/09MALABO13.html";

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] page) throws IOException {
        new SitePageFuzzTest().sitePage(page);
    }

    @FuzzTest(maxDuration = "2s")
    void sitePage(byte[] page) throws IOException {
        CollectingSink first = read(page);
        CollectingSink again = read(page);
        assertThat(first.cables.size() + first.rejections.size()).isEqualTo(1);
        assertThat(again.cables).isEqualTo(first.cables);
        assertThat(again.rejections).isEqualTo(first.rejections);
        for (Rejection rejection : first.rejections) {
            assertThat(rejection.location()).isEqualTo(LOCATION);
            assertThat(rejection.reason()).isNotBlank();
        }
        for (SourceCable cable : first.cables) {
            assertThat(cable.id()).isNotBlank();
            assertThat(cable.location()).isEqualTo(LOCATION);
            StringWriter csv = new StringWriter();
            try (CablesCsvWriter out = new CablesCsvWriter(csv)) {
                out.write(cable, "");
            }
            CollectingSink back = CsvFuzzTest.read(csv.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(back.rejections).isEmpty();
            assertThat(back.cables).hasSize(1);
            SourceCable read = back.cables.get(0);
            assertThat(firstDifference(read.header(), cable.header())).as("header as read back").isEmpty();
            assertThat(firstDifference(read.body(), cable.body())).as("body as read back").isEmpty();
            // The CSV of 2011 carries neither the release time nor the page's format: everything else must survive.
            assertThat(new SourceCable(read.id(), read.created(), cable.released(), read.classification(),
                    read.origin(), read.header(), read.body(), cable.format(), cable.location())).isEqualTo(cable);
        }
    }

    /** Where two texts first differ, with the characters around it escaped, or empty. */
    static String firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == n && a.length() == b.length()) {
            return "";
        }
        return "at " + i + ": " + escaped(a, i) + " vs " + escaped(b, i);
    }

    private static String escaped(String s, int at) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = Math.max(0, at - 10); k < Math.min(s.length(), at + 10); k++) {
            char c = s.charAt(k);
            sb.append(c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    private static CollectingSink read(byte[] page) {
        CollectingSink sink = new CollectingSink();
        new SitePages(sink).page(LOCATION, page);
        return sink;
    }
}
