package org.cablegate.archive.index;

/** The dimensions the public archive counts hits by, and filters on by exact value. */
public enum Facet {
    ORIGIN,
    TAG,
    CLASSIFICATION,
    /** The creation year, {@code 2009}. */
    YEAR,
    /** The creation month, {@code 2008-06}: the browse pages by date. */
    CREATED_MONTH,
    /** The day of release, {@code 2010-11-28}: the browse pages by release. */
    RELEASED_DAY
}
