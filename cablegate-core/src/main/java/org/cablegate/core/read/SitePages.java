package org.cablegate.core.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Hands site pages to the sink, whatever they came from (a directory, a tar, a zip, a 7z): decides which entries are
 * cable pages, reads them with {@link SitePage} and counts them.
 */
final class SitePages {
    /** A page larger than this is not a cable page of the site (the largest of the 2011 mirror is under 1 MB). */
    static final int MAX_PAGE_BYTES = 32 << 20;

    private final CableSink sink;
    private long pages;

    SitePages(CableSink sink) {
        this.sink = sink;
    }

    /**
     * Whether {@code path} (entry name or relative path, {@code /}-separated) is a page under a {@code cable/} folder.
     * Listing pages ({@code reldate/}, {@code tag/} …), {@code cablegate.html}, the FAQ and the CSS are not.
     */
    static boolean isCablePage(String path) {
        String p = path.replace('\\', '/');
        if (!p.toLowerCase(Locale.ROOT).endsWith(".html")) {
            return false;
        }
        return p.startsWith("cable/") || p.contains("/cable/");
    }

    /** Reads one page; {@code location} names it, e.g. {@code site.tar.xz!cable/2008/06/08MOSCOW1647.html}. */
    void page(String location, byte[] bytes) {
        pages++;
        String html = new String(bytes, StandardCharsets.UTF_8);
        SitePage.Result result = SitePage.parse(html, location);
        if (result instanceof SitePage.Read read) {
            sink.accept(read.cable());
        } else {
            sink.reject(new Rejection(location, ((SitePage.Rejected) result).reason()));
        }
    }

    /** Rejects a page too large to be one, without reading it. */
    void tooLarge(String location, long size) {
        pages++;
        sink.reject(new Rejection(location, "page of " + size + " bytes is larger than " + (MAX_PAGE_BYTES >> 20)
                + " MB: not a cable page"));
    }

    /** Cable pages seen so far (read or rejected). */
    long pages() {
        return pages;
    }
}
