package org.cablegate.core.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;

/**
 * Applies redaction rules to a cable's text: resolves every rule to spans of the header or the body, and replaces
 * each span with the mark the 2010–11 site used, {@code XXXXXXXXXXXX}.
 *
 * <p>The result is text, not a parse: the public record is the parse of this text, so that no field derived from it
 * (subject, summary, signer, recipients, REF text, paragraphs) can keep a redacted word. Paragraph and subject rules
 * are located with the parse of the vault's text, through its public face only ({@link Paragraph#offset()},
 * {@link Cable#subject()}), so they follow what a reader of the page calls paragraph 5 or the subject.
 *
 * <p>Thread-safe.
 */
public final class Redactor {
    /** A portion marking leading a subject: {@code (S) }, {@code (SBU) }, {@code (C/NF) }. */
    private static final Pattern PORTION_MARKING = Pattern.compile("^\\s*\\([A-Z/]{1,12}\\)\\s*");
    /** The mark that stands for every redacted run: twelve X, as on the pages of the original site. */
    public static final String MARK = "XXXXXXXXXXXX";
    /** How many words of a paragraph's text locate its start and end in the body. */
    private static final int ANCHOR_WORDS = 6;
    /** How far after {@code SUBJECT} its text may start: the colon, a portion marking, blanks. */
    private static final int SUBJECT_GAP = 40;

    private final CableParser parser;

    public Redactor() {
        this(new CableParser());
    }

    public Redactor(CableParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * The cable with {@code rules} applied.
     *
     * @param source the vault's text
     * @param rules  the redactions of this cable, in any order
     */
    public Redacted redact(SourceCable source, List<RedactionRule> rules) {
        return redact(source, null, rules);
    }

    /**
     * The cable with {@code rules} applied, locating paragraphs and the subject with a parse already made.
     *
     * @param source the vault's text
     * @param parsed the parse of exactly that text (the vault keeps one), so that it is not parsed again
     * @param rules  the redactions of this cable, in any order
     */
    public Redacted redact(SourceCable source, Cable parsed, List<RedactionRule> rules) {
        Objects.requireNonNull(source, "source");
        if (parsed != null && !parsed.bodyText().equals(source.body())) {
            throw new IllegalArgumentException(source.id() + ": the parse given is not of this text");
        }
        String header = source.header();
        String body = source.body();
        List<Redacted.Span> spans = new ArrayList<>();
        List<RedactionRule> unmatched = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RedactionRule rule = rules.get(r);
            int before = spans.size();
            switch (rule.kind()) {
                case TEXT -> first(rule, r, header, body, spans);
                case EVERY_TEXT -> every(rule, r, header, body, spans);
                case SPAN -> {
                    // A span past the end of the text was made for another version of it: it matches nothing here.
                    if (rule.to() <= body.length()) {
                        spans.add(new Redacted.Span(Field.BODY, rule.from(), rule.to(), r, rule));
                    }
                }
                case PARAGRAPH -> {
                    parsed = parsed != null ? parsed : parser.parse(source);
                    int[] at = paragraph(parsed, body, rule.paragraphNumber());
                    if (at != null) {
                        spans.add(new Redacted.Span(Field.BODY, at[0], at[1], r, rule));
                    }
                }
                case SUBJECT -> {
                    parsed = parsed != null ? parsed : parser.parse(source);
                    int[] at = subject(parsed.subject(), body);
                    if (at != null) {
                        spans.add(new Redacted.Span(Field.BODY, at[0], at[1], r, rule));
                    }
                }
            }
            if (spans.size() == before) {
                unmatched.add(rule);
            }
        }
        spans.sort(Comparator.comparing(Redacted.Span::field).thenComparingInt(Redacted.Span::from)
                .thenComparingInt(Redacted.Span::to).thenComparingInt(Redacted.Span::ruleIndex));
        SourceCable out = spans.isEmpty() ? source : new SourceCable(source.id(), source.created(), source.released(),
                source.classification(), source.origin(), apply(header, spans, Field.HEADER),
                apply(body, spans, Field.BODY), source.format(), source.location());
        return new Redacted(out, spans, unmatched);
    }

    private static void first(RedactionRule rule, int r, String header, String body, List<Redacted.Span> spans) {
        LooseText words = new LooseText(rule.value());
        int[] m = words.find(header, 0, header.length());
        if (m != null) {
            spans.add(new Redacted.Span(Field.HEADER, m[0], m[1], r, rule));
            return;
        }
        m = words.find(body, 0, body.length());
        if (m != null) {
            spans.add(new Redacted.Span(Field.BODY, m[0], m[1], r, rule));
        }
    }

    private static void every(RedactionRule rule, int r, String header, String body, List<Redacted.Span> spans) {
        LooseText words = new LooseText(rule.value());
        for (int[] m : words.findAll(header)) {
            spans.add(new Redacted.Span(Field.HEADER, m[0], m[1], r, rule));
        }
        for (int[] m : words.findAll(body)) {
            spans.add(new Redacted.Span(Field.BODY, m[0], m[1], r, rule));
        }
    }

