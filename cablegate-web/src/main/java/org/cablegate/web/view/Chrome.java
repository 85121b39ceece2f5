package org.cablegate.web.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every page shows around its content: the title and what describes the page to search engines and to the
 * previews of shared links, and the navigation. What changes with every release (the counter and the latest release
 * days) is not here but in the {@link ReleaseBox}, which every page frames: so a release leaves the pages of the
 * cables it does not touch byte for byte as they were, and a mirror's delta carries only what changed.
 *
 * @param title       the document title
 * @param canonical   the page's absolute URL, for pages that are the one place of what they show (a cable, a listing
 *                    page); empty for searches and errors
 * @param description one or two sentences on the page, for previews of a shared link
 * @param article     whether the page is one document (a cable) rather than a page of the site
 * @param siteUrl     where readers reach the site, {@code https://cablegate.example}, without a final slash
 * @param nav         the browse navigation
 */
public record Chrome(String title, Optional<String> canonical, String description, boolean article, String siteUrl,
        Nav nav) {
    public Chrome {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(siteUrl, "siteUrl");
        Objects.requireNonNull(nav, "nav");
    }

    /** The chrome of a release, before any page: {@link #page} or {@link #unplaced} make a page's. */
    public static Chrome of(String siteUrl, Nav nav) {
        String site = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return new Chrome("Cablegate", Optional.empty(), "", false, site, nav);
    }

    /**
     * The browse navigation, the same on every page of a release. It links to the index of each dimension rather
     * than listing every value, as the 2011 sidebar did: that sidebar was most of each page's 70 KB. It changes only
     * when a release brings the first cable of a new year, origin letter, tag letter or classification.
     *
     * @param years           creation years, each to its place in the index by month
     * @param originLetters   A–Z into the origin index
     * @param tagLetters      A–Z into the tag index
     * @param classifications every classification
     */
    public record Nav(List<Link> years, List<Link> originLetters, List<Link> tagLetters,
            List<Link> classifications) {
        public Nav {
            years = List.copyOf(years);
            originLetters = List.copyOf(originLetters);
            tagLetters = List.copyOf(tagLetters);
            classifications = List.copyOf(classifications);
        }
    }

    /** A page of the site at {@code path}, its canonical place. */
    public Chrome page(String newTitle, String path, String newDescription) {
        return new Chrome(newTitle, Optional.of(siteUrl + path), newDescription, false, siteUrl, nav);
    }

    /** A cable's page at {@code path}: one document, an article to the previews of shared links. */
    public Chrome article(String newTitle, String path, String newDescription) {
        return new Chrome(newTitle, Optional.of(siteUrl + path), newDescription, true, siteUrl, nav);
    }

    /** A page that is no canonical place of anything: a search, an error. */
    public Chrome unplaced(String newTitle, String newDescription) {
        return new Chrome(newTitle, Optional.empty(), newDescription, false, siteUrl, nav);
    }
}
