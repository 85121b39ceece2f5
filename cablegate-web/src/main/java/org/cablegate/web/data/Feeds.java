package org.cablegate.web.data;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicRelease;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.search.SearchQuery;
import org.cablegate.core.json.CableJson;
import org.cablegate.web.url.Urls;

/**
 * Atom feeds (RFC 4287) of the newest releases: of everything, of a tag, of an origin, of any search. Entries are the
 * {@value #ENTRIES} cables released last, newest first; each links to its page on the site.
 */
final class Feeds {
    static final int ENTRIES = 50;

    private final SiteUrls urls;

    Feeds(SiteUrls urls) {
        this.urls = urls;
    }

    void latest(Context ctx, ReleaseView view) throws IOException, BadQueryException {
        feed(ctx, view, SearchRequest.of(""), "/feed/latest.atom", "Cablegate: latest releases", urls.of("/"));
    }

    void tag(Context ctx, ReleaseView view) throws IOException, BadQueryException, NotFound {
        Listing tag = Listing.named(Listing.Kind.TAG, ctx.pathParam("tag"), view.values());
        String key = Urls.segment(tag.key());
        feed(ctx, view, SearchRequest.of("").withFilter(Facet.TAG, tag.value()), "/feed/tag/" + key + ".atom",
                "Cablegate: tag " + tag.value(), urls.of("/tag/" + key + "_0.html"));
    }

    void origin(Context ctx, ReleaseView view) throws IOException, BadQueryException, NotFound {
        Listing origin = Listing.named(Listing.Kind.ORIGIN, ctx.pathParam("slug"), view.values());
        feed(ctx, view, SearchRequest.of("").withFilter(Facet.ORIGIN, origin.value()),
                "/feed/origin/" + origin.key() + ".atom", "Cablegate: " + origin.value(),
                urls.of("/origin/" + origin.key() + "_0.html"));
    }

