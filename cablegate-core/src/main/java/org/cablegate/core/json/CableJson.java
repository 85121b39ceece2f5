package org.cablegate.core.json;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.Reference;

/** Writes a {@link Cable} as the JSON object that {@code cablegate parse} prints and the API serves. */
public final class CableJson {
    /** ISO local date-time to the minute: {@code 2008-06-10T11:11}. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private CableJson() {}

    public static String toJson(Cable cable, boolean pretty) {
        StringBuilder sb = new StringBuilder(cable.bodyText().length() * 2 + 1024);
        write(cable, new JsonWriter(sb, pretty), true);
        return sb.toString();
    }

    /** Writes the cable; with {@code withText} false the raw header and body texts are left out. */
    public static void write(Cable c, JsonWriter w, boolean withText) {
        w.beginObject();
        w.name("id").value(c.id());
        w.name("canonicalId").value(c.canonicalId());
        w.name("created").value(c.created().format(MINUTES));
        w.name("released").value(minutes(c.released()));
        w.name("classification").value(c.classification());
        w.name("origin").value(c.origin());
        w.name("partial").value(c.partial());
        w.name("header");
        header(c.header(), w);
        w.name("tags");
        strings(c.tags(), w);
        w.name("tagsAsWritten");
        strings(c.tagsAsWritten(), w);
        w.name("subject").value(c.subject());
        w.name("references").beginArray();
        for (Reference r : c.references()) {
            w.beginObject().name("bullet").value(r.bullet()).name("id").value(r.id()).name("text").value(r.text()).endObject();
        }
        w.endArray();
        w.name("declassify").value(c.declassify().map(Object::toString).orElse(null));
        w.name("classifiedBy").value(c.classifiedBy());
        w.name("reasons");
        strings(c.reasons(), w);
        w.name("paragraphs").beginArray();
        for (Paragraph p : c.paragraphs()) {
            w.beginObject().name("number").value(p.number()).name("marking").value(p.marking())
                    .name("text").value(p.text()).endObject();
        }
        w.endArray();
        w.name("summary").value(c.summary());
        w.name("comment").value(c.comment());
        w.name("signer").value(c.signer());
        w.name("issues").beginArray();
        for (ParseIssue i : c.issues()) {
            w.beginObject().name("kind").value(i.kind().name()).name("message").value(i.message())
                    .name("offset").value(i.offset()).endObject();
        }
        w.endArray();
        if (withText) {
            w.name("headerText").value(c.headerText());
            w.name("bodyText").value(c.bodyText());
        }
        w.endObject();
    }

    private static String minutes(Optional<LocalDateTime> t) {
        return t.map(x -> x.format(MINUTES)).orElse(null);
    }

    private static void header(Header h, JsonWriter w) {
        w.beginObject();
        w.name("transmissionId").value(h.transmissionId());
        w.name("precedence").value(h.precedence());
        w.name("dtg").value(h.dtg());
        w.name("from").value(h.from());
        w.name("to");
        recipients(h.to(), w);
        w.name("info");
        recipients(h.info(), w);
        w.endObject();
    }

    private static void orNull(String value, JsonWriter w) {
        if (value.isEmpty()) {
            w.nullValue();
        } else {
            w.value(value);
        }
    }

    private static void recipients(List<Recipient> list, JsonWriter w) {
        w.beginArray();
        for (Recipient r : list) {
            // An absent route, precedence or MCN is null, not "" (issue 11): a consumer can tell none from empty text.
            w.beginObject();
            w.name("route");
            orNull(r.route(), w);
            w.name("name").value(r.name());
            w.name("precedence");
            orNull(r.precedence(), w);
            w.name("mcn");
            orNull(r.mcn(), w);
            if (!r.excluded().isEmpty()) {
                w.name("excluded").beginArray();
                for (String post : r.excluded()) {
                    w.value(post);
                }
                w.endArray();
            }
            w.endObject();
        }
        w.endArray();
    }

    private static void strings(List<String> list, JsonWriter w) {
        w.beginArray();
        for (String s : list) {
            w.value(s);
        }
        w.endArray();
    }
}
