package org.cablegate.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagGlossaryTest {
    private final TagGlossary glossary = TagGlossary.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PREL|SUBJECT|External political relations",
            "PGOV|SUBJECT|Internal governmental affairs",
            "RS|COUNTRY|Russia",
            "GM|COUNTRY|Germany",
            "KDEM|PROGRAMME|Democratization",
            "NATO|ORGANISATION|",
            "'SARKOZY, NICOLAS'|PERSON|",
            "ZZZZZZ|OTHER|"})
    void tellsTheKindAndTheMeaning(String tag, TagGlossary.Kind kind, String meaning) {
        assertThat(glossary.kind(tag)).isEqualTo(kind);
        assertThat(glossary.meaning(tag).orElse(null)).isEqualTo(meaning);
    }
}
