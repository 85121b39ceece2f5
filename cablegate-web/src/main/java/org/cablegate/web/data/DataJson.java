package org.cablegate.web.data;

import java.util.List;
import java.util.Map;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicRelease;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.web.search.SearchQuery;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.web.url.Urls;
import org.cablegate.core.model.Cable;

/** The JSON of the API, written field by field with the project's streaming writer: no mapping by reflection. */
final class DataJson {
    private DataJson() {}

    /** A hit as in search answers and JSON Lines downloads. */
    static void hit(Hit h, SiteUrls urls, JsonWriter w) {
        w.beginObject();
        w.name("id").value(h.id());
        w.name("canonicalId").value(h.canonicalId());
        w.name("created").value(h.created().format(CableJson.MINUTES));
        w.name("released").value(h.released().format(CableJson.MINUTES));
        w.name("classification").value(h.classification());
        w.name("origin").value(h.origin());
        w.name("subject").value(h.subject());
        w.name("tags");
        strings(h.tags(), w);
        w.name("url").value(urls.cable(h.id(), h.created()));
        w.endObject();
    }

    /** A page of a search or listing; {@code listing} is null for a search. */
    static void page(SearchRequest request, SearchResult result, Listing listing, SiteUrls urls, JsonWriter w) {
        w.beginObject();
        if (listing == null) {
            w.name("query").value(request.query());
            w.name("filters").beginArray();
            for (SearchRequest.Filter f : request.filters()) {
                w.beginObject().name("facet").value(SearchQuery.label(f.facet())).name("value").value(f.value()).endObject();
            }
            w.endArray();
        } else {
            w.name("listing").beginObject()
                    .name("kind").value(listing.kind().label())
                    .name("key").value(listing.key())
                    .name("value").value(listing.value())
                    .endObject();
        }
        w.name("sort").value(SearchQuery.label(request.sort()));
        w.name("total").value(result.total());
        w.name("totalExact").value(result.totalExact());
        w.name("hits").beginArray();
        for (Hit h : result.hits()) {
            hit(h, urls, w);
        }
        w.endArray();
        w.name("facets").beginObject();
        for (Map.Entry<Facet, List<FacetCount>> e : result.facets().entrySet()) {
            w.name(SearchQuery.label(e.getKey())).beginArray();
            for (FacetCount c : e.getValue()) {
                w.beginObject().name("value").value(c.value()).name("count").value(c.count()).endObject();
            }
            w.endArray();
        }
        w.endObject();
        w.name("nextCursor").value(result.nextCursor().orElse(null));
        w.endObject();
    }

    /** A cable: what the archive holds about it, and the whole parse of its text. */
    static void cable(PublicCable c, Cable parsed, SiteUrls urls, JsonWriter w) {
        w.beginObject();
        w.name("id").value(c.id());
        w.name("version").value(c.version());
        w.name("released").value(c.released().format(CableJson.MINUTES));
        w.name("url").value(urls.cable(c.id(), c.created()));
        w.name("cites");
        strings(c.cites(), w);
        w.name("cable");
        CableJson.write(parsed, w, true);
        w.endObject();
    }

    /** A cable's public versions, oldest first, each with its public text (a withdrawal has none). */
    static void history(PublicCable c, SiteUrls urls, JsonWriter w) {
        w.beginObject();
        w.name("id").value(c.id());
        w.name("url").value(urls.cable(c.id(), c.created()));
        w.name("historyUrl").value(urls.of(Urls.cableHistory(c.id(), c.created())));
        w.name("versions").beginArray();
        for (PublicVersion v : c.history()) {
            w.beginObject();
            w.name("number").value(v.number());
            w.name("release").value(v.release());
            w.name("time").value(v.time().format(CableJson.MINUTES));
            w.name("kind").value(v.kind().words());
            if (v.kind().isPublic()) {
                w.name("header").value(v.header());
                w.name("body").value(v.body());
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    /** The public release log, oldest first, and every withdrawn cable. */
    static void releases(List<PublicRelease> releases, List<WithdrawnCable> withdrawn, SiteUrls urls, JsonWriter w) {
        w.beginObject();
        w.name("releases").beginArray();
        for (PublicRelease r : releases) {
            w.beginObject();
            w.name("number").value(r.number());
            w.name("name").value(r.name());
            w.name("time").value(r.time().format(CableJson.MINUTES));
            w.name("added").value(r.added());
            w.name("changed").value(r.changed());
            w.name("withdrawn").value(r.withdrawn());
            w.endObject();
        }
        w.endArray();
        w.name("withdrawn").beginArray();
        for (WithdrawnCable c : withdrawn) {
            w.beginObject();
            w.name("id").value(c.id());
            w.name("url").value(urls.cable(c.id(), c.created()));
            w.name("withdrawn").value(c.withdrawn().format(CableJson.MINUTES));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    static void status(long released, long setSize, ReleaseView view, JsonWriter w) {
        w.beginObject();
        w.name("released").value(released);
        w.name("setSize").value(setSize);
        w.name("lastRelease").value(view.release());
        w.name("lastReleaseTime").value(view.release() == 0 ? null : view.time().format(CableJson.MINUTES));
        w.endObject();
    }

    private static void strings(List<String> values, JsonWriter w) {
        w.beginArray();
        for (String s : values) {
            w.value(s);
        }
        w.endArray();
    }
}
