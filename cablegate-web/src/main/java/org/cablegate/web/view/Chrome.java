package org.cablegate.web.view;

import java.util.List;
import java.util.Objects;

/**
 * What every page shows around its content: the title, the release counter and the navigation.
 *
 * @param title    the document title
 * @param released cables released so far, formatted ({@code 6,712})
 * @param setSize  cables in the whole set, formatted ({@code 251,287})
 * @param nav      the browse navigation
 */
public record Chrome(String title, String released, String setSize, Nav nav) {
    public Chrome {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(setSize, "setSize");
        Objects.requireNonNull(nav, "nav");
    }

    /**
     * The browse navigation, the same on every page of a release. It links to the index of each dimension rather
     * than listing every value, as the 2011 sidebar did: that sidebar was most of each page's 70 KB.
     *
     * @param latestDays      the most recent release days
     * @param years           creation years, each to its place in the index by month
     * @param originLetters   A–Z into the origin index
     * @param tagLetters      A–Z into the tag index
     * @param classifications every classification
     */
    public record Nav(List<Link> latestDays, List<Link> years, List<Link> originLetters, List<Link> tagLetters,
            List<Link> classifications) {
        public Nav {
            latestDays = List.copyOf(latestDays);
            years = List.copyOf(years);
            originLetters = List.copyOf(originLetters);
            tagLetters = List.copyOf(tagLetters);
            classifications = List.copyOf(classifications);
        }
    }

    public Chrome withTitle(String newTitle) {
        return new Chrome(newTitle, released, setSize, nav);
    }
}
