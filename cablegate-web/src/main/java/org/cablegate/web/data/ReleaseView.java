package org.cablegate.web.data;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * One answer's release: the archive held at that release, and what every answer of the release shares, computed once
 * per release: its number (the ETag's root), the time of its newest cable (the Last-Modified), its origins and
 * classifications. Closing it lets the archive move on.
 *
 * @param archive the public archive, held at this release
 * @param release the release, 0 before the first
 * @param time    the newest release time of a public cable; 1970-01-01 before the first release
 * @param values  the released origins and classifications, with their path names
 * @param published when the release was published (the Last-Modified), strictly later for each release; empty
 *                  before the first release or for an index older than that record
 * @param search    what answers a reader's search, its downloads and its feed: this release of the archive, or the
 *                  cluster {@code serve --search} names (listings, cables and counts always read the archive)
 */
record ReleaseView(PublicArchive.View archive, long release, LocalDateTime time, ReleasedValues values,
        Optional<Instant> published, SearchBackend search) implements AutoCloseable {
    static final LocalDateTime BEFORE_ANY_RELEASE = LocalDateTime.of(1970, 1, 1, 0, 0);

    @Override
    public void close() throws IOException {
        archive.close();
    }

    /** What a release's answers share. */
    private record Shared(long release, LocalDateTime time, ReleasedValues values, Optional<Instant> published) {
        static Shared load(PublicArchive.View archive) throws IOException {
            SearchResult newest;
            try {
                newest = archive.search(SearchRequest.of("").withLimit(1).withSort(SortOrder.RELEASED_NEWEST));
            } catch (BadQueryException e) {
                throw new IllegalStateException("the empty query always parses", e);
            }
            LocalDateTime time = newest.hits().isEmpty() ? BEFORE_ANY_RELEASE : newest.hits().get(0).released();
            return new Shared(archive.lastRelease(), time, ReleasedValues.of(archive), archive.published());
        }
    }

    /** Opens views of the archive's current release, reusing what the release's answers share. */
    static final class Current {
        private final PublicArchive archive;
        private final Optional<SearchBackend> search;
        private volatile Shared shared;

        Current(PublicArchive archive, Optional<SearchBackend> search) {
            this.archive = archive;
            this.search = search;
        }

        ReleaseView open() throws IOException {
            PublicArchive.View held = archive.view();
            try {
                Shared s = shared;
                if (s == null || s.release() != held.lastRelease()) {
                    s = Shared.load(held);
                    shared = s;
                }
                return new ReleaseView(held, s.release(), s.time(), s.values(), s.published(),
                        search.isPresent() ? search.get() : held);
            } catch (IOException | RuntimeException e) {
                held.close();
                throw e;
            }
        }
    }
}
