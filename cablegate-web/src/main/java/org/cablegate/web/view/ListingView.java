package org.cablegate.web.view;

import java.util.List;

/**
 * A listing page: {@code /tag/PREL_0.html} and its kin, 50 cables a page, oldest first.
 *
 * @param chrome    the page around it
 * @param heading   {@code Browse by tag PREL}
 * @param notes     lines that explain the listing (what a tag means), may be empty
 * @param total     cables in the whole listing, formatted
 * @param rows      this page's cables
 * @param pager     the pages
 * @param histogram the listing's cables by creation month
 */
public record ListingView(Chrome chrome, String heading, List<String> notes, String total, List<Row> rows,
        Pager pager, Histogram histogram) {
    public ListingView {
        notes = List.copyOf(notes);
        rows = List.copyOf(rows);
    }
}
