package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cablegate.core.SharedCorpus;
import org.cablegate.core.diff.WordDiff;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redaction and suggestion on the 6,712 cables of the real corpus ({@code ../shared/corpus}, the site as of April
 * 2011); skipped without it on a developer's machine, failed under CI.
 */
class RedactionCorpusTest {
    private static Map<String, SourceCable> site;

    @BeforeAll
    static void read() {
        site = SampleCables.read(SharedCorpus.corpusFile("cablegate-site-2011-04-11.tar.xz"));
    }

    @Test
    void everyCorpusCableRedactsWithoutTrace() {
        int[] totals = RedactionPropertiesTest.check(site);
        assertThat(site).hasSize(6_712);
        assertThat(totals[0]).isEqualTo(6_712);
    }

    @Test
    void suggestsExactlyTheMarkedSpansOfEveryCorpusCable() {
        RedactionSuggester suggester = new RedactionSuggester();
        int pages = 0;
        long marks = 0;
        int proposals = 0;
        List<String> wrong = new ArrayList<>();
        for (SourceCable page : site.values()) {
            long here = WordDiff.tokens(page.body()).stream().filter(RedactionSuggester::isMark).count();
            if (here == 0) {
                continue;
            }
            pages++;
            marks += here;
            RedactionSuggesterTest.Vault vault = RedactionSuggesterTest.vault(page.body(), pages % 2 == 0, 7);
            RedactionSuggester.Result result = suggester.suggest(page.header(), vault.body(), page.header(),
                    page.body());
            List<String> expected = vault.spans().stream().map(s -> s[0] + ":" + s[1]).toList();
            List<String> got = result.suggestions().stream().map(s -> s.from() + ":" + s.to()).toList();
            if (!got.equals(expected) || !result.differences().isEmpty()) {
                wrong.add(page.id() + " expected " + expected + " got " + got + " differences "
                        + result.differences());
            }
            proposals += got.size();
        }
        assertThat(wrong).isEmpty();
        // 1,000 of the 6,712 pages carry marks, 6,309 of them; those side by side with white space between are one.
        assertThat(pages).isEqualTo(1_000);
        assertThat(marks).isEqualTo(6_309);
        assertThat(proposals).isEqualTo(6_178);
    }
}
