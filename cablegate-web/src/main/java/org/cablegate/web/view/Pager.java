package org.cablegate.web.view;

import java.util.List;
import java.util.Optional;

/**
 * Links to the pages of a listing: first, previous, a window around the current one, next, last.
 *
 * @param pages    the numbered links shown, the current one among them
 * @param current  the current page's number as shown (1-based)
 * @param previous the page before, if any
 * @param next     the page after, if any
 */
public record Pager(List<Link> pages, int current, Optional<Link> previous, Optional<Link> next) {
    public Pager {
        pages = List.copyOf(pages);
    }

    public boolean needed() {
        return pages.size() > 1;
    }
}
