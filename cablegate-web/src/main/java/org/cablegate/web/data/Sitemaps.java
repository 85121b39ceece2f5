package org.cablegate.web.data;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.http.CachedPage;

/**
 * {@code /sitemap.xml}, an index of sitemap pages of at most {@value #URLS_PER_PAGE} cable URLs each (the protocol's
 * limit; the full set needs six), and {@code /robots.txt} that points crawlers at it. Cables are listed oldest created
 * first, so a release adds URLs to the pages of their months and a page's content depends only on the release.
 */
final class Sitemaps {
    static final int URLS_PER_PAGE = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final SiteUrls urls;
    private final int perPage;
    private final int step;
    private volatile Pages pages;
    /** Rendered pages by number, all of one release. */
    private final Map<Integer, RenderedPage> rendered = new ConcurrentHashMap<>();

    /**
     * Where each page starts: the cursor after the last URL of the page before (empty for the first), and the
     * creation year of that URL, before which the page holds nothing.
     */
    private record Start(Optional<String> cursor, String year) {}

    private record Pages(long release, List<Start> starts) {}

    private record RenderedPage(long release, byte[] gzipped) {}

    /** @param perPage URLs per page: {@value #URLS_PER_PAGE}, or fewer in tests, a multiple of 1,000 above 1,000 */
    Sitemaps(SiteUrls urls, int perPage) {
        if (perPage > SearchRequest.MAX_LIMIT && perPage % SearchRequest.MAX_LIMIT != 0) {
            throw new IllegalArgumentException("pages above " + SearchRequest.MAX_LIMIT + " URLs must be a multiple of it");
        }
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
        List<Start> starts = pages(view).starts();
        int number = n.matches("[1-9]\\d{0,5}") ? Integer.parseInt(n) : 0;
        if (number < 1 || number > starts.size()) {
            throw new NotFound("There is no sitemap page '" + n + "'");
        }
        byte[] gzipped = rendered(view, number, starts);
        // Kept gzipped (a full page is some 5 MB, a tenth of that gzipped): sent as it is, or unzipped as it goes.
        ctx.disableCompression();
        ctx.contentType(Http.XML);
        if (CachedPage.acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzipped);
        } else {
            ctx.result(new GZIPInputStream(new ByteArrayInputStream(gzipped)));
        }
    }

    /**
     * A page of this release, rendered once: rendering one of 50,000 URLs searches them all in their order (about a
     * second), which a crawler's every visit would otherwise cost.
     */
    private byte[] rendered(ReleaseView view, int number, List<Start> starts) throws IOException {
        RenderedPage page = rendered.get(number);
        if (page != null && page.release() == view.release()) {
            return page.gzipped();
        }
        synchronized (rendered) {
            page = rendered.get(number);
            if (page == null || page.release() != view.release()) {
                rendered.entrySet().removeIf(e -> e.getValue().release() != view.release());
                page = new RenderedPage(view.release(), render(view, number, starts));
                rendered.put(number, page);
            }
            return page.gzipped();
        }
    }

    private byte[] render(ReleaseView view, int number, List<Start> starts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + NS + "\">\n");
            // Only the years the page spans are searched: from the year of its start to the year of the next page's.
            Start start = starts.get(number - 1);
            SearchRequest.CreatedIn years = years(start.year(), number < starts.size() ? starts.get(number).year() : "*");
            SearchRequest request = new SearchRequest("", List.of(), List.of(years), SortOrder.CREATED_OLDEST, 0, step,
                    start.cursor(), Set.of(), 1);
            StringBuilder sb = new StringBuilder(128 * step);
            int written = 0;
            while (written < perPage) {
                SearchResult result = search(view, request);
                sb.setLength(0);
                for (Hit h : result.hits()) {
                    sb.append("  <url><loc>");
                    Xml.text(sb, urls.cable(h.id(), h.created())).append("</loc><lastmod>")
                            .append(h.released().toLocalDate()).append("</lastmod></url>\n");
                }
                out.append(sb);
                written += result.hits().size();
                if (result.nextCursor().isEmpty()) {
                    break;
                }
                request = request.after(result.nextCursor().get());
            }
            out.write("</urlset>\n");
        }
        return bytes.toByteArray();
    }

    void robots(Context ctx, ReleaseView view) {
        // Searches and their feeds are endless in number and each costs a query: crawlers get the pages instead.
        Http.send(ctx, Http.TEXT, "User-agent: *\nDisallow: /search\nDisallow: /api/search\nDisallow: /feed/search.atom\n"
                + "Allow: /\n\nSitemap: " + urls.of("/sitemap.xml") + "\n");
    }

    /** The cables created from the year {@code first} to the year {@code last} ({@code *}: on), both included. */
    private static SearchRequest.CreatedIn years(String first, String last) {
        if (first.equals("*")) {
            // No cable yet: any span finds none.
            return SearchRequest.CreatedIn.since(LocalDate.of(1, 1, 1));
        }
        LocalDate from = LocalDate.of(Integer.parseInt(first), 1, 1);
        return last.equals("*") ? SearchRequest.CreatedIn.since(from)
                : SearchRequest.CreatedIn.years(from.getYear(), Integer.parseInt(last));
    }

    private static SearchResult search(ReleaseView view, SearchRequest request) throws IOException {
        try {
            return view.archive().search(request);
        } catch (BadQueryException e) {
            throw new IllegalStateException("a cursor the archive made was refused", e);
        }
    }

    /**
     * The page starts of this release, found once per release. The cable at the end of a page is found by its position
     * within its creation year (the year counts say which year holds it), searching from that year on: a cursor only
     * holds sort values, so one made by that narrower search serves the search of everything. Searching everything by
     * position would rank up to 250,000 hits; paging to it with cursors would visit every cable once a page.
     */
    private Pages pages(ReleaseView view) throws IOException {
        Pages p = pages;
        if (p != null && p.release() == view.release()) {
            return p;
        }
        List<FacetCount> years = new ArrayList<>(search(view, new SearchRequest("", List.of(), SortOrder.CREATED_OLDEST, 0, 0,
                Optional.empty(), Set.of(Facet.YEAR), 10_000)).facets().getOrDefault(Facet.YEAR, List.of()));
        years.sort(Comparator.comparing(FacetCount::value));
        List<Start> starts = new ArrayList<>();
        starts.add(new Start(Optional.empty(), years.isEmpty() ? "*" : years.get(0).value()));
        long before = 0;
        for (FacetCount year : years) {
            long last = (long) starts.size() * perPage - 1;
            while (last < before + year.count()) {
                Optional<String> next = search(view, new SearchRequest("", List.of(), List.of(years(year.value(), "*")),
                        SortOrder.CREATED_OLDEST, (int) (last - before), 1, Optional.empty(), Set.of(), 1)).nextCursor();
                if (next.isEmpty()) {
                    break;
                }
                starts.add(new Start(next, year.value()));
                last = (long) starts.size() * perPage - 1;
            }
            before += year.count();
        }
        p = new Pages(view.release(), List.copyOf(starts));
        pages = p;
        return p;
    }
}
