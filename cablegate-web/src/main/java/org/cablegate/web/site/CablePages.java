package org.cablegate.web.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.Reference;
import org.cablegate.web.view.CableView;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.Row;
import org.cablegate.web.view.UnpublishedView;
import org.cablegate.web.url.Urls;

/**
 * A cable's page, its plain text, and the page at the URL of a cable that is not public. The public archive stores
 * header and body as published; they are parsed again here for the paragraphs, tags and references a page links.
 */
final class CablePages {
    /** Reference ids are letters and digits; anything else cannot be searched for, and cannot be public either. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final int CITED_BY_SHOWN = 200;

    private final Templates templates;
    private final RecipientNames names = RecipientNames.standard();

    CablePages(Templates templates) {
        this.templates = templates;
    }

    static Optional<PublicCable> find(PublicArchive.View archive, String id) throws IOException {
        return ID.matcher(id).matches() ? archive.get(id) : Optional.empty();
    }

    byte[] page(PublicArchive.View archive, PublicCable c, Snapshot s) throws IOException {
        Cable cable = c.parsed();
        String title = "Viewing cable " + c.id() + (c.subject().isEmpty() ? "" : ", " + c.subject());
        String self = Urls.cable(c.id(), c.created());
        String day = c.released().toLocalDate().toString();
        List<Link> tags = c.tags().stream().map(t -> new Link(Urls.tag(t, 0), t)).toList();
        String description = "A " + c.classification() + " cable from " + c.origin() + ", created "
                + c.created().toLocalDate() + ", released " + c.released().toLocalDate() + ".";
        CableView view = new CableView(s.chrome.article(title, self, description), c.id(), c.subject(), new Link(self, c.id()),
                new Link(Urls.month(Rows.month(c.created()), 0), Rows.minute(c.created())),
                new Link(Urls.releaseDay(day, 0), Rows.minute(c.released())),
                new Link(Urls.classification(s.classificationSlugs.slug(c.classification()), 0), c.classification()),
                new Link(Urls.origin(s.originSlugs.slug(c.origin()), 0), c.origin()), c.header(), recipients(cable),
                BodyMarkup.segments(cable, t -> Urls.tag(t, 0), cited(archive, cable)), tags, citedBy(archive, c.canonicalId(), s),
                "#cablegate #" + c.id(), self, new Link(Urls.cableText(c.id(), c.created()), "plain text"),
                new Link(Urls.cableJson(c.id()), "JSON"),
                c.changedSinceFirstPublished()
                        ? Optional.of(new Link(Urls.cableHistory(c.id(), c.created()), "changed since first published"))
                        : Optional.empty());
        return templates.render("cable.jte", view);
    }

    private List<CableView.Addressees> recipients(Cable cable) {
        List<CableView.Addressees> lines = new ArrayList<>();
        if (!cable.header().from().isEmpty()) {
            lines.add(new CableView.Addressees("From", List.of(cable.header().from())));
        }
        if (!cable.header().to().isEmpty()) {
            lines.add(new CableView.Addressees("To", cable.header().to().stream().map(this::name).toList()));
        }
        if (!cable.header().info().isEmpty()) {
            lines.add(new CableView.Addressees("Info", cable.header().info().stream().map(this::name).toList()));
        }
        return lines;
    }

    private String name(Recipient r) {
        String name = names.name(r);
        return r.route().isEmpty() || name.equals(r.route()) ? name : name + " (" + r.route() + ")";
    }

    /** The page of every cable the REF lines cite: its own page when public, else the not-public page. */
    private static Map<String, String> cited(PublicArchive.View archive, Cable cable) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (Reference r : cable.references()) {
            if (r.isCable() && ID.matcher(r.id()).matches()) {
                ids.add(r.id());
            }
        }
        Map<String, String> pages = new HashMap<>();
        if (ids.isEmpty()) {
            return pages;
        }
        for (String id : ids) {
            pages.put(id, Urls.cableById(id));
        }
        for (Hit h : search(archive, new SearchRequest.IdIn(ids), ids.size())) {
            String url = Urls.cable(h.id(), h.created());
            if (ids.contains(h.canonicalId())) {
                pages.put(h.canonicalId(), url);
            }
            if (ids.contains(h.id())) {
                pages.put(h.id(), url);
            }
        }
        return pages;
    }

    private static List<Row> citedBy(PublicArchive.View archive, String id, Snapshot s) throws IOException {
        return search(archive, new SearchRequest.Cites(id), CITED_BY_SHOWN).stream().map(h -> Rows.of(h, s)).toList();
    }

    /** The cables meeting a typed condition, oldest first (issue 10: was query text, id:(A OR B), cites:A). */
    private static List<Hit> search(PublicArchive.View archive, SearchRequest.Condition condition, int limit)
            throws IOException {
        try {
            return archive.search(new SearchRequest("", List.of(), List.of(condition), SortOrder.CREATED_OLDEST, 0,
                    Math.min(limit, SearchRequest.MAX_LIMIT), Optional.empty(), EnumSet.noneOf(Facet.class), 1)).hits();
        } catch (BadQueryException e) {
            throw new IllegalStateException("a request without query text is always valid: " + condition, e);
        }
    }

    /**
     * The page at the URL of a cable that is not public. Built from public cables only (those that cite the id), so it
     * is the same for an id that is unreleased, unknown or malformed: nothing tells them apart.
     */
    byte[] unpublished(PublicArchive.View archive, String id, Snapshot s) throws IOException {
        List<UnpublishedView.Citation> citations = new ArrayList<>();
        if (ID.matcher(id).matches()) {
            for (Hit h : search(archive, new SearchRequest.Cites(id), 50)) {
                Optional<PublicCable> citing = archive.get(h.id());
                if (citing.isEmpty()) {
                    continue;
                }
                PublicCable c = citing.get();
                Cable parsed = c.parsed();
                for (Reference r : parsed.references()) {
                    if (r.id().equals(id)) {
                        citations.add(new UnpublishedView.Citation(new Link(Urls.cable(c.id(), c.created()), c.id()),
                                c.subject(), r.text()));
                        break;
                    }
                }
            }
        }
        return templates.render("unpublished.jte", new UnpublishedView(
                s.chrome.unplaced("Cable " + id + " is not public — Cablegate",
                        "Cable " + id + " is not public; what the public cables that cite it say of it."), id, citations));
    }

}
