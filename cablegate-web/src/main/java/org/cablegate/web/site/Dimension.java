package org.cablegate.web.site;

import org.cablegate.archive.index.Facet;

/** A way to browse the cables, with the directory of its pages on the 2011 site and the facet that selects them. */
enum Dimension {
    RELDATE("reldate", Facet.RELEASED_DAY, "Browse by release day"),
    DATE("date", Facet.CREATED_MONTH, "Browse by creation date"),
    TAG("tag", Facet.TAG, "Browse by tag"),
    ORIGIN("origin", Facet.ORIGIN, "Browse by origin"),
    CLASSIFICATION("classification", Facet.CLASSIFICATION, "Browse by classification");

    final String directory;
    final Facet facet;
    final String indexHeading;

    Dimension(String directory, Facet facet, String indexHeading) {
        this.directory = directory;
        this.facet = facet;
        this.indexHeading = indexHeading;
    }

    static Dimension of(String directory) {
        for (Dimension d : values()) {
            if (d.directory.equals(directory)) {
                return d;
            }
        }
        return null;
    }
}
