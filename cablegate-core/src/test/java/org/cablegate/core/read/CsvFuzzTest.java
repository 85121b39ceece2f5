package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.write.CablesCsvWriter;

/**
 * The {@code cables.csv} reader under arbitrary bytes (issue 13). Seeds: rows of the 2011 release in
 * {@code CsvFuzzTestInputs/csvRows}. Properties: reading never throws; it is deterministic; every accepted cable has an
 * id and a location that names its row; and the accepted cables written back as CSV read back the same.
 */
public class CsvFuzzTest {
    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        new CsvFuzzTest().csvRows(input);
    }

    @FuzzTest(maxDuration = "2s")
    void csvRows(byte[] input) throws IOException {
        CollectingSink first = read(input);
        CollectingSink again = read(input);
        assertThat(again.cables).isEqualTo(first.cables);
        assertThat(again.rejections).isEqualTo(first.rejections);
        for (SourceCable cable : first.cables) {
            assertThat(cable.id()).isNotBlank();
            assertThat(cable.location()).startsWith("fuzz.csv row ");
        }
        for (Rejection rejection : first.rejections) {
            assertThat(rejection.location()).startsWith("fuzz.csv");
        }
        if (first.cables.isEmpty()) {
            return;
        }
        StringWriter written = new StringWriter();
        try (CablesCsvWriter out = new CablesCsvWriter(written)) {
            for (SourceCable cable : first.cables) {
                out.write(cable, "");
            }
        }
        CollectingSink back = read(written.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(back.rejections).isEmpty();
        assertThat(back.cables).hasSameSizeAs(first.cables);
        for (int i = 0; i < first.cables.size(); i++) {
            assertThat(withoutLocation(back.cables.get(i))).isEqualTo(withoutLocation(first.cables.get(i)));
        }
    }

    static CollectingSink read(byte[] input) {
        CollectingSink sink = new CollectingSink();
        new CsvReader("fuzz.csv", sink).read(new ByteArrayInputStream(input));
        return sink;
    }

    /** The row number is where a cable sat in its file, which writing back renumbers. */
    static SourceCable withoutLocation(SourceCable c) {
        return new SourceCable(c.id(), c.created(), c.released(), c.classification(), c.origin(), c.header(), c.body(),
                c.format(), "");
    }
}
