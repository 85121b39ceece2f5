package org.cablegate.web.view;

import java.util.Objects;

/** A link as a page shows it. */
public record Link(String href, String text) {
    public Link {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(text, "text");
    }
}
