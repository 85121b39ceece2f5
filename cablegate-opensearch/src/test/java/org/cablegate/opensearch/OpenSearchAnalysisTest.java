package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.QuerySyntax;
import org.cablegate.opensearch.testing.SharedOpenSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster's analysis makes the archive's terms at the archive's positions: compared token by token with
 * {@code CableAnalyzer} on every field of the 186 real cables of the sample, and on the cases its tokenizer handles
 * on purpose.
 */
class OpenSearchAnalysisTest {
    private static final String INDEX = "analysis-test";
    private static OpenSearchClient client;

    @BeforeAll
    static void createIndex() throws IOException {
        client = new OpenSearchClient(SharedOpenSearch.uri(), Duration.ofSeconds(30));
        ObjectNode index = OpenSearchSchema.index(0);
        // A cable body runs to tens of thousands of words; _analyze stops at 10,000 tokens by default.
        ((ObjectNode) index.path("settings")).put("index.analyze.max_token_count", 1_000_000);
        if (client.exists("/" + INDEX)) {
            client.delete("/" + INDEX);
        }
        client.put("/" + INDEX, index);
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        client.delete("/" + INDEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "08 MOSCOW 1647, (C) Putin's",
        "Iran's nuclear program; IRAN’S; the ministers' views; it's 's s S's",
        "secretary of state, the Secretary OF the State",
        "U.S. d'affaires 1.4(b) and (d) E.O. 12958",
        "Ça coûte 20€ à Zürich – İstanbul ǅemal ² ½ ٣ 日本語",
        "emoji 😀 inside a word x😀y",
    })
    void makesTheArchiveTermsOfTheCasesItsTokenizerHandles(String text) throws IOException {
        assertThat(cluster(text)).isEqualTo(archive(text));
    }

    @Test
    void cutsWordsLongerThan64AndSkipsTheRestOfTheRun() throws IOException {
        String text = "redacted " + "X".repeat(200) + " end";

        assertThat(cluster(text)).isEqualTo(List.of("redacted@0", "x".repeat(64) + "@1", "end@2"));
        assertThat(archive(text)).isEqualTo(cluster(text));
    }

    @Test
    void makesTheArchiveTermsOfEveryFieldOfTheSampleCables() throws Exception {
        List<PublicCable> cables = Archives.cables(Archives.sample());
        assertThat(cables).hasSize(186);
        long tokens = 0;
        for (PublicCable c : cables) {
            List<String> texts = new ArrayList<>(List.of(c.subject(), c.body(), c.from(), c.origin(), c.classification()));
            texts.addAll(c.to());
            for (String text : texts) {
                List<String> expected = archive(text);
                assertThat(cluster(text)).as("%s: %.60s", c.id(), text).isEqualTo(expected);
                tokens += expected.size();
            }
        }
        // The sample's text is not trivially small: the comparison covers real cable English at length.
        assertThat(tokens).isGreaterThan(100_000);
    }

    /** term@position from the archive's own analyzer. */
    private static List<String> archive(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (Analyzer analyzer = QuerySyntax.analyzer(); TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + position);
            }
            stream.end();
        }
        return tokens;
    }

    /** term@position from the cluster's analysis of a text field. */
    private static List<String> cluster(String text) throws IOException {
        ObjectNode request = OpenSearchClient.json().createObjectNode();
        request.put("field", OpenSearchSchema.BODY).put("text", text);
        JsonNode answer = client.post("/" + INDEX + "/_analyze", request);
        List<String> tokens = new ArrayList<>();
        for (JsonNode t : answer.path("tokens")) {
            tokens.add(t.path("token").asText() + "@" + t.path("position").asInt());
        }
        return tokens;
    }
}
