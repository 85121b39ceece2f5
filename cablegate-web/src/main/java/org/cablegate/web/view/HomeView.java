package org.cablegate.web.view;

import java.util.List;

/**
 * The front page: what the archive is, the latest release's cables, and where to start.
 *
 * @param chrome    the page around it
 * @param latestDay the latest release day, or empty before the first release
 * @param latest    cables of the latest release day (the first page of them)
 * @param histogram every released cable by creation month
 */
public record HomeView(Chrome chrome, String latestDay, Link latestAll, List<Row> latest, Histogram histogram) {
    public HomeView {
        latest = List.copyOf(latest);
    }
}
