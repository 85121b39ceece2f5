package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.parse.CableParser;
import org.junit.jupiter.api.Test;

/** Each kind of rule on real cables of the bundled sample, with the exact text that results. */
class RedactorTest {
    private static final String X = Redactor.MARK;
    private final Redactor redactor = new Redactor();
    private final CableParser parser = new CableParser();

    @Test
    void textRedactsTheFirstOccurrenceOnly() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.text("Nancy McEldowney")));

        int at = cable.body().indexOf("Nancy McEldowney");
        assertThat(r.spans()).containsExactly(
                new Redacted.Span(Field.BODY, at, at + 16, 0, RedactionRule.text("Nancy McEldowney")));
        assertThat(r.cable().body()).isEqualTo(cable.body().replaceFirst("Nancy McEldowney", X));
        assertThat(r.cable().body()).contains("Assistant Secretary of State " + X + " discussed a range");
        assertThat(r.cable().header()).isEqualTo(cable.header());
        assertThat(r.unmatched()).isEmpty();
    }

    @Test
    void textMatchesANameBrokenAcrossLines() {
        // 08STATE63686 wraps "Sturla \nSigurjonsson" in paragraphs 3 and 9, and has him whole in the participants.
        SourceCable cable = SampleCables.site("08STATE63686");
        assertThat(cable.body().substring(1883, 1903)).isEqualTo("Sturla \nSigurjonsson");

        Redacted first = redactor.redact(cable, List.of(RedactionRule.text("Sturla Sigurjonsson")));
        assertThat(first.spans()).extracting(Redacted.Span::from, Redacted.Span::to)
                .containsExactly(tuple(1883, 1903));
        assertThat(first.cable().body()).contains("Advisor to the Prime Minister " + X + " said the government");

        Redacted every = redactor.redact(cable, List.of(RedactionRule.everyText("Sturla   Sigurjonsson")));
        assertThat(every.spans()).extracting(Redacted.Span::from)
                .containsExactly(1883, 5301, cable.body().indexOf("Amb. Sturla Sigurjonsson") + 5);
        assertThat(every.cable().body()).doesNotContain("Sturla").contains("Amb. " + X + ", Foreign");
        // "Sigurjonsson" alone was not asked for and stays.
        assertThat(every.cable().body()).contains("10. (C) Sigurjonsson referred");
    }

    @Test
    void everyTextRedactsHeaderAndBody() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        int inBody = count(cable.body(), "\\bLONDON\\b");
        int inHeader = count(cable.header(), "\\bLONDON\\b");
        assertThat(inHeader).isEqualTo(1);
        assertThat(inBody).isGreaterThan(3);

        Redacted r = redactor.redact(cable, List.of(RedactionRule.everyText("LONDON")));

        assertThat(r.spans()).hasSize(inHeader + inBody);
        assertThat(r.spans().get(0).field()).isEqualTo(Field.HEADER);
        assertThat(r.cable().header()).contains("FM AMEMBASSY " + X + "\n").doesNotContain("LONDON");
        assertThat(r.cable().body()).doesNotContain("LONDON").contains("SECTION 01 OF 04 " + X + " 002567");
        // Case-sensitive: "London" is another word.
        assertThat(r.cable().body()).contains("visit to London,");
    }

    @Test
    void textLooksInTheHeaderFirst() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.text("LONDON")));
        assertThat(r.spans()).extracting(Redacted.Span::field).containsExactly(Field.HEADER);
        assertThat(r.cable().header()).contains("FM AMEMBASSY " + X + "\n");
        assertThat(r.cable().body()).isEqualTo(cable.body());
    }

    @Test
    void textNeverMatchesInsideAWord() {
        SourceCable cable = cable("", "SUBJECT: VISIT\n\n1. (C) Alice met Ali, and Ali's aide, in Mali.\n");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.everyText("Ali")));
        assertThat(r.cable().body()).isEqualTo("SUBJECT: VISIT\n\n1. (C) Alice met " + X + ", and " + X
                + "'s aide, in Mali.\n");
    }

    @Test
    void paragraphKeepsNumberMarkingAndTheHeadingAfterIt() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.paragraph(2)));

        assertThat(r.cable().body()).contains("Europe.  \n\n2.  (C/NF)  " + X
                + "  \n\nAfghanistan -----------  \n\n3.  (C/NF)  Julian Miller");
        assertThat(r.cable().body()).doesNotContain("Summary and Introduction Continued");
        Cable parsed = parser.parse(r.cable());
        Paragraph two = parsed.paragraphs().get(1);
        assertThat(two.number()).isEqualTo(2);
        assertThat(two.marking()).isEqualTo("C/NF");
        assertThat(two.text()).isEqualTo(X);
        assertThat(parsed.paragraphs()).hasSize(23);
        assertThat(parsed.paragraphs().get(2).text()).startsWith("Julian Miller, Deputy Head");
    }

    @Test
    void lastParagraphEndsBeforeTheSigner() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.paragraph(23)));

        assertThat(r.cable().body()).endsWith("23.  (U) " + X + " \nSusman");
        Cable parsed = parser.parse(r.cable());
        assertThat(parsed.signer()).isEqualTo("Susman");
        assertThat(parsed.paragraphs().get(22).text()).isEqualTo(X);
    }

    @Test
    void subjectKeepsLabelAndIsRedactedOverItsLines() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.subject()));

        assertThat(r.cable().body()).contains("RS, IR, UK \nSUBJECT: " + X + " \n \nREF: LONDON 2509");
        Cable parsed = parser.parse(r.cable());
        assertThat(parsed.subject()).isEqualTo(X);
        assertThat(parsed.references()).extracting(ref -> ref.text()).containsExactly("LONDON 2509");
    }

    @Test
    void subjectKeepsItsPortionMarking() {
        SourceCable cable = SampleCables.site("08STATE79112");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.subject()));

        assertThat(r.cable().body()).contains("\nSUBJECT: (S) " + X + " \n");
        assertThat(r.cable().body()).doesNotContain("PROLIFERATION CONCERN").doesNotContain("AND IRAN \n");
        // The parse keeps the marking as written (issue 11); the words after it are the mark.
        assertThat(parser.parse(r.cable()).subject()).isEqualTo("(S) " + X);
    }

    @Test
    void subjectGluedToTheNextFieldIsFound() {
        // 09ISLAMABAD2903: "SUBJECT: DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASEREF: SECSTATE 10..." as published.
        SourceCable cable = cable("", "SECRET\n\nSUBJECT: DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASEREF: "
                + "SECSTATE 1234\n\n1. (S) Poloff delivered reftel demarche.\n");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.subject()));
        assertThat(r.unmatched()).isEmpty();
        assertThat(r.cable().body()).startsWith("SECRET\n\nSUBJECT: " + X + "REF: SECSTATE 1234\n");
    }

    @Test
    void spanIsExactAndHalfOpen() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        int at = cable.body().indexOf("Julian Miller");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.span(at, at + 6)));
        assertThat(r.cable().body()).isEqualTo(cable.body().substring(0, at) + X + cable.body().substring(at + 6));
        assertThat(r.cable().body().substring(at, at + 19)).isEqualTo(X + " Miller");
    }

    @Test
    void overlappingAndTouchingSpansBecomeOneMark() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        String body = cable.body();
        int nancy = body.indexOf("Nancy McEldowney");
        int state = body.lastIndexOf("State", nancy);
        Redacted overlapping = redactor.redact(cable,
                List.of(RedactionRule.text("Nancy McEldowney"), RedactionRule.span(state, nancy + 5)));
        assertThat(overlapping.cable().body()).contains("Assistant Secretary of " + X + " discussed");
        assertThat(overlapping.spans()).hasSize(2);

        int julian = body.indexOf("Julian Miller");
        Redacted touching = redactor.redact(cable,
                List.of(RedactionRule.span(julian, julian + 6), RedactionRule.span(julian + 6, julian + 13)));
        assertThat(touching.cable().body()).contains("officials.  " + X + ", Deputy Head");

        Redacted apart = redactor.redact(cable,
                List.of(RedactionRule.span(julian, julian + 6), RedactionRule.span(julian + 7, julian + 13)));
        assertThat(apart.cable().body()).contains("officials.  " + X + " " + X + ", Deputy Head");
    }

    @Test
    void rulesThatMatchNothingAreReported() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        RedactionRule nobody = RedactionRule.text("Zanzibar Quartermaster");
        RedactionRule past = RedactionRule.span(cable.body().length() - 2, cable.body().length() + 1);
        RedactionRule noSuchParagraph = RedactionRule.paragraph(24);
        RedactionRule name = RedactionRule.text("Julian Miller");
        RedactionRule caseDiffers = RedactionRule.everyText("julian miller");

        Redacted r = redactor.redact(cable, List.of(nobody, past, name, noSuchParagraph, caseDiffers));

        assertThat(r.unmatched()).containsExactly(nobody, past, noSuchParagraph, caseDiffers);
        assertThat(r.spans()).extracting(Redacted.Span::ruleIndex).containsExactly(2);
    }

    @Test
    void noSubjectIsUnmatched() {
        SourceCable cable = cable("", "UNCLAS\n\n1. Text without a subject line.\n");
        Redacted r = redactor.redact(cable, List.of(RedactionRule.subject()));
        assertThat(r.unmatched()).containsExactly(RedactionRule.subject());
        assertThat(r.cable()).isSameAs(cable);
        assertThat(r.changed()).isFalse();
    }

    @Test
    void aParseAlreadyMadeGivesTheSameResult() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        List<RedactionRule> rules = List.of(RedactionRule.subject(), RedactionRule.paragraph(4));
        assertThat(redactor.redact(cable, parser.parse(cable), rules)).isEqualTo(redactor.redact(cable, rules));
        SourceCable other = SampleCables.site("08STATE79112");
        assertThatThrownBy(() -> redactor.redact(cable, parser.parse(other), rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("09LONDON2567: the parse given is not of this text");
    }

    @Test
    void everythingButTheTextIsKept() {
        SourceCable cable = SampleCables.site("09LONDON2567");
        SourceCable out = redactor.redact(cable, List.of(RedactionRule.text("Julian Miller"))).cable();
        assertThat(out).usingRecursiveComparison().ignoringFields("body").isEqualTo(cable);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static SourceCable cable(String header, String body) {
        return new SourceCable("09TEST1", LocalDateTime.of(2009, 1, 2, 3, 4), Optional.empty(), "CONFIDENTIAL",
                "Embassy Test", header, body, SourceFormat.PLAIN_TEXT, "test");
    }
}
