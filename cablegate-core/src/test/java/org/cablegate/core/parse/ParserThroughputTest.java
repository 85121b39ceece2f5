package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast one thread parses the 6,712 real cables (the import of 251,287 cables must take under a minute on
 * two cores). A measurement, not a timed assertion: build machines vary.
 */
@Tag("corpus")
class ParserThroughputTest {
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 9;

    @Test
    void measuresCablesPerSecondOnOneThread() throws IOException {
        List<SourceCable> cables = new ArrayList<>(CorpusCables.site().values());
        long chars = 0;
        for (SourceCable c : cables) {
            chars += c.header().length() + c.body().length();
        }
        CableParser parser = new CableParser();
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += run(parser, cables);
        }
        // The median round: build machines are shared, and one busy round says nothing of the parser.
        double[] seconds = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            sink += run(parser, cables);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[ROUNDS / 2];
        System.out.printf("parsed %d cables x %d: median round %.3f s: %.0f cables/s, %.1f MB/s of text on one thread"
                + " (best %.0f cables/s)%n", cables.size(), ROUNDS, median, cables.size() / median, chars / median / 1e6,
                cables.size() / seconds[0]);
        assertThat(sink).isPositive();
    }

    private static long run(CableParser parser, List<SourceCable> cables) {
        long paragraphs = 0;
        for (SourceCable source : cables) {
            Cable c = parser.parse(source);
            paragraphs += c.paragraphs().size() + 1;
        }
        return paragraphs;
    }
}
