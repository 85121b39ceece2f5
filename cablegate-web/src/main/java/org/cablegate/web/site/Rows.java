package org.cablegate.web.site;

import java.time.LocalDateTime;
import org.cablegate.archive.index.Hit;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.Row;
import org.cablegate.web.url.Urls;

/** A hit as a row of a listing, every column a link to the listing it belongs to. */
final class Rows {
    private Rows() {}

    static Row of(Hit h, Snapshot s) {
        return new Row(new Link(Urls.cable(h.id(), h.created()), h.id()), h.subject(),
                new Link(Urls.month(month(h.created()), 0), h.created().toLocalDate().toString()),
                new Link(Urls.releaseDay(h.released().toLocalDate().toString(), 0), h.released().toLocalDate().toString()),
                new Link(Urls.classification(s.classificationSlugs.slug(h.classification()), 0), h.classification()),
                new Link(Urls.origin(s.originSlugs.slug(h.origin()), 0), h.origin()));
    }

    static String month(LocalDateTime t) {
        return String.format("%04d-%02d", t.getYear(), t.getMonthValue());
    }

    /** {@code 2008-06-10 11:11}, as the top box of the 2011 site showed times. */
    static String minute(LocalDateTime t) {
        return t.toLocalDate() + " " + String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
