package org.cablegate.archive.index;

/** The dimensions the public archive counts hits by, and filters on by exact value. */
public enum Facet {
    ORIGIN,
    TAG,
    CLASSIFICATION,
    /** The creation year, {@code 2009}. */
    YEAR,
    /** The creation month, {@code 2008-06}: the histograms of listings and the browse-by-date index. */
    CREATED_MONTH,
    /** The release day, {@code 2010-11-28}: the browse-by-release index. */
    RELEASED_DAY
}
