package org.cablegate.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cablegate.web.http.CachedPage;
import org.cablegate.web.http.Page;
import org.cablegate.web.http.PageCache;
import org.cablegate.web.http.Replies;
import org.cablegate.web.site.Site;

/** The routes of the HTML site: the URLs of the 2011 site, the prose pages, search. Handlers stay thin. */
final class SiteRoutes {
    /** Every path the site renders, by the 2011 site's layout; anything else gets the site's 404 page. */
    private static final List<String> PAGES = List.of("/", "/index.html", "/cablegate.html", "/about.html", "/faq.html",
            "/resources.html", "/releases.html", "/static/cablegate.css", "/static/html/faq.html", "/cable/*", "/reldate/*", "/date/*",
            "/tag/*", "/origin/*", "/classification/*");

    private static final byte[] FAILED = ("<!DOCTYPE html><html lang=\"en\"><title>Server error</title>"
            + "<h1>The page could not be made</h1><p>Something failed on the server. Please try again in a moment; "
            + "<a href=\"/\">the front page</a> may work meanwhile.</p></html>").getBytes(StandardCharsets.UTF_8);

    private SiteRoutes() {}

    static void register(RoutesConfig routes, Site site, PageCache cache) {
        Handler page = ctx -> page(ctx, site, cache);
        for (String path : PAGES) {
            routes.get(path, page);
            routes.head(path, page);
        }
        routes.get("/search", ctx -> Replies.send(ctx, CachedPage.of(site.search(ctx.queryParamMap()),
                site.lastModified()), site.lastModified()));
        routes.exception(Exception.class, (e, ctx) -> {
            // The reader learns that it failed, not how: details go to the log only.
            System.err.println("cablegate: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            Replies.send(ctx, CachedPage.of(Page.html(500, FAILED), site.lastModified()), site.lastModified());
        });
    }

    /**
     * The site's 404 page for every GET no route took. Registered after every other group: routes match in the order
     * they were added, so this one only takes what nobody else did.
     */
    static void registerFallback(RoutesConfig routes, Site site) {
        Handler notFound = ctx -> Replies.send(ctx, CachedPage.of(site.notFound(), site.lastModified()),
                site.lastModified());
        routes.get("/*", notFound);
        routes.head("/*", notFound);
    }

    /** A page missing from the cache (the fast path answers hits): rendered, kept if it is one to keep, sent. */
    private static void page(Context ctx, Site site, PageCache cache) throws Exception {
        String path = ctx.path();
        if (ctx.queryString() != null && path.endsWith("/history.html")) {
            // A chosen diff: named by its query, so not a page to keep.
            Replies.send(ctx, CachedPage.of(site.history(path, ctx.queryParamMap()), site.lastModified()),
                    site.lastModified());
            return;
        }
        long generation = cache.generation();
        CachedPage cached = cache.get(path);
        if (cached == null) {
            Page rendered = site.render(path);
            cached = CachedPage.of(rendered, site.lastModified());
            // Only pages that exist: a 404 for every made-up URL would let a crawler fill the cache with misses.
            if (rendered.status() == 200 || rendered.status() == 301) {
                cache.put(generation, path, cached);
            }
        }
        Replies.send(ctx, cached, site.lastModified());
    }
}
