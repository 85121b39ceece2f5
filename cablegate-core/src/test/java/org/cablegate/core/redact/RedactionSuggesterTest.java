package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cablegate.core.diff.WordDiff;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.Test;

/**
 * The "Suggest" bar at core level: the cables of the bundled sample whose site page carries marks, given a
 * vault version with unique words in those places, get exactly those spans proposed — every one, nothing else.
 */
class RedactionSuggesterTest {
    private final RedactionSuggester suggester = new RedactionSuggester();

    /** A vault text made from a page: each mark replaced by unique words, white space optionally re-laid. */
    record Vault(String body, List<int[]> spans, List<String> words) {}

    static Vault vault(String page, boolean relayWhiteSpace, int seed) {
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int n = 0;
        for (String token : WordDiff.tokens(page)) {
            if (RedactionSuggester.isMark(token)) {
                n++;
                String id = seed + "x" + n;
                // One, two or three words; every third broken across a line, as names are in real cables.
                String name = switch (n % 3) {
                    case 0 -> "Canary" + id;
                    case 1 -> "Canary" + id + " Quillon" + id;
                    default -> "Canary" + id + "\nQuillon" + id + " Vex" + id;
                };
                int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && out.substring(last[1]).isBlank()) {
                    // Marks apart by white space only are one redaction: "XXXXXXXXXXXX XXXXXXXXXXXX".
                    out.append(name);
                    last[1] = out.length();
                    words.set(words.size() - 1, out.substring(last[0]).replaceAll("\\s+", " "));
                    continue;
                }
                spans.add(new int[] {out.length(), out.length() + name.length()});
                words.add(name.replace('\n', ' '));
                out.append(name);
            } else if (relayWhiteSpace && WordDiff.isSpace(token.charAt(0))) {
                // The 2011 cables.csv and the pages lay the same text out differently: trailing blanks, wraps.
                out.append(token.contains("\n") ? token.replace(" ", "") : token.length() > 1 ? " " : "\n");
            } else {
                out.append(token);
            }
        }
        return new Vault(out.toString(), spans, words);
    }

    static Map<String, SourceCable> pagesWithMarks() {
        Map<String, SourceCable> out = new TreeMap<>();
        for (SourceCable page : SampleCables.site().values()) {
            if (WordDiff.tokens(page.body()).stream().anyMatch(RedactionSuggester::isMark)) {
                out.put(page.id(), page);
            }
        }
        return out;
    }

    @Test
    void proposesExactlyTheMarkedSpansOfEverySampleCable() {
        Map<String, SourceCable> pages = pagesWithMarks();
        assertThat(pages).hasSize(34);
        int proposals = 0;
        long marks = 0;
        for (SourceCable page : pages.values()) {
            Vault vault = vault(page.body(), false, 1);
            RedactionSuggester.Result result = suggester.suggest(page.header(), vault.body(), page.header(),
                    page.body());

            assertThat(result.differences()).as(page.id()).isEmpty();
            assertThat(result.suggestions()).as(page.id()).hasSize(vault.spans().size());
            for (int k = 0; k < vault.spans().size(); k++) {
                int[] span = vault.spans().get(k);
                RedactionSuggester.Suggestion s = result.suggestions().get(k);
                assertThat(s).as(page.id() + " proposal " + k).isEqualTo(new RedactionSuggester.Suggestion(
                        RedactionRule.span(span[0], span[1]), Field.BODY, span[0], span[1], vault.words().get(k)));
            }
            proposals += vault.spans().size();
            marks += WordDiff.tokens(page.body()).stream().filter(RedactionSuggester::isMark).count();

            // The proposals, applied, give back the page (marks of other lengths become the twelve X).
            SourceCable stored = new SourceCable(page.id(), page.created(), page.released(), page.classification(),
                    page.origin(), page.header(), vault.body(), page.format(), page.location());
            Redacted redacted = new Redactor().redact(stored, result.rules());
            assertThat(redacted.unmatched()).isEmpty();
            assertThat(redacted.cable().body()).as(page.id()).isEqualTo(twelve(page.body()));
        }
        // 185 marks on the 34 pages, two of them side by side with only white space between: 184 redactions.
        assertThat(marks).isEqualTo(185);
        assertThat(proposals).isEqualTo(184);
    }

    @Test
    void whiteSpaceLaidOutDifferentlyIsNoDifference() {
        for (SourceCable page : pagesWithMarks().values()) {
            Vault vault = vault(page.body(), true, 2);
            RedactionSuggester.Result result = suggester.suggest(page.header(), vault.body(), page.header(),
                    page.body());
            assertThat(result.differences()).as(page.id()).isEmpty();
            assertThat(result.suggestions()).extracting(s -> s.from() + ":" + s.to()).as(page.id())
                    .containsExactlyElementsOf(vault.spans().stream().map(s -> s[0] + ":" + s[1]).toList());
        }
    }

    @Test
    void otherChangesAreDifferencesNotProposals() {
        SourceCable page = SampleCables.site("09LONDON2567");
        Vault vault = vault(page.body(), false, 3);
        // Besides the mark, the vault has a word the page lacks, and one the page has another word for.
        String body = vault.body().replaceFirst("Julian Miller, Deputy Head", "Julian Miller, the Deputy Head")
                .replaceFirst("steady the ship", "steady that ship");
        RedactionSuggester.Result result = suggester.suggest(page.header(), body, page.header(), page.body());

        assertThat(result.suggestions()).hasSize(1);
        assertThat(result.suggestions().get(0).words()).isEqualTo("Canary3x1 Quillon3x1");
        assertThat(result.differences()).extracting(RedactionSuggester.Difference::vault,
                RedactionSuggester.Difference::copy).containsExactly(
                        tuple("the", ""),
                        tuple("that", "the"));
        int at = body.indexOf("the Deputy Head");
        assertThat(result.differences().get(0).from()).isEqualTo(at);
        assertThat(result.differences().get(0).to()).isEqualTo(at + 3);
    }

    @Test
    void aMarkWhereTheVaultHasNothingIsADifference() {
        RedactionSuggester.Result result = suggester.suggest("", "He met the minister.", "",
                "He met XXXXXXXXXXXX the minister.");
        assertThat(result.suggestions()).isEmpty();
        assertThat(result.differences()).containsExactly(
                new RedactionSuggester.Difference(Field.BODY, 7, 7, "", "XXXXXXXXXXXX"));
    }

    @Test
    void headerSpansAreProposedAsTheirWords() {
        String header = "FM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC\nINFO IVAN PETROV\nRUEHXX/IVAN PETROV";
        String copy = "FM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC\nINFO XXXXXXXXXXXX\nRUEHXX/XXXXXXXXXXXX";
        RedactionSuggester.Result result = suggester.suggest(header, "BODY", copy, "BODY");

        assertThat(result.differences()).isEmpty();
        // The first occurrence is what TEXT redacts; the second is not, so only EVERY_TEXT covers it.
        assertThat(result.suggestions()).containsExactly(
                new RedactionSuggester.Suggestion(RedactionRule.text("IVAN PETROV"), Field.HEADER, 50, 61,
                        "IVAN PETROV"),
                new RedactionSuggester.Suggestion(RedactionRule.everyText("IVAN PETROV"), Field.HEADER, 69, 80,
                        "IVAN PETROV"));
    }

    @Test
    void marksOfOtherLengthsCount() {
        // 08MOSCOW2701's page has "commitments.XXXXXXXXXX said" (ten X).
        RedactionSuggester.Result result = suggester.suggest("", "commitments.Nicolas Sarkozy said", "",
                "commitments.XXXXXXXXXX said");
        assertThat(result.suggestions()).extracting(RedactionSuggester.Suggestion::words)
                .containsExactly("Nicolas Sarkozy");
        assertThat(RedactionSuggester.isMark("XXXXX")).isFalse();
        assertThat(RedactionSuggester.isMark("XXXXXXXXXXXXs")).isFalse();
    }

    private static String twelve(String text) {
        StringBuilder sb = new StringBuilder();
        String previous = "";
        for (String token : WordDiff.tokens(text)) {
            if (RedactionSuggester.isMark(token)) {
                if (sb.length() > 0 && previous.isBlank() && sb.toString().stripTrailing().endsWith(Redactor.MARK)) {
                    // Marks apart by white space only were one proposal: one mark.
                    sb.setLength(sb.toString().stripTrailing().length());
                    previous = token;
                    continue;
                }
                sb.append(Redactor.MARK);
            } else {
                sb.append(token);
            }
            previous = token;
        }
        return sb.toString();
    }
}
