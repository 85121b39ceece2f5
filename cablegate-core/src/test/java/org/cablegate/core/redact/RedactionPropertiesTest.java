package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.junit.jupiter.api.Test;

/**
 * The properties of redaction on every cable of the bundled sample: subject, a paragraph, the last paragraph, words of
 * the text, the signer everywhere, and a raw span, all at once. Every character outside the spans is unchanged, and
 * no word only in the spans is in any field of the public record (the parse of the redacted text).
 */
class RedactionPropertiesTest {
    private static final CableParser PARSER = new CableParser();

    @Test
    void everySampleCableRedactsWithoutTrace() {
        int[] totals = check(SampleCables.site());
        // Each of the 186 cables redacted something; 14,565 words were only in the spans (when this was written).
        assertThat(totals[0]).isEqualTo(186);
        assertThat(totals[1]).isGreaterThan(13_000);
    }

    @Test
    void theSubjectAndEachParagraphRedactedAloneReadAsTheMark() {
        Redactor redactor = new Redactor(PARSER);
        int subjects = 0;
        int paragraphs = 0;
        List<String> wrong = new ArrayList<>();
        for (SourceCable cable : SampleCables.site().values()) {
            Cable parsed = PARSER.parse(cable);
            if (!parsed.subject().isEmpty()) {
                Cable after = PARSER.parse(redactor.redact(cable, List.of(RedactionRule.subject())).cable());
                subjects++;
                // The parse keeps a subject's portion marking as written (issue 11): "(S) " + the mark.
                if (!after.subject().replaceFirst("^\\([A-Z/]{1,12}\\) ", "").equals(Redactor.MARK)) {
                    wrong.add(cable.id() + " subject: " + after.subject());
                }
            }
            for (int i = 0; i < parsed.paragraphs().size(); i++) {
                int number = parsed.paragraphs().get(i).number();
                if (parsed.paragraphs().subList(0, i).stream().anyMatch(p -> p.number() == number)) {
                    continue; // a second paragraph of that number: the rule names the first
                }
                Redacted r = redactor.redact(cable, List.of(RedactionRule.paragraph(number)));
                if (parsed.paragraphs().get(i).text().isEmpty()) {
                    assertThat(r.unmatched()).as(cable.id() + " paragraph " + number + " has no text").hasSize(1);
                    continue;
                }
                Cable after = PARSER.parse(r.cable());
                paragraphs++;
                if (after.paragraphs().size() != parsed.paragraphs().size()
                        || !readsAsMark(after.paragraphs().get(i).text(), r)
                        || !after.paragraphs().get(i).marking().equals(parsed.paragraphs().get(i).marking())) {
                    wrong.add(cable.id() + " paragraph " + number + ": " + (after.paragraphs().size() > i
                            ? after.paragraphs().get(i) : "gone"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        // 183 of the 186 have a subject; 1,627 paragraphs with text (as the parse stood when this was written).
        assertThat(subjects).isGreaterThan(180);
        assertThat(paragraphs).isGreaterThan(1_500);
    }

    /**
     * The mark, and the paragraph's closing punctuation where more text follows on its line (kept so that the parse
     * reads what follows as before); or nothing, where a heading run into the line follows: the parser drops a
     * heading with the short text before it (09CAIRO2189 paragraph 1, "XXXXXXXXXXXX: ------ Mubarak Addresses ...").
     */
    private static boolean readsAsMark(String text, Redacted r) {
        if (text.matches("X{12}(?:[.!?:;]+[\"')\\]\u201d]*)?")) {
            return true;
        }
        int end = r.spans().get(0).from() + Redactor.MARK.length(); // one span: the mark stands where it began
        String body = r.cable().body();
        int lineEnd = body.indexOf('\n', end);
        return text.isEmpty() && body.substring(end, lineEnd < 0 ? body.length() : lineEnd).contains("---");
    }

    /** Redacts each cable with several rules and checks both properties; returns {cables redacted, secret words}. */
    static int[] check(Map<String, SourceCable> cables) {
        Redactor redactor = new Redactor(PARSER);
        int redacted = 0;
        int secret = 0;
        for (SourceCable cable : cables.values()) {
            List<RedactionRule> rules = rules(cable, PARSER.parse(cable));
            Redacted r = redactor.redact(cable, rules);
            RedactionChecks.outsideUnchanged(cable, r);
            secret += RedactionChecks.noWordSurvives(cable, r);
            if (r.changed()) {
                redacted++;
            }
            // Each rule alone too: a paragraph or the subject redacted by itself must not leave its words either.
            for (RedactionRule rule : rules) {
                Redacted one = redactor.redact(cable, List.of(rule));
                RedactionChecks.outsideUnchanged(cable, one);
                RedactionChecks.noWordSurvives(cable, one);
            }
        }
        return new int[] {redacted, secret};
    }

    static List<RedactionRule> rules(SourceCable cable, Cable parsed) {
        List<RedactionRule> rules = new ArrayList<>();
        rules.add(RedactionRule.subject());
        if (parsed.paragraphs().size() >= 2) {
            rules.add(RedactionRule.paragraph(parsed.paragraphs().get(1).number()));
        }
        if (!parsed.paragraphs().isEmpty()) {
            rules.add(RedactionRule.paragraph(parsed.paragraphs().get(parsed.paragraphs().size() - 1).number()));
        }
        if (!parsed.signer().isBlank()) {
            rules.add(RedactionRule.everyText(parsed.signer()));
        }
        String body = cable.body();
        List<String> words = RedactionChecks.words(body.substring(body.length() / 2));
        if (words.size() > 20) {
            rules.add(RedactionRule.text(words.get(10) + " " + words.get(11)));
        }
        if (body.length() > 100) {
            rules.add(RedactionRule.span(body.length() / 3, body.length() / 3 + 40));
        }
        return rules;
    }
}