    void search(Context ctx, ReleaseView view) throws IOException, BadQueryException {
        SearchRequest request = SearchQuery.search(ctx.queryParamMap(), ENTRIES);
        String query = ctx.req().getQueryString();
        String suffix = query == null ? "" : "?" + query;
        String q = request.query();
        feed(ctx, view, view.search(), request, "/feed/search.atom" + suffix, "Cablegate: search " + (q.isBlank() ? "(everything)" : q),
                urls.of("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }

    /** The cables changed in public since their first release, the latest change first, each to its history. */
    void changes(Context ctx, ReleaseView view) throws IOException {
        List<PublicCable> changed = view.archive().changed(ENTRIES);
        LocalDateTime updated = changed.isEmpty() ? view.time() : last(changed.get(0)).time();
        StringBuilder sb = head("/feed/changes.atom", "Cablegate: changed cables", urls.of("/releases.html"), updated);
        for (PublicCable c : changed) {
            PublicVersion v = last(c);
            String url = urls.of(Urls.cableHistory(c.id(), c.created()));
            sb.append("  <entry>\n");
            element(sb, "    ", "id", url + "#" + v.number());
            element(sb, "    ", "title", c.id() + ": " + v.kind().words() + (c.subject().isEmpty() ? "" : " — " + c.subject()));
            element(sb, "    ", "updated", Xml.time(v.time()));
            link(sb, "    ", "alternate", "text/html", url);
            element(sb, "    ", "summary", "Version " + v.number() + " of " + c.id() + " (" + v.kind().words()
                    + "), published in release " + v.release() + ".");
            sb.append("  </entry>\n");
        }
        Http.send(ctx, Http.ATOM, sb.append("</feed>\n"));
    }

    /** The releases, newest first. */
    void releases(Context ctx, ReleaseView view) throws IOException {
        List<PublicRelease> log = view.archive().releases();
        LocalDateTime updated = log.isEmpty() ? view.time() : log.get(log.size() - 1).time();
        StringBuilder sb = head("/feed/releases.atom", "Cablegate: releases", urls.of("/releases.html"), updated);
        for (int i = log.size() - 1; i >= Math.max(0, log.size() - ENTRIES); i--) {
            PublicRelease r = log.get(i);
            sb.append("  <entry>\n");
            element(sb, "    ", "id", urls.of("/releases.html#release-" + r.number()));
            element(sb, "    ", "title", "Release " + r.number() + ": " + r.name());
            element(sb, "    ", "updated", Xml.time(r.time()));
            link(sb, "    ", "alternate", "text/html", urls.of("/releases.html#release-" + r.number()));
            element(sb, "    ", "summary", r.added() + " new, " + r.changed() + " changed, " + r.withdrawn()
                    + " withdrawn.");
            sb.append("  </entry>\n");
        }
        Http.send(ctx, Http.ATOM, sb.append("</feed>\n"));
    }

    private static PublicVersion last(PublicCable c) {
        return c.history().get(c.history().size() - 1);
    }

    /** The feed element up to its first entry. */
    private StringBuilder head(String path, String title, String alternate, LocalDateTime updated) {
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(sb, "  ", "id", urls.of(path));
        element(sb, "  ", "title", title);
        element(sb, "  ", "updated", Xml.time(updated));
        link(sb, "  ", "self", "application/atom+xml", urls.of(path));
        link(sb, "  ", "alternate", "text/html", alternate);
        sb.append("  <author>\n");
        element(sb, "    ", "name", "Cablegate");
        element(sb, "    ", "uri", urls.of("/"));
        sb.append("  </author>\n");
        return sb;
    }

    private void feed(Context ctx, ReleaseView view, SearchRequest base, String path, String title, String alternate)
            throws IOException, BadQueryException {
        feed(ctx, view, view.archive(), base, path, title, alternate);
    }

    /** A feed of what {@code backend} finds: the search feed asks the search backend, the others the release. */
    private void feed(Context ctx, ReleaseView view, SearchBackend backend, SearchRequest base, String path,
            String title, String alternate) throws IOException, BadQueryException {
        SearchRequest request = new SearchRequest(base.query(), base.filters(), base.conditions(), SortOrder.RELEASED_NEWEST, 0, ENTRIES,
                Optional.empty(), Set.of(), 1);
        SearchResult result = backend.search(request);
        // The feed changed when its newest entry was released; an empty one takes the release's time.
        LocalDateTime updated = result.hits().isEmpty() ? view.time() : result.hits().get(0).released();
        StringBuilder sb = head(path, title, alternate, updated);
        for (Hit h : result.hits()) {
            entry(sb, h);
        }
        sb.append("</feed>\n");
        Http.send(ctx, Http.ATOM, sb);
    }

    private void entry(StringBuilder sb, Hit h) {
        String url = urls.cable(h.id(), h.created());
        sb.append("  <entry>\n");
        element(sb, "    ", "id", url);
        element(sb, "    ", "title", h.subject().isEmpty() ? h.id() : h.id() + ": " + h.subject());
        element(sb, "    ", "updated", Xml.time(h.released()));
        link(sb, "    ", "alternate", "text/html", url);
        sb.append("    <author>\n");
        element(sb, "      ", "name", h.origin());
        sb.append("    </author>\n");
        for (String tag : h.tags()) {
            sb.append("    <category term=\"");
            Xml.text(sb, tag).append("\"/>\n");
        }
        element(sb, "    ", "summary", h.classification() + " cable from " + h.origin() + ", created "
                + h.created().format(CableJson.MINUTES).replace('T', ' ') + ", released "
                + h.released().format(CableJson.MINUTES).replace('T', ' ') + ".");
        sb.append("  </entry>\n");
    }

    private static void element(StringBuilder sb, String indent, String name, String text) {
        sb.append(indent).append('<').append(name).append('>');
        Xml.text(sb, text).append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder sb, String indent, String rel, String type, String href) {
        sb.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type).append("\" href=\"");
        Xml.text(sb, href).append("\"/>\n");
    }
}
