package org.cablegate.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as the site renders it: status, type and bytes, plus where a redirect points. A page depends on its URL
 * and the archive's release only, never on the request, so the same bytes can be cached, sent to every reader and
 * written to a file by a static exporter.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header
 * @param body        the bytes sent
 * @param location    the target of a redirect, else empty
 * @param stamp       the release it was rendered from, once the site has said so ({@link #stamped})
 */
public record Page(int status, String contentType, byte[] body, Optional<String> location,
        Optional<ReleaseStamp> stamp) {
    public static final String HTML = "text/html;charset=utf-8";
    public static final String TEXT = "text/plain;charset=utf-8";
    public static final String CSS = "text/css;charset=utf-8";

    public Page {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(stamp, "stamp");
    }

    public Page(int status, String contentType, byte[] body, Optional<String> location) {
        this(status, contentType, body, location, Optional.empty());
    }

    /** This page as rendered from a release: what its headers say it is of. */
    public Page stamped(ReleaseStamp release) {
        return new Page(status, contentType, body, location, Optional.of(release));
    }

    public static Page html(int status, byte[] body) {
        return new Page(status, HTML, body, Optional.empty());
    }

    public static Page text(String text) {
        return new Page(200, TEXT, text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** A permanent redirect: the old site's links and a cable's short URL lead to its page. */
    public static Page movedTo(String location) {
        String shown = location.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return new Page(301, HTML, ("<!DOCTYPE html><title>Moved</title><a href=\"" + shown + "\">" + shown + "</a>")
                .getBytes(StandardCharsets.UTF_8), Optional.of(location));
    }
}
