package org.cablegate.web.view;

import java.util.List;

/**
 * A bar chart drawn as inline SVG: no script, no image request; one image with a title for screen readers, its bars
 * titled for pointer users. The bars are not links: hundreds of tab stops would bury the page for keyboard users, and
 * every period is a link in the index or the facets anyway.
 *
 * @param label   what it counts, for the accessible name
 * @param width   view box width
 * @param height  view box height
 * @param bars    one per period with cables
 * @param first   the first period's label, under the left end
 * @param last    the last period's label, under the right end
 * @param peak    the highest count, on the axis
 */
public record Histogram(String label, int width, int height, List<Bar> bars, String first, String last, long peak) {
    public Histogram {
        bars = List.copyOf(bars);
    }

    /** One bar: its box in view box units and what it stands for ({@code 2008-06: 12 cables}). */
    public record Bar(double x, double y, double width, double height, String title) {}

    public boolean empty() {
        return bars.isEmpty();
    }
}
