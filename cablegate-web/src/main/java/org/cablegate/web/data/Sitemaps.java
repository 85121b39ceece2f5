package org.cablegate.web.data;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;

/**
 * {@code /sitemap.xml}, an index of sitemap pages of at most {@value #URLS_PER_PAGE} cable URLs each (the protocol's
 * limit; the full set needs six), and {@code /robots.txt} that points crawlers at it. Cables are listed oldest created
 * first, so a release adds URLs to the pages of their months and a page's content depends only on the release.
 */
final class Sitemaps {
    static final int URLS_PER_PAGE = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final PublicArchive archive;
    private final SiteUrls urls;
    private final int perPage;
    private final int step;
    private volatile Pages pages;

    /** Where each page starts: the cursor after the last URL of the page before (empty for the first). */
    private record Pages(long release, List<Optional<String>> starts) {}

    /** @param perPage URLs per page: {@value #URLS_PER_PAGE}, or fewer in tests, a multiple of 1,000 above 1,000 */
    Sitemaps(PublicArchive archive, SiteUrls urls, int perPage) {
        if (perPage > SearchRequest.MAX_LIMIT && perPage % SearchRequest.MAX_LIMIT != 0) {
            throw new IllegalArgumentException("pages above " + SearchRequest.MAX_LIMIT + " URLs must be a multiple of it");
        }
        this.archive = archive;
        this.urls = urls;
        this.perPage = perPage;
        this.step = Math.min(perPage, SearchRequest.MAX_LIMIT);
    }

    void index(Context ctx, ReleaseView view) throws IOException {
        int count = pages(view).starts().size();
        StringBuilder sb = new StringBuilder(256 + 128 * count);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"").append(NS).append("\">\n");
        for (int i = 1; i <= count; i++) {
            sb.append("  <sitemap><loc>");
            Xml.text(sb, urls.of("/sitemap-" + i + ".xml")).append("</loc><lastmod>").append(view.time().toLocalDate())
                    .append("</lastmod></sitemap>\n");
        }
        sb.append("</sitemapindex>\n");
        Http.send(ctx, Http.XML, sb);
    }

    void page(Context ctx, ReleaseView view) throws IOException, NotFound {
        String n = ctx.pathParam("n");
        List<Optional<String>> starts = pages(view).starts();
        int number = n.matches("[1-9]\\d{0,5}") ? Integer.parseInt(n) : 0;
        if (number < 1 || number > starts.size()) {
            throw new NotFound("There is no sitemap page '" + n + "'");
        }
        // Written as it is read, a thousand URLs at a time: a full page is some 5 MB.
        ctx.contentType(Http.XML);
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + NS + "\">\n");
        SearchRequest request = request(starts.get(number - 1));
        StringBuilder sb = new StringBuilder(128 * step);
        int written = 0;
        while (written < perPage) {
            SearchResult result = search(request);
            sb.setLength(0);
            for (Hit h : result.hits()) {
                sb.append("  <url><loc>");
                Xml.text(sb, urls.cable(h.id(), h.created())).append("</loc><lastmod>").append(h.released().toLocalDate())
                        .append("</lastmod></url>\n");
            }
            out.append(sb);
            written += result.hits().size();
            if (result.nextCursor().isEmpty()) {
                break;
            }
            request = request.after(result.nextCursor().get());
        }
        out.write("</urlset>\n");
        out.flush();
    }

    void robots(Context ctx, ReleaseView view) {
        // Searches and their feeds are endless in number and each costs a query: crawlers get the pages instead.
        Http.send(ctx, Http.TEXT, "User-agent: *\nDisallow: /search\nDisallow: /api/search\nDisallow: /feed/search.atom\n"
                + "Allow: /\n\nSitemap: " + urls.of("/sitemap.xml") + "\n");
    }

    private SearchRequest request(Optional<String> cursor) {
        return new SearchRequest("", List.of(), SortOrder.CREATED_OLDEST, 0, step, cursor, Set.of(), 1);
    }

    private SearchResult search(SearchRequest request) throws IOException {
        try {
            return archive.search(request);
        } catch (BadQueryException e) {
            throw new IllegalStateException("a cursor the archive made was refused", e);
        }
    }

    /**
     * The page starts of this release, found once per release: for each page after the first, one search for the
     * last URL of the page before, by its position (a search from a cursor would visit every cable once a page).
     */
    private Pages pages(ReleaseView view) throws IOException {
        Pages p = pages;
        if (p != null && p.release() == view.release()) {
            return p;
        }
        List<Optional<String>> starts = new ArrayList<>();
        starts.add(Optional.empty());
        while (true) {
            long last = (long) starts.size() * perPage - 1;
            if (last > Integer.MAX_VALUE - 1) {
                break;
            }
            Optional<String> next = search(new SearchRequest("", List.of(), SortOrder.CREATED_OLDEST, (int) last, 1,
                    Optional.empty(), Set.of(), 1)).nextCursor();
            if (next.isEmpty()) {
                break;
            }
            starts.add(next);
        }
        p = new Pages(view.release(), List.copyOf(starts));
        pages = p;
        return p;
    }
}
