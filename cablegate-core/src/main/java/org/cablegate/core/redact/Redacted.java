package org.cablegate.core.redact;

import java.util.List;
import java.util.Objects;
import org.cablegate.core.model.SourceCable;

/**
 * A cable with its redactions applied, and how each rule was resolved.
 *
 * @param cable     the public text: the vault's {@link SourceCable} with every span replaced by {@link Redactor#MARK}
 *                  (spans that overlap or touch become one mark); every other field as it was
 * @param spans     the spans the rules resolved to, on the vault's (unredacted) text, ordered by field and offset
 * @param unmatched the rules that matched nothing in this text, in the order given: {@code redact} refuses them,
 *                  a release reports a rule a new text no longer matches
 */
public record Redacted(SourceCable cable, List<Span> spans, List<RedactionRule> unmatched) {
    public Redacted {
        Objects.requireNonNull(cable, "cable");
        spans = List.copyOf(spans);
        unmatched = List.copyOf(unmatched);
    }

    /** Whether any rule removed anything. */
    public boolean changed() {
        return !spans.isEmpty();
    }

    /**
     * One resolved span.
     *
     * @param field     header or body
     * @param from      first character, in the vault's text of that field
     * @param to        the character after the last
     * @param ruleIndex which rule, as its index in the list given to {@link Redactor#redact}
     * @param rule      that rule
     */
    public record Span(Field field, int from, int to, int ruleIndex, RedactionRule rule) {
        public Span {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("span " + from + ":" + to + " is empty or negative");
            }
        }
    }
}
