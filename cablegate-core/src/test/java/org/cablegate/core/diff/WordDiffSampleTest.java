package org.cablegate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.Test;

/** The concatenation property of {@link WordDiff} on pairs of real cables of the bundled sample. */
class WordDiffSampleTest {
    @Test
    void runsConcatenateBackToBothTextsOnRealCablePairs() throws IOException {
        List<SourceCable> cables = new ArrayList<>();
        Sources.read(BundledSample.SITE_PAGES.path(), new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                cables.add(cable);
            }

            @Override
            public void reject(Rejection rejection) {
                throw new IllegalStateException(rejection.toString());
            }
        });
        assertThat(cables).hasSize(186);
        int changed = 0;
        for (int i = 0; i < cables.size(); i++) {
            SourceCable a = cables.get(i);
            SourceCable b = cables.get((i + 1) % cables.size());
            // Two different cables: mostly different, partly shared (headers, boilerplate). The costly case, so
            // every tenth pair only.
            if (i % 10 == 0) {
                WordDiffProperties.assertConcatenates(a.body(), b.body());
            }
            WordDiffProperties.assertConcatenates(a.header(), b.header());
            // A cable and an edited version of itself: a paragraph dropped, words changed, lines re-wrapped.
            String body = a.body();
            String edited = body.substring(0, body.length() / 3) + body.substring(body.length() / 2)
                    .replace(" the ", " THE ").replace("\n", " \n");
            List<WordDiff.Run> runs = WordDiffProperties.assertConcatenates(body, edited);
            if (runs.size() > 1) {
                changed++;
            }
            assertThat(WordDiff.diff(body, body)).hasSize(body.isEmpty() ? 0 : 1);
        }
        assertThat(changed).isEqualTo(186);
    }
}
