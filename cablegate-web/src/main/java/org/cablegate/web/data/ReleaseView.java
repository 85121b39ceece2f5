package org.cablegate.web.data;

import java.io.IOException;
import java.time.LocalDateTime;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * What every answer of one release shares: the release number (the ETag's root), the time of its newest cable (the
 * Last-Modified), and its origins and classifications. Computed once per release.
 *
 * @param release the archive's last release, 0 before the first
 * @param time    the newest release time of a public cable; 1970-01-01 before the first release
 * @param values  the released origins and classifications, with their path names
 */
record ReleaseView(long release, LocalDateTime time, ReleasedValues values) {
    static final LocalDateTime BEFORE_ANY_RELEASE = LocalDateTime.of(1970, 1, 1, 0, 0);

    static ReleaseView load(PublicArchive archive, long release) throws IOException {
        SearchResult newest;
        try {
            newest = archive.search(SearchRequest.of("").withLimit(1).withSort(SortOrder.RELEASED_NEWEST));
        } catch (BadQueryException e) {
            throw new IllegalStateException("the empty query always parses", e);
        }
        LocalDateTime time = newest.hits().isEmpty() ? BEFORE_ANY_RELEASE : newest.hits().get(0).released();
        return new ReleaseView(release, time, ReleasedValues.of(archive));
    }

    /** Keeps the view of the newest release, reloading it when a release has been published. */
    static final class Current {
        private final PublicArchive archive;
        private volatile ReleaseView view;

        Current(PublicArchive archive) {
            this.archive = archive;
        }

        ReleaseView get() throws IOException {
            long release = archive.lastRelease();
            ReleaseView v = view;
            if (v == null || v.release() != release) {
                v = load(archive, release);
                view = v;
            }
            return v;
        }
    }
}
