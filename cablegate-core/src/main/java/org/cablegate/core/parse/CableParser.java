package org.cablegate.core.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Reference;
import org.cablegate.core.model.SourceCable;

/**
 * Turns a {@link SourceCable} into a {@link Cable}. Never throws on text: what it cannot read becomes a ParseIssue.
 * Thread-safe: one instance may parse on many threads.
 *
 * <p>The work is layered: {@link HeaderParser} reads the routing header; {@link Preamble} locates the fields that open
 * the body, which {@link EoLineParser}, {@link TagsParser}, {@link SubjectParser}, {@link ReferenceParser} and
 * {@link ClassifiedByParser} read; {@link ParagraphParser} finds the numbered paragraphs after it, cleaned of page
 * furniture by {@link Layout}; {@link SummaryAndComment} finds summary and comment, {@link Signature} the signer.
 *
 * <p>A parse must cost tens of microseconds (251,287 cables are imported, stored and indexed in under a minute on two
 * cores), so the body is read as bytes eight at a time where every character is looked at ({@link Latin1Bytes}),
 * keywords are found with indexOf ({@link FoldedText}, {@link Occurrence}), and a regex is asked only where a cheap
 * test of the first characters says it may match.
 */
public final class CableParser {
    /** "1. (U) CLASSIFIED BY ROBERT P. FINN ..." inside the first paragraph, when the preamble has none. */
    private static final Pattern CLASSIFIED_IN_TEXT = Pattern.compile("(?i)\\bCLASSIFIED\\s+BY\\b[ \\t]*:?");
    /** How far into the text a Classified By line is looked for when the preamble has none. */
    private static final int CLASSIFIED_WINDOW = 2000;
    private static final ClassifiedByParser.Result NO_ONE = new ClassifiedByParser.Result("", List.of());

    private final ReferenceIds ids;

    public CableParser() {
        this(ReferenceIds.standard());
    }

    public CableParser(ReferenceIds ids) {
        this.ids = ids;
    }

    public Cable parse(SourceCable source) {
        try {
            return read(source);
        } catch (RuntimeException e) {
            // A bug must not stop an import of 251,287 cables: keep the text, say what failed.
            Issues issues = new Issues();
            issues.add(ParseIssue.Kind.METADATA, "parser failed: " + e, -1);
            return new Cable(source.id(), source.id(), source.created(), source.released(), source.classification(),
                    source.origin(), false, Header.EMPTY, List.of(), List.of(), "", List.of(), Optional.empty(), "",
                    List.of(), List.of(), "", "", "", source.header(), source.body(), issues.list());
        }
    }

    private Cable read(SourceCable source) {
        Issues issues = new Issues();
        HeaderParser.Result header = HeaderParser.parse(source.header(), issues);
        String canonical = ids.canonical(source.id(), source.origin(), header.header().from(), source.header());
        if (!canonical.equals(source.id())) {
            issues.add(ParseIssue.Kind.ID, "malformed id " + source.id() + " read as " + canonical, -1);
        }

        String body = source.body();
        Lines lines = new Lines(body);
        FoldedText folded = new FoldedText(lines);
        Preamble preamble = Preamble.find(lines, folded);

        List<String> tagsAsWritten = List.of();
        List<String> tags = List.of();
        Preamble.Field tagsField = preamble.field(FieldKind.TAGS);
        if (tagsField != null) {
            TagsParser.Result t = TagsParser.parse(tagsField.value(body), tagsField.keyword(), issues);
            tagsAsWritten = t.asWritten();
            tags = t.fixed();
        } else {
            int[] unlabelled = unlabelledTags(lines, preamble.field(FieldKind.EO));
            if (unlabelled != null) {
                TagsParser.Result t = TagsParser.parse(body.substring(unlabelled[0], unlabelled[1]), unlabelled[0],
                        issues);
                tagsAsWritten = t.asWritten();
                tags = t.fixed();
            } else {
                issues.add(ParseIssue.Kind.TAGS, "no TAGS line", -1);
            }
        }

        String subject = "";
        Preamble.Field subjectField = preamble.field(FieldKind.SUBJECT);
        if (subjectField != null) {
            subject = SubjectParser.parse(subjectField.value(body));
            if (subject.isEmpty() && subjectField.value(body).isBlank()) {
                subject = subjectOnALaterLine(lines, preamble, subjectField);
            }
        }
        if (subject.isEmpty()) {
            issues.add(ParseIssue.Kind.SUBJECT, "no SUBJECT line", subjectField == null ? -1 : subjectField.keyword());
        }

        List<Reference> references = List.of();
        Preamble.Field refField = preamble.field(FieldKind.REF);
        if (refField != null) {
            ReferenceParser.Citing citing = new ReferenceParser.Citing(source.created().getYear(),
                    source.created().getMonthValue(), ReferenceIds.stationOf(canonical), ReferenceIds.serialOf(canonical));
            references = ReferenceParser.parse(refField.value(body), citing, ids, refField.keyword(), issues);
        }

        Optional<LocalDate> declassify = Optional.empty();
        Preamble.Field eo = preamble.field(FieldKind.EO);
        if (eo != null) {
            declassify = EoLineParser.parse(eo.value(body), eo.keyword(), issues);
        }

        List<ParagraphParser.Start> starts = ParagraphParser.starts(lines, preamble.endLine());
        int lastStart = starts.isEmpty() ? preamble.endOffset() : starts.get(starts.size() - 1).textStart();
        // A re-flowed body without numbered paragraphs may hold all its text on the line of its last field
        // ("REF: TRIPOLI 227 ... CLASSIFIED BY: ... End comment. GODFREY" in 08TRIPOLI564): its end is searched too.
        int signatureFrom = starts.isEmpty() && lines.count() > 0
                ? Math.min(lastStart, lines.start(lines.count() - 1)) : lastStart;
        Signature.Signer signer = Signature.signer(lines, signatureFrom);
        int textEnd = Math.max(signer.offset(), lastStart);
        List<Paragraph> paragraphs = ParagraphParser.paragraphs(lines, starts, textEnd, issues);

        ClassifiedByParser.Result classifiedBy = classifiedBy(lines, folded, preamble, issues);

        SummaryAndComment.Found summary = SummaryAndComment.summary(lines, folded, starts, preamble.fieldsEnd(), textEnd);
        SummaryAndComment.Found comment = SummaryAndComment.comment(lines, folded, starts, preamble.endOffset(), textEnd);

        return new Cable(source.id(), canonical, source.created(), source.released(), source.classification(),
                source.origin(), header.partial(), header.header(), tags, tagsAsWritten, subject, references, declassify,
                classifiedBy.by(), classifiedBy.reasons(), paragraphs, summary == null ? "" : summary.text(),
                comment == null ? "" : comment.text(), signer.name(), source.header(), body, issues.list());
    }

