package org.cablegate.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
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
            "/resources.html", "/static/cablegate.css", "/static/html/faq.html", "/cable/*", "/reldate/*", "/date/*",
            "/tag/*", "/origin/*", "/classification/*");

    private SiteRoutes() {}

    /** Marks a response a route of the site made, whatever its status. */
    private static final String ANSWERED = "cablegate.answered";

    static void register(RoutesConfig routes, Site site, PageCache cache) {
        Handler page = ctx -> {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            page(ctx, site, cache);
        };
        for (String path : PAGES) {
            routes.get(path, page);
            routes.head(path, page);
        }
        routes.get("/search", ctx -> {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            Replies.send(ctx, CachedPage.of(site.search(ctx.queryParamMap())), site.lastModified());
        });
        routes.error(404, ctx -> {
            // Only where no route answered: a route's own 404 page (an unknown cable, a listing past its end) stays.
            if (ctx.attribute(ANSWERED) == null) {
                Replies.send(ctx, CachedPage.of(site.notFound()), site.lastModified());
            }
        });
    }

    /** A page missing from the cache (the fast path answers hits): rendered, kept if it is one to keep, sent. */
    private static void page(Context ctx, Site site, PageCache cache) throws Exception {
        String path = ctx.path();
        long generation = cache.generation();
        CachedPage cached = cache.get(path);
        if (cached == null) {
            Page rendered = site.render(path);
            cached = CachedPage.of(rendered);
            // Only pages that exist: a 404 for every made-up URL would let a crawler fill the cache with misses.
            if (rendered.status() == 200 || rendered.status() == 301) {
                cache.put(generation, path, cached);
            }
        }
        Replies.send(ctx, cached, site.lastModified());
    }
}
