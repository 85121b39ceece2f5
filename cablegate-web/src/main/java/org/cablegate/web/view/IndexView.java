package org.cablegate.web.view;

import java.util.List;

/**
 * The index of one browse dimension: every value with its count, in groups (by letter, by year, by month).
 *
 * @param chrome  the page around it
 * @param heading {@code Browse by origin}
 * @param groups  the groups, each with an anchor the navigation links to
 */
public record IndexView(Chrome chrome, String heading, List<Group> groups) {
    public IndexView {
        groups = List.copyOf(groups);
    }

    public record Group(String anchor, String title, List<Entry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    public record Entry(Link link, String count) {}
}
