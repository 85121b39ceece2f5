package org.cablegate.core.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cablegate.core.diff.WordDiff;
import org.cablegate.core.model.SourceCable;

/**
 * Reads the redactions off a redacted copy of a cable: given the vault's text and a copy that carries marks where
 * names were removed (a page of the 2010–11 site), proposes the spans of the vault's text that the copy replaced
 * with marks, as rules for the publisher to review. This is how years of hand-made redactions move into cablegate.
 *
 * <p>The words of the two texts are diffed ({@link WordDiff#changes}), the white space between them left out. A change
 * whose copy side is marks only is a proposal: in the body a {@link RedactionRule.Kind#SPAN} of the vault's
 * offsets, in the header the words themselves ({@code TEXT} when this is their first occurrence in header and body,
 * which is what TEXT redacts; {@code EVERY_TEXT} otherwise). White space is no difference: the site's pages and the
 * 2011 {@code cables.csv} lay the same text out differently. Any other change is not a redaction and
 * is reported apart, so that a copy that differs in words does not pass unnoticed.
 *
 * <p>A mark is a word of six or more X: the site mostly wrote twelve, but also ten (08MOSCOW2701, "commitments.XXXXXXXXXX
 * said"), thirteen and fourteen. Stateless and thread-safe.
 */
public final class RedactionSuggester {
    /** The fewest X a word must have to count as a mark. */
    private static final int MARK_MIN = 6;

    /**
     * A proposed redaction.
     *
     * @param rule  the rule that redacts it: a span of the body, or the header's words
     * @param field where the words are
     * @param from  first character in the vault's text of that field
     * @param to    the character after the last
     * @param words the vault's words there, white space collapsed, for the reviewer
     */
    public record Suggestion(RedactionRule rule, Field field, int from, int to, String words) {
        public Suggestion {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(words, "words");
        }
    }

    /**
     * A change between the two texts that is not a redaction: words that differ, are missing, or a mark where the
     * vault's text has nothing.
     *
     * @param field    where
     * @param from     first character in the vault's text of that field (where an insertion stands, when empty)
     * @param to       the character after the last
     * @param vault    the vault's text there
     * @param copy     the copy's text instead
     */
    public record Difference(Field field, int from, int to, String vault, String copy) {
        public Difference {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(copy, "copy");
        }
    }

    /**
     * What a copy says about a vault text.
     *
     * @param suggestions the proposed redactions, header first, in text order
     * @param differences the other changes, in the same order
     */
    public record Result(List<Suggestion> suggestions, List<Difference> differences) {
        public Result {
            suggestions = List.copyOf(suggestions);
            differences = List.copyOf(differences);
        }

        /** The proposed rules, in order: what {@code redact --suggest} offers to store. */
        public List<RedactionRule> rules() {
            return suggestions.stream().map(Suggestion::rule).toList();
        }
    }

    /** Proposals for the vault's text from a redacted copy of the same cable. */
    public Result suggest(SourceCable vault, SourceCable copy) {
        return suggest(vault.header(), vault.body(), copy.header(), copy.body());
    }

    /** Proposals for the vault's text ({@code header}, {@code body}) from a redacted copy's. */
    public Result suggest(String header, String body, String copyHeader, String copyBody) {
        List<Suggestion> suggestions = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        compare(Field.HEADER, header, copyHeader, header, body, suggestions, differences);
        compare(Field.BODY, body, copyBody, header, body, suggestions, differences);
        return new Result(suggestions, differences);
    }

    private static void compare(Field field, String vault, String copy, String header, String body,
            List<Suggestion> suggestions, List<Difference> differences) {
        // Words only: white space between them, however laid out, is never a difference.
        List<Word> gone = words(vault);
        List<Word> come = words(copy);
        for (WordDiff.Change c : WordDiff.changes(texts(gone), texts(come))) {
            boolean marksOnly = c.afterTo() > c.afterFrom();
            for (int k = c.afterFrom(); k < c.afterTo(); k++) {
                marksOnly &= isMark(come.get(k).text);
            }
            if (marksOnly && c.beforeTo() > c.beforeFrom()) {
                suggestions.add(suggestion(field, gone.get(c.beforeFrom()).from, gone.get(c.beforeTo() - 1).to,
                        vault, header, body));
                continue;
            }
            int from = c.beforeFrom() < gone.size() ? gone.get(c.beforeFrom()).from : vault.length();
            int to = c.beforeTo() > c.beforeFrom() ? gone.get(c.beforeTo() - 1).to : from;
            String instead = c.afterTo() > c.afterFrom()
                    ? copy.substring(come.get(c.afterFrom()).from, come.get(c.afterTo() - 1).to) : "";
            differences.add(new Difference(field, from, to, vault.substring(from, to), instead));
        }
    }

    private static Suggestion suggestion(Field field, int from, int to, String vault, String header, String body) {
        String words = collapse(vault.substring(from, to));
        if (field == Field.BODY) {
            return new Suggestion(RedactionRule.span(from, to), field, from, to, words);
        }
        // TEXT redacts the first occurrence, header then body: right when that is this one.
        int[] first = new LooseText(words).find(header, 0, header.length());
        RedactionRule rule = first != null && first[0] == from ? RedactionRule.text(words)
                : RedactionRule.everyText(words);
        return new Suggestion(rule, field, from, to, words);
    }

    static boolean isMark(String word) {
        if (word.length() < MARK_MIN) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != 'X') {
                return false;
            }
        }
        return true;
    }

    /** A token that is not white space, with where it lies. */
    private record Word(String text, int from, int to) {}

    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int at = 0;
        for (String token : WordDiff.tokens(text)) {
            if (!WordDiff.isSpace(token.charAt(0))) {
                out.add(new Word(token, at, at + token.length()));
            }
            at += token.length();
        }
        return out;
    }

    private static List<String> texts(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.text);
        }
        return out;
    }

    private static String collapse(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (WordDiff.isSpace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