    /**
     * Where the text of paragraph {@code number} lies in the body: after its number and portion marking, up to the
     * end of what the parse calls its text (a dash-framed heading before the next paragraph is not part of it: in
     * 09LONDON2567 "Afghanistan -----------" stays above paragraph 3 when paragraph 2 is redacted). The first
     * paragraph of that number counts; null when there is none or it has no text.
     */
    static int[] paragraph(Cable cable, String body, int number) {
        List<Paragraph> paragraphs = cable.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (p.number() != number) {
                continue;
            }
            if (p.text().isBlank() || p.offset() < 0 || p.offset() >= body.length()) {
                return null;
            }
            int limit = i + 1 < paragraphs.size() ? paragraphs.get(i + 1).offset() : body.length();
            limit = Math.min(Math.max(limit, p.offset()), body.length());
            String[] words = p.text().split(" ");
            int start = textStart(body, p.offset(), limit, words, !p.marking().isEmpty());
            int end = keepSentenceEnd(body, start, textEnd(body, start, limit, words));
            return end > start ? new int[] {start, end} : null;
        }
        return null;
    }

    /**
     * The first of the paragraph's first words after its number and bracketed marking; without them, the character
     * after number and marking. The words are looked for only after the marking: 79TEHRAN8980's paragraph 1 is
     * "1. (C - ENTIRE TEXT)." and its text "." is also the stop after the number.
     */
    private static int textStart(String body, int offset, int limit, String[] words, boolean marked) {
        int i = offset;
        while (i < limit && (Character.isDigit(body.charAt(i)) || ".,\u00b6".indexOf(body.charAt(i)) >= 0
                || LooseText.isSpace(body.charAt(i)))) {
            i++;
        }
        if (marked && i < limit && body.charAt(i) == '(') {
            int close = body.indexOf(')', i);
            if (close > 0 && close < limit && close - i < 40) {
                i = close + 1;
            }
        }
        for (int k = Math.min(ANCHOR_WORDS, words.length); k >= 1; k--) {
            LooseText first = new LooseText(String.join(" ", Arrays.copyOfRange(words, 0, k)), false);
            int[] m = first.find(body, i, limit);
            if (m != null) {
                return m[0];
            }
        }
        // The parse's text no longer spells the words of the body (it drops section markers).
        while (i < limit && LooseText.isSpace(body.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the last occurrence of the paragraph's last words before {@code limit}; without them, the limit. */
    private static int textEnd(String body, int start, int limit, String[] words) {
        for (int k = Math.min(ANCHOR_WORDS, words.length); k >= 1; k--) {
            LooseText last = new LooseText(String.join(" ",
                    Arrays.copyOfRange(words, words.length - k, words.length)), false);
            int end = -1;
            for (int[] m = last.find(body, start, limit); m != null; m = last.find(body, m[0] + 1, limit)) {
                end = m[1];
            }
            if (end > start) {
                return end;
            }
        }
        int end = limit;
        while (end > start && LooseText.isSpace(body.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * The end of a paragraph's span, short of its closing punctuation ({@code .}, {@code :}, {@code ."}) when more
     * text follows on the same line: the parse of the public text reads what follows as it read it in the vault's —
     * the next of 08MOSCOW1647's run-together paragraphs ("... region. 12, (C) Equipment"), the signer after
     * 08MOSCOW2885's "End comment. BEYRLE", and not as the tail of the redacted paragraph; and a heading run into the
     * line (09CAIRO2189's "press: ------ Mubarak Addresses Economy ------") is still cut off at the stop, not taken
     * with the mark.
     */
    private static int keepSentenceEnd(String body, int start, int end) {
        int next = end;
        while (next < body.length() && body.charAt(next) != '\n' && LooseText.isSpace(body.charAt(next))) {
            next++;
        }
        if (next >= body.length() || body.charAt(next) == '\n') {
            return end;
        }
        int cut = end;
        while (cut > start && "\"')]\u201d".indexOf(body.charAt(cut - 1)) >= 0) {
            cut--;
        }
        int quotes = cut;
        while (cut > start && ".!?:;".indexOf(body.charAt(cut - 1)) >= 0) {
            cut--;
        }
        return cut < quotes && cut > start ? cut : end;
    }

    /**
     * Where the subject stands in the body: its words after the {@code SUBJECT} label (and any colon and portion
     * marking), over as many lines as it wraps; the first occurrence anywhere when no label precedes it.
     */
    static int[] subject(String subject, String body) {
        // The parse keeps the subject's portion marking as written ("(S) GERMANY TAKING ACTION", as the 2011 site's
        // titles did); the marking stays, only the words after it are redacted.
        LooseText words = new LooseText(PORTION_MARKING.matcher(subject).replaceFirst(""), false);
        if (words.isEmpty()) {
            return null;
        }
        String upper = body.toUpperCase(Locale.ROOT);
        for (int label = upper.indexOf("SUBJ"); label >= 0; label = upper.indexOf("SUBJ", label + 1)) {
            int[] m = words.find(body, label + 4, Math.min(body.length(), label + 4 + SUBJECT_GAP + body.length()));
            if (m != null && m[0] - label <= SUBJECT_GAP) {
                return m;
            }
        }
        return words.find(body, 0, body.length());
    }

    /** {@code text} with the spans of {@code field} replaced, those that overlap or touch by one mark. */
    static String apply(String text, List<Redacted.Span> spans, Field field) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = -1;
        int to = -1;
        for (Redacted.Span s : spans) {
            if (s.field() != field) {
                continue;
            }
            if (from >= 0 && s.from() <= to) {
                to = Math.max(to, s.to());
                continue;
            }
            if (from >= 0) {
                out.append(text, copied, from).append(MARK);
                copied = to;
            }
            from = s.from();
            to = s.to();
        }
        if (from < 0) {
            return text;
        }
        out.append(text, copied, from).append(MARK).append(text, to, text.length());
        return out.toString();
    }
}
