package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cablegate.core.diff.WordDiff;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.Reference;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;

/**
 * The two properties every redaction must have, checked without the Redactor's own code: every character outside the
 * spans is unchanged (the public text is the vault's with each merged span replaced by one mark), and no word that
 * occurs only inside the spans survives anywhere in the parse of the public text.
 */
final class RedactionChecks {
    private static final CableParser PARSER = new CableParser();
    /** The field names the parser's messages use. */
    private static final Set<String> PARSER_WORDS = Set.of("SUBJECT", "TAGS", "REF", "E", "O", "EO", "DECL",
            "SUMMARY", "COMMENT", "FM", "TO", "INFO", "DTG", "ID");

    private RedactionChecks() {}

    /** The public text of {@code field} as the spans say it must be. */
    static String expected(String text, List<Redacted.Span> spans, Field field) {
        List<int[]> merged = new ArrayList<>();
        spans.stream().filter(s -> s.field() == field).map(s -> new int[] {s.from(), s.to()})
                .sorted((a, b) -> Integer.compare(a[0], b[0])).forEach(s -> {
                    int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                    if (last != null && s[0] <= last[1]) {
                        last[1] = Math.max(last[1], s[1]);
                    } else {
                        merged.add(s);
                    }
                });
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] s : merged) {
            sb.append(text, at, s[0]).append(Redactor.MARK);
            at = s[1];
        }
        return sb.append(text.substring(at)).toString();
    }

    static void outsideUnchanged(SourceCable vault, Redacted r) {
        assertThat(r.cable().header()).as(vault.id() + " header")
                .isEqualTo(expected(vault.header(), r.spans(), Field.HEADER));
        assertThat(r.cable().body()).as(vault.id() + " body")
                .isEqualTo(expected(vault.body(), r.spans(), Field.BODY));
    }

    /** The words of the spans found nowhere else in the vault's text or metadata. */
    static Set<String> onlyInSpans(SourceCable vault, List<Redacted.Span> spans) {
        Set<String> inside = new TreeSet<>();
        for (Redacted.Span s : spans) {
            String text = s.field() == Field.HEADER ? vault.header() : vault.body();
            inside.addAll(words(text.substring(s.from(), s.to())));
        }
        // What the public text spells, even inside a longer token, the parser may read: "CASE" of 09ISLAMABAD2903's
        // subject is in "SHEIKH CASEREF:" whatever a redacted paragraph said about the case.
        String outside = (expected(vault.header(), spans, Field.HEADER) + "\n" + expected(vault.body(), spans,
                Field.BODY) + "\n" + vault.id() + " " + vault.origin() + " " + vault.classification() + " "
                + vault.location()).toUpperCase(Locale.ROOT);
        inside.removeIf(outside::contains);
        return inside;
    }

    /** Asserts that no word only in the spans is in any field of the public text's parse; returns how many were checked. */
    static int noWordSurvives(SourceCable vault, Redacted r) {
        Set<String> secret = onlyInSpans(vault, r.spans());
        Cable parsed = PARSER.parse(r.cable());
        Set<String> published = new HashSet<>(words(String.join("\n", fields(parsed))));
        Set<String> leaked = new TreeSet<>(secret);
        leaked.retainAll(published);
        assertThat(leaked).as(vault.id() + ": redacted words in the parse of the public text").isEmpty();
        return secret.size();
    }

    /** Every text of a parse: what a page, the API, the index or a feed can show. */
    static List<String> fields(Cable c) {
        List<String> out = new ArrayList<>(List.of(c.id(), c.canonicalId(), c.classification(), c.origin(),
                c.subject(), c.classifiedBy(), c.summary(), c.comment(), c.signer(), c.headerText(), c.bodyText()));
        out.addAll(c.tags());
        out.addAll(c.tagsAsWritten());
        out.addAll(c.reasons());
        Header h = c.header();
        out.addAll(List.of(h.transmissionId(), h.precedence(), h.dtg(), h.from()));
        for (Recipient r : h.to()) {
            out.addAll(List.of(r.route(), r.name(), r.precedence(), r.mcn()));
        }
        for (Recipient r : h.info()) {
            out.addAll(List.of(r.route(), r.name(), r.precedence(), r.mcn()));
        }
        // A reference's id is not text but what the parser makes of its text: "DUSHANBE 1828" in 05DUSHANBE1870's
        // REF line is the id 05DUSHANBE1828 whether or not a redacted paragraph also spelled it so.
        for (Reference r : c.references()) {
            out.addAll(List.of(r.bullet(), r.text()));
        }
        for (Paragraph p : c.paragraphs()) {
            out.addAll(List.of(p.marking(), p.text()));
        }
        // The parser's own prose in its messages is lower case but for the field names ("no SUBJECT line", which
        // 08ANKARA1423 gets once its subject is a mark); what it quotes of the text is kept.
        for (ParseIssue i : c.issues()) {
            for (String w : WordDiff.tokens(i.message())) {
                if (w.equals(w.toLowerCase(Locale.ROOT)) || PARSER_WORDS.contains(w)) {
                    continue;
                }
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Words of letters and digits, two characters or more, marks aside, in upper case: the parser upper-cases what it
     * reads ("India-Burma" in 04NEWDELHI6983's TAGS is the tag INDIA-BURMA), so a secret "INDIA" is compared so.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String t : WordDiff.tokens(text)) {
            if (t.length() >= 2 && Character.isLetterOrDigit(t.charAt(0)) && !RedactionSuggester.isMark(t)) {
                out.add(t.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
