package org.cablegate.web.view;

import java.util.List;
import java.util.Objects;

/**
 * What the site says of the release as a whole, on every page as the 2010 site showed it ("Currently released so
 * far... 5420 / 251,287" above "Browse latest releases"), but as one small page that every other page frames
 * ({@code /release-box.html}). A release changes this page and the pages of what it touches, not every page: an
 * export after a release of 1,000 cables rewrites that much, and the delta a mirror downloads carries that much.
 *
 * @param released   cables released so far, formatted ({@code 6,712})
 * @param setSize    cables in the whole set, formatted ({@code 251,287})
 * @param latestDays the most recent release days, newest first
 */
public record ReleaseBox(String released, String setSize, List<Link> latestDays) {
    /** Where the box is served, and what every page's frame loads. */
    public static final String PATH = "/release-box.html";

    public ReleaseBox {
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(setSize, "setSize");
        latestDays = List.copyOf(latestDays);
    }
}
