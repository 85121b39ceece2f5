package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.search.Query;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.QuerySyntax;

/**
 * The translation of a parsed query into OpenSearch query DSL under arbitrary text (issue 13); no node: the
 * translation alone. Seeds: the queries of the README and of {@code QueryTranslatorTest}. Properties: every query the
 * archive's parser accepts translates, or is refused with a {@link BadQueryException} that says why, never another
 * exception; the DSL is one JSON object that reads back as itself; translating is deterministic.
 */
public class TranslatorFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The entry point of Jazzer's own driver: bench/fuzz.sh runs this target for longer than the annotation. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException, BadQueryException {
        new TranslatorFuzzTest().translate(input);
    }

    @FuzzTest(maxDuration = "3s")
    void translate(byte[] input) throws IOException, BadQueryException {
        String text = new String(input, StandardCharsets.UTF_8);
        Query query;
        try {
            query = QuerySyntax.parse(text);
        } catch (BadQueryException e) {
            return; // the parser's own fuzz test holds its refusals to account
        }
        ObjectNode dsl;
        try {
            dsl = QueryTranslator.translate(query, text);
        } catch (BadQueryException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(dsl.size()).isEqualTo(1);
        String written = dsl.toString();
        // Read back and written again (Jackson reads a boost as a double where the translator wrote a float).
        JsonNode back = JSON.readTree(written);
        assertThat(JSON.writeValueAsString(back)).isEqualTo(written);
        assertThat(QueryTranslator.translate(query, text).toString()).isEqualTo(written);
    }
}