    /**
     * The subject of a {@code SUBJECT:} with nothing after it, on the next line that is not blank, to the next field
     * in that line: {@code SUBJECT:} / (blank) / {@code INVITATION TO NNSA ... OFFICIALS REF: STATE 5535 ...}
     * (09CAIRO200).
     */
    private static String subjectOnALaterLine(Lines lines, Preamble preamble, Preamble.Field subject) {
        int line = lines.nextNonBlank(lines.lineOf(Math.max(subject.valueStart(), subject.valueEnd() - 1)) + 1);
        if (line >= lines.count() || line > lines.lineOf(subject.keyword()) + 3) {
            return "";
        }
        int start = lines.start(line);
        int end = lines.end(line);
        for (FieldKind kind : FieldKind.values()) {
            Preamble.Field f = preamble.field(kind);
            if (f != null && f.keyword() >= start && f.keyword() < end) {
                end = f.keyword();
            }
        }
        return SubjectParser.parse(lines.text().substring(start, end));
    }

    /** "TAG PTER, PGOV" at the end of the E.O. line (09STOCKHOLM194): a keyword without its colon inside a line. */
    private static final Pattern TAG_IN_EO_LINE = Pattern.compile("\\bTAGS?[ \\t]+(?=[A-Z]{2})");

    /**
     * Where the tags of a body without a TAGS field are, {start, end}, or null: after {@code TAG} in the E.O. line
     * (09STOCKHOLM194), or on the line after it when every word of that line is a known tag and there is no keyword
     * ({@code E.O. 12958: N/A} / {@code EFIN, ECON, EINV, PGOV, CH} in 08BEIJING3662). Asked only of the few bodies
     * without TAGS.
     */
    private static int[] unlabelledTags(Lines lines, Preamble.Field eo) {
        if (eo == null) {
            return null;
        }
        String body = lines.text();
        Matcher m = TAG_IN_EO_LINE.matcher(body).region(eo.valueStart(), Math.max(eo.valueStart(), eo.valueEnd()));
        if (m.find()) {
            return new int[] {m.end(), eo.valueEnd()};
        }
        int next = lines.lineOf(eo.keyword()) + 1;
        if (next >= lines.count() || lines.isBlank(next)) {
            return null;
        }
        List<String> words = TagsParser.tokens(lines.line(next));
        if (words.size() < 2 || !words.stream().allMatch(TagsParser::isKnown)) {
            return null;
        }
        return new int[] {lines.start(next), lines.end(next)};
    }

    /**
     * Who classified the cable, from the preamble's Classified By line or, without one, from the first paragraph:
     * "1. (U) CLASSIFIED BY ROBERT P. FINN ...".
     */
    private static ClassifiedByParser.Result classifiedBy(Lines lines, FoldedText folded, Preamble preamble,
            Issues issues) {
        String body = lines.text();
        Preamble.Field classified = preamble.field(FieldKind.CLASSIFIED_BY);
        if (classified != null) {
            return ClassifiedByParser.parse(classified.value(body), classified.keyword(), issues);
        }
        int windowEnd = Math.min(body.length(), preamble.endOffset() + CLASSIFIED_WINDOW);
        int at = folded.indexOf("classified", preamble.endOffset(), windowEnd);
        if (at < 0) {
            return NO_ONE;
        }
        Matcher m = CLASSIFIED_IN_TEXT.matcher(body).useTransparentBounds(true);
        if (!m.region(at, windowEnd).lookingAt()) {
            return NO_ONE;
        }
        int end = body.indexOf('\n', m.end());
        int next = lines.nextNonBlank(lines.lineOf(m.end()) + 1);
        // The line and, when the reasons wrapped, the next one ("...FINN, DEPUTY CHIEF OF\nMISSION. REASON: 1.5").
        if (end >= 0 && next < lines.count() && next == lines.lineOf(end) + 1
                && ParagraphParser.atLineStart(lines, next, 1) == null) {
            end = lines.end(next);
        }
        return ClassifiedByParser.parse(body.substring(m.end(), end < 0 ? body.length() : end), m.start(), issues);
    }
}
