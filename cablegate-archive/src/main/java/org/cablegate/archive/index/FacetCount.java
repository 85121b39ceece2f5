package org.cablegate.archive.index;

import java.util.Objects;

/** One value of a facet with the number of hits that carry it. */
public record FacetCount(String value, long count) {
    public FacetCount {
        Objects.requireNonNull(value, "value");
    }
}
