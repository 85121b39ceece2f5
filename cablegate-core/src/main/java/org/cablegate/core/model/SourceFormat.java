package org.cablegate.core.model;

/** The formats the archive comes in. Each has one reader in {@code org.cablegate.core.read}. */
public enum SourceFormat {
    /** The September 2011 full release: 8 quoted columns, {@code \"} and {@code \'} escapes. */
    CSV,
    /** A cable page of the original 2010–2011 site: top box, then header and body in two {@code <pre>} blocks. */
    SITE_PAGE,
    /** A cable as quoted in articles: header lines, a blank line, then the body. */
    PLAIN_TEXT
}
