package org.cablegate.archive.index;

/** The dimensions the public archive counts hits by, and filters on by exact value. */
public enum Facet {
    ORIGIN,
    TAG,
    CLASSIFICATION,
    /** The creation year, {@code 2009}. */
    YEAR
}
