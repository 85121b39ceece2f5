package org.cablegate.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiPhraseQuery;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.QuerySyntax;
import org.junit.jupiter.api.Test;

/** The DSL each construct of the syntax becomes: exact JSON, read off the parsed query, not the text. */
class QueryTranslatorTest {
    private static String dsl(String text) throws BadQueryException {
        return QueryTranslator.translate(QuerySyntax.parse(text), text).toString();
    }

    @Test
    void writesAPhraseBackWithAStopWordInEachGapSoPositionsStay() throws BadQueryException {
        assertThat(dsl("body:\"secretary of state\"")).isEqualTo(
                "{\"match_phrase\":{\"body\":{\"query\":\"secretary a state\",\"slop\":0}}}");
        assertThat(dsl("body:\"nuclear iran\"~3")).isEqualTo(
                "{\"match_phrase\":{\"body\":{\"query\":\"nuclear iran\",\"slop\":3}}}");
    }

    @Test
    void searchesTheArchiveTermsAsAnalysedNotTheTextAsTyped() throws BadQueryException {
        assertThat(dsl("tag:prel")).isEqualTo("{\"term\":{\"tag\":{\"value\":\"PREL\"}}}");
        assertThat(dsl("origin:Moscow")).isEqualTo("{\"term\":{\"origin\":{\"value\":\"moscow\"}}}");
        assertThat(dsl("id:08moscow1647")).isEqualTo("{\"bool\":{\"should\":[{\"term\":{\"id\":{\"value\":\"08MOSCOW1647\"}}},"
                + "{\"term\":{\"canonicalId\":{\"value\":\"08MOSCOW1647\"}}}],\"minimum_should_match\":1}}");
    }

    @Test
    void turnsDatesIntoRangesOfMinutes() throws BadQueryException {
        // 2009-01-01T00:00 is minute 20,512,800 since 1970 (14,245 days); the range ends at the last minute of 2009.
        assertThat(dsl("created:2009")).isEqualTo("{\"range\":{\"created\":{\"gte\":20512800,\"lte\":21038399}}}");
        assertThat(dsl("created:[* TO 1970]")).isEqualTo("{\"range\":{\"created\":{\"lte\":525599}}}");
    }

    @Test
    void keepsTheArchivesFuzzyWildcardAndRegexpSettings() throws BadQueryException {
        assertThat(dsl("body:nucleer~1")).isEqualTo("{\"fuzzy\":{\"body\":{\"value\":\"nucleer\",\"fuzziness\":1,"
                + "\"prefix_length\":0,\"max_expansions\":50,\"transpositions\":true}}}");
        assertThat(dsl("body:nu?l*")).isEqualTo("{\"wildcard\":{\"body\":{\"value\":\"nu?l*\"}}}");
        // The archive's parser boosts the subject wherever it is searched, named or not.
        assertThat(dsl("subject:vis*")).isEqualTo(
                "{\"bool\":{\"must\":[{\"prefix\":{\"subject\":{\"value\":\"vis\"}}}],\"boost\":2.0}}");
        assertThat(dsl("body:/nucl.*/")).isEqualTo("{\"regexp\":{\"body\":{\"value\":\"nucl.*\",\"flags\":\"ALL\"}}}");
    }

    @Test
    void keepsLuceneRulesForOptionalAndExcludedClauses() throws BadQueryException {
        assertThat(dsl("-iran")).isEqualTo("{\"bool\":{\"must\":[{\"match_all\":{}}],\"must_not\":[{\"bool\":{\"should\":"
                + "[{\"bool\":{\"must\":[{\"term\":{\"subject\":{\"value\":\"iran\"}}}],\"boost\":2.0}},{\"term\":{\"body\":"
                + "{\"value\":\"iran\"}}}],\"minimum_should_match\":1}}]}}");
        assertThat(dsl("body:iran OR body:iraq")).isEqualTo("{\"bool\":{\"should\":[{\"term\":{\"body\":{\"value\":\"iran\"}}},"
                + "{\"term\":{\"body\":{\"value\":\"iraq\"}}}],\"minimum_should_match\":1}}");
    }

    @Test
    void refusesAConstructItCannotExpressAndSaysSo() {
        MultiPhraseQuery synonyms = new MultiPhraseQuery.Builder()
                .add(new Term[] {new Term("body", "usa"), new Term("body", "us")}).build();

        assertThatThrownBy(() -> QueryTranslator.translate(synonyms, "usa"))
                .isInstanceOf(BadQueryException.class)
                .hasMessageStartingWith("The query 'usa' uses a construct the search cluster cannot run (MultiPhraseQuery");
    }
}
