package org.cablegate.archive.index;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.Reference;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.parse.CableParser;

/**
 * A cable as the public archive holds it: the public record, built once per release from the vault's text with every
 * redaction applied (see {@code Releaser}). Everything public is derived from it: the index document, the page, the
 * plain text, the JSON, the feeds, the downloads. Whatever is here is public.
 *
 * <p>The parsed fields (subject, tags, addressees, cited ids) are those of a parse of exactly {@link #header()} and
 * {@link #body()}; {@link #parsed()} gives that whole parse again for a page.
 *
 * @param id             reference id as published, the key
 * @param canonicalId    the corrected id where the published one is malformed, else equal to {@code id}
 * @param version        the vault version published (1 for the first text, higher after corrections)
 * @param created        creation time, to the minute
 * @param released       public release time, to the minute
 * @param classification as in the top box
 * @param origin         as in the top box
 * @param subject        the parsed SUBJECT, or empty
 * @param tags           the parsed TAGS, in order
 * @param from           the FM line of the header, or empty
 * @param to             the TO and INFO addressees, one per element
 * @param cites          the ids of the cables its REF lines cite, each once, in order
 * @param header         the routing header as published (redactions applied)
 * @param body           the body as published (redactions applied)
 * @param history        every public version of the cable, oldest first, the current one last; empty for a record
 *                       that was never published (a dry run)
 */
public record PublicCable(
        String id,
        String canonicalId,
        int version,
        LocalDateTime created,
        LocalDateTime released,
        String classification,
        String origin,
        String subject,
        List<String> tags,
        String from,
        List<String> to,
        List<String> cites,
        String header,
        String body,
        List<PublicVersion> history) {

    private static final CableParser PARSER = new CableParser();

    public PublicCable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(subject, "subject");
        tags = List.copyOf(tags);
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cites = List.copyOf(cites);
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        history = List.copyOf(history);
    }

    /** A record with no public history yet: one about to be published for the first time. */
    public PublicCable(String id, String canonicalId, int version, LocalDateTime created, LocalDateTime released,
            String classification, String origin, String subject, List<String> tags, String from, List<String> to,
            List<String> cites, String header, String body) {
        this(id, canonicalId, version, created, released, classification, origin, subject, tags, from, to, cites,
                header, body, List.of());
    }

    /**
     * The public record of a parse: the parse must be of the public text (redactions applied), so that no field keeps a
     * redacted word.
     */
    public static PublicCable of(Cable parse, int version, LocalDateTime released, List<PublicVersion> history) {
        return new PublicCable(parse.id(), parse.canonicalId(), version, parse.created(), released,
                parse.classification(), parse.origin(), parse.subject(), parse.tags(), parse.header().from(),
                addressees(parse), citedIds(parse), parse.headerText(), parse.bodyText(), history);
    }

    /** The TO then INFO addressees of a parse, by name: the {@code to} field. */
    public static List<String> addressees(Cable parse) {
        List<String> to = new ArrayList<>(parse.header().to().size() + parse.header().info().size());
        for (Recipient r : parse.header().to()) {
            to.add(r.name());
        }
        for (Recipient r : parse.header().info()) {
            to.add(r.name());
        }
        return to;
    }

    /** The cables its REF lines cite, each once, in order; references that are not cables (a letter, a fax) are left out. */
    public static List<String> citedIds(Cable parse) {
        return parse.references().stream().filter(Reference::isCable).map(Reference::id).distinct().toList();
    }

    /** The same record with its public history. */
    public PublicCable withHistory(List<PublicVersion> versions) {
        return new PublicCable(id, canonicalId, version, created, released, classification, origin, subject, tags, from,
                to, cites, header, body, versions);
    }

    /** The public text as a source: what {@link #parsed()} parses. */
    public SourceCable text() {
        return new SourceCable(id, created, Optional.of(released), classification, origin, header, body,
                SourceFormat.CSV, "public archive");
    }

    /** The whole parse of the public text, for a page or the API: the same parse the record's fields come from. */
    public Cable parsed() {
        return withCites(PARSER.parse(text()));
    }

    /**
     * The references of a parse, with the ids this record cites. The import resolved each REF with the vault's id
     * list (issue 11: "PARIS 120" in 09LONDON50 of January 2009 is 08PARIS120, as 09PARIS120 came later); the public
     * archive carries no such list, so a re-parse may take the citing cable's year instead. The record's cites are
     * the import's: the distinct cable ids of the re-parse, in order, are matched with them one for one (the same
     * text gives the same REF items), and left as parsed if the counts differ.
     */
    private Cable withCites(Cable parse) {
        List<String> parsedIds = citedIds(parse);
        if (parsedIds.equals(cites) || parsedIds.size() != cites.size()) {
            return parse;
        }
        Map<String, String> resolved = new HashMap<>();
        for (int i = 0; i < cites.size(); i++) {
            resolved.put(parsedIds.get(i), cites.get(i));
        }
        List<Reference> references = new ArrayList<>(parse.references().size());
        for (Reference r : parse.references()) {
            references.add(r.isCable() ? new Reference(r.bullet(), resolved.get(r.id()), r.text()) : r);
        }
        return parse.withReferences(references);
    }

    /** The plain text of the cable: header, a blank line, body, as the 2011 full release held them. */
    public String plainText() {
        return header + "\n\n" + body;
    }

    /** Whether the cable changed in public since its first release. */
    public boolean changedSinceFirstPublished() {
        return history.size() > 1;
    }
}
