package org.cablegate.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The public release log, {@code /releases.html}: every release, newest first.
 *
 * @param chrome   the page around it
 * @param releases the rows
 */
public record ReleasesView(Chrome chrome, List<Row> releases) {
    public ReleasesView {
        releases = List.copyOf(releases);
    }

    /** One release: its number, name, time, counts, and the listing of its release day if it made cables public. */
    public record Row(long number, String name, String time, long added, long changed, long withdrawn, Optional<Link> day) {}
}
