package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cablegate.core.redact.RedactionRule.Kind;
import org.junit.jupiter.api.Test;

class RedactionRuleTest {
    @Test
    void parsesEachKindAsTheCommandLineAndTheFileGiveIt() {
        assertThat(RedactionRule.parse("text", "Ivan Petrov")).isEqualTo(RedactionRule.text("Ivan Petrov"));
        assertThat(RedactionRule.parse("every-text", "Ivan")).isEqualTo(RedactionRule.everyText("Ivan"));
        assertThat(RedactionRule.parse("EVERY_TEXT", "Ivan")).isEqualTo(RedactionRule.everyText("Ivan"));
        assertThat(RedactionRule.parse("every", "Ivan")).isEqualTo(RedactionRule.everyText("Ivan"));
        assertThat(RedactionRule.parse("Paragraph", " 5 ")).isEqualTo(RedactionRule.paragraph(5));
        assertThat(RedactionRule.parse("span", "10 : 15")).isEqualTo(RedactionRule.span(10, 15));
        assertThat(RedactionRule.parse("subject", "")).isEqualTo(RedactionRule.subject());
        assertThat(RedactionRule.parse("subject", null)).isEqualTo(RedactionRule.subject());
    }

    @Test
    void keepsItsValueAsTheVaultStoresIt() {
        RedactionRule span = RedactionRule.parse("span", " 120:134 ");
        assertThat(span.kind().word()).isEqualTo("span");
        assertThat(span.value()).isEqualTo("120:134");
        assertThat(span.from()).isEqualTo(120);
        assertThat(span.to()).isEqualTo(134);
        assertThat(RedactionRule.parse(span.kind().word(), span.value())).isEqualTo(span);
        assertThat(RedactionRule.paragraph(5).paragraphNumber()).isEqualTo(5);
        // Words are kept as written: white space inside them matches any white space in the cable.
        assertThat(RedactionRule.text("Ivan  Petrov").value()).isEqualTo("Ivan  Petrov");
        assertThat(RedactionRule.everyText("Ivan").toString()).isEqualTo("every-text \"Ivan\"");
        assertThat(span.toString()).isEqualTo("span 120:134");
        assertThat(RedactionRule.subject().toString()).isEqualTo("subject");
    }

    @Test
    void refusesRulesThatMeanNothingAndSaysWhy() {
        assertRefused("span", "10:5", "span 10:5: FROM must be less than TO (the span is half-open: FROM is its first "
                + "character, TO the one after its last), so 10:5 covers nothing");
        assertRefused("span", "10:10", "span 10:10: FROM must be less than TO (the span is half-open: FROM is its "
                + "first character, TO the one after its last), so 10:10 covers nothing");
        assertRefused("span", "10-15", "span 10-15: a span is FROM:TO, two character offsets in the body, like 120:134");
        assertRefused("span", "", "span (empty): a span is FROM:TO, two character offsets in the body, like 120:134");
        assertRefused("span", "a:15", "span a:15: FROM must be a whole number of characters, like 120:134");
        assertRefused("span", "10:", "span 10:: TO must be a whole number of characters, like 120:134");
        assertRefused("span", "-3:5", "span -3:5: FROM cannot be negative (the body's first character is 0)");
        assertRefused("paragraph", "0", "paragraph 0: paragraphs are numbered from 1");
        assertRefused("paragraph", "five", "paragraph five: the paragraph number must be a whole number, like 5");
        assertRefused("paragraph", "", "paragraph: the paragraph number is missing");
        assertRefused("text", "  ", "text: the words to redact are missing");
        assertRefused("every-text", "", "every-text: the words to redact are missing");
        assertRefused("subject", "SECRET TALKS",
                "subject \"SECRET TALKS\": a subject redaction takes no value (it redacts the whole subject)");
        assertRefused("name", "Ivan",
                "unknown kind \"name\": a redaction is one of text, every-text, paragraph, span, subject");
    }

    @Test
    void accessorsOfAnotherKindAreAProgrammingError() {
        assertThatThrownBy(() -> RedactionRule.text("Ivan").from()).isInstanceOf(IllegalStateException.class)
                .hasMessage("text \"Ivan\" is not a span rule");
        assertThat(Kind.fromWord("every-text")).isEqualTo(Kind.EVERY_TEXT);
    }

    private static void assertRefused(String kind, String value, String message) {
        assertThatThrownBy(() -> RedactionRule.parse(kind, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
