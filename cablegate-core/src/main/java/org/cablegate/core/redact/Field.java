package org.cablegate.core.redact;

/** Which text of a cable a span lies in: offsets count from the start of that text. */
public enum Field {
    /** The routing header, {@code SourceCable.header()}. */
    HEADER,
    /** The body, {@code SourceCable.body()}. */
    BODY
}
