package org.cablegate.core.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed cable: every field the parser reads, immutable. Built by {@code CableParser} from a {@link SourceCable};
 * text fields are empty (never null) when the cable does not carry them.
 *
 * @param id            reference id as published
 * @param canonicalId   the id corrected from known malformed forms ({@code 08ECTION01OF02MANAMA492} → {@code 08MANAMA492}); equal to {@code id} when it is well formed
 * @param created       creation time
 * @param released      release time where known
 * @param classification the top box's classification
 * @param origin        the top box's origin
 * @param partial       true for partial extracts ("This record is a partial extract of the original cable…")
 * @param header        the parsed routing header
 * @param tags          the TAGS after known fixes (glued tags split, typos corrected, {@code RU} → {@code RS})
 * @param tagsAsWritten the TAGS as written in the cable
 * @param subject       the SUBJECT, white space collapsed
 * @param references    the REF items, in order
 * @param declassify    the declassification date of the E.O. line, where it is a date
 * @param classifiedBy  who classified it: the text after "Classified By" up to the reasons
 * @param reasons       the E.O. sections given as reasons: {@code 1.4(b)}, {@code 1.4(d)}
 * @param paragraphs    numbered paragraphs, in order
 * @param summary       the summary text, white space collapsed
 * @param comment       the comment text, white space collapsed
 * @param signer        the signer's name from the last lines
 * @param headerText    the routing header as published
 * @param bodyText      the body as published
 * @param issues        what the parser could not read or had to fix
 */
public record Cable(
        String id,
        String canonicalId,
        LocalDateTime created,
        Optional<LocalDateTime> released,
        String classification,
        String origin,
        boolean partial,
        Header header,
        List<String> tags,
        List<String> tagsAsWritten,
        String subject,
        List<Reference> references,
        Optional<LocalDate> declassify,
        String classifiedBy,
        List<String> reasons,
        List<Paragraph> paragraphs,
        String summary,
        String comment,
        String signer,
        String headerText,
        String bodyText,
        List<ParseIssue> issues) {

    public Cable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(header, "header");
        tags = List.copyOf(tags);
        tagsAsWritten = List.copyOf(tagsAsWritten);
        Objects.requireNonNull(subject, "subject");
        references = List.copyOf(references);
        Objects.requireNonNull(declassify, "declassify");
        Objects.requireNonNull(classifiedBy, "classifiedBy");
        reasons = List.copyOf(reasons);
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(headerText, "headerText");
        Objects.requireNonNull(bodyText, "bodyText");
        issues = List.copyOf(issues);
    }

    /** The same cable with a release time: the only field that changes after parsing. */
    public Cable withReleased(LocalDateTime time) {
        return new Cable(id, canonicalId, created, Optional.of(time), classification, origin, partial, header, tags,
                tagsAsWritten, subject, references, declassify, classifiedBy, reasons, paragraphs, summary, comment,
                signer, headerText, bodyText, issues);
    }

    /** The same cable with other references (the same REF items, resolved with more knowledge of the ids). */
    public Cable withReferences(List<Reference> resolved) {
        return new Cable(id, canonicalId, created, released, classification, origin, partial, header, tags,
                tagsAsWritten, subject, resolved, declassify, classifiedBy, reasons, paragraphs, summary, comment,
                signer, headerText, bodyText, issues);
    }

    /** The path of the cable's page on the original site: {@code /cable/2008/06/08MOSCOW1647.html} (creation month). */
    public String sitePath() {
        return String.format("/cable/%04d/%02d/%s.html", created.getYear(), created.getMonthValue(), id);
    }
}
