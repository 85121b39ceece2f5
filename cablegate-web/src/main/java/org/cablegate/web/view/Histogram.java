package org.cablegate.web.view;

import java.util.List;

/**
 * A bar chart drawn as inline SVG: no script, no image request, readable by screen readers through its title and
 * the table-like description.
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
    public record Bar(double x, double y, double width, double height, String title, String href) {}

    public boolean empty() {
        return bars.isEmpty();
    }
}
