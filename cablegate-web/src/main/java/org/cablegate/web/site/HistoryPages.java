package org.cablegate.web.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicRelease;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.core.diff.WordDiff;
import org.cablegate.web.view.HistoryView;
import org.cablegate.web.view.Link;
import org.cablegate.web.view.ReleasesView;
import org.cablegate.web.view.WithdrawnView;
import org.cablegate.web.url.Urls;

/**
 * What the site shows of public changes: a cable's history with word diffs between its public versions, the page of
 * a withdrawn cable, and the public release log. Everything here comes from the public archive, so a diff only ever
 * compares public texts: a redacted word shows as the site's mark, never as the word.
 */
final class HistoryPages {
    private final Templates templates;

    HistoryPages(Templates templates) {
        this.templates = templates;
    }

    /**
     * The history page. Without a choice it compares the current version with the public one before it; {@code from}
     * and {@code to} choose two versions.
     *
     * @return empty when {@code from} or {@code to} names no public version with a text
     */
    Optional<byte[]> history(PublicCable c, Optional<Integer> from, Optional<Integer> to, Snapshot s) {
        List<PublicVersion> versions = c.history();
        List<Integer> choices = new ArrayList<>();
        for (PublicVersion v : versions) {
            if (v.kind().isPublic()) {
                choices.add(v.number());
            }
        }
        int last = choices.isEmpty() ? 0 : choices.get(choices.size() - 1);
        int defaultFrom = choices.size() > 1 ? choices.get(choices.size() - 2) : 0;
        int a = from.orElse(defaultFrom);
        int b = to.orElse(last);
        if ((from.isPresent() || to.isPresent()) && (!choices.contains(a) || !choices.contains(b))) {
            return Optional.empty();
        }
        List<HistoryView.Version> rows = new ArrayList<>();
        int previous = 0;
        for (PublicVersion v : versions) {
            Optional<Link> diff = v.kind().isPublic() && previous > 0
                    ? Optional.of(new Link(Urls.cableDiff(c.id(), c.created(), previous, v.number()),
                            "compare with version " + previous))
                    : Optional.empty();
            rows.add(new HistoryView.Version(v.number(), Rows.minute(v.time()), v.kind().words(),
                    new Link("/releases.html#release-" + v.release(), "release " + v.release()), diff));
            if (v.kind().isPublic()) {
                previous = v.number();
            }
        }
        List<HistoryView.DiffRun> runs = new ArrayList<>();
        if (a > 0) {
            PublicVersion before = versions.get(a - 1);
            PublicVersion after = versions.get(b - 1);
            for (WordDiff.Run r : WordDiff.diff(before.header() + "\n\n" + before.body(),
                    after.header() + "\n\n" + after.body())) {
                runs.add(new HistoryView.DiffRun(switch (r.op()) {
                    case EQUAL -> "same";
                    case INSERT -> "ins";
                    case DELETE -> "del";
                }, r.text()));
            }
        }
        String self = Urls.cableHistory(c.id(), c.created());
        String title = "Public versions of cable " + c.id() + " — Cablegate";
        String description = "Every public version of cable " + c.id() + ", with the words that changed between them.";
        return Optional.of(templates.render("history.jte", new HistoryView(
                from.isPresent() || to.isPresent() ? s.chrome.unplaced(title, description)
                        : s.chrome.page(title, self, description),
                c.id(), new Link(Urls.cable(c.id(), c.created()), c.id()), rows, a, b, runs, choices)));
    }

    /** The page at the URL of a withdrawn cable. */
    byte[] withdrawn(WithdrawnCable w, Snapshot s) {
        return templates.render("withdrawn.jte", new WithdrawnView(s.chrome.unplaced("Cable " + w.id()
                + " was withdrawn — Cablegate", "Cable " + w.id() + " was withdrawn from the public archive."),
                w.id(), Rows.minute(w.withdrawn())));
    }

    /** The public release log, newest first. */
    byte[] releases(List<PublicRelease> log, Snapshot s) {
        List<ReleasesView.Row> rows = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            PublicRelease r = log.get(i);
            // Only a release that made cables public has a listing of its day (a change keeps the first release time).
            Optional<Link> day = r.added() > 0
                    ? Optional.of(new Link(Urls.releaseDay(r.time().toLocalDate().toString(), 0), "cables released that day"))
                    : Optional.empty();
            rows.add(new ReleasesView.Row(r.number(), r.name(), Rows.minute(r.time()), r.added(), r.changed(),
                    r.withdrawn(), day));
        }
        return templates.render("releases.jte", new ReleasesView(s.chrome.page("Releases — Cablegate",
                "/releases.html", "Every release of the public archive: new, changed and withdrawn cables."), rows));
    }
}
