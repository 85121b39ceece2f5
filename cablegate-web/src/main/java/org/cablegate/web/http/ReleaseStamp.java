package org.cablegate.web.http;

import java.util.Objects;

/**
 * Which release an answer is of: its number, sent with every page and data answer as {@value #HEADER}, and when it was
 * published, as an HTTP date (the Last-Modified). A reader or a test can then check that what an answer shows (the
 * counter, a total) is of the release it names (issue 13: releases committed under a flood of readers).
 *
 * @param release      the release, 0 before the first
 * @param lastModified when it was published, as an HTTP date
 */
public record ReleaseStamp(long release, String lastModified) {
    public static final String HEADER = "X-Cablegate-Release";

    public ReleaseStamp {
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
