package org.cablegate.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.SearchInterruptedException;
import org.cablegate.archive.index.SearchUnavailableException;
import org.cablegate.web.http.CachedPage;
import org.cablegate.web.http.Page;
import org.cablegate.web.http.PageCache;
import org.cablegate.web.http.QueryStrings;
import org.cablegate.web.http.Replies;
import org.cablegate.web.http.SearchGate;
import org.cablegate.web.site.Site;

/** The routes of the HTML site: the URLs of the 2011 site, the prose pages, search. Handlers stay thin. */
final class SiteRoutes {
    /** Every path the site renders, by the 2011 site's layout; anything else gets the site's 404 page. */
    private static final List<String> PAGES = List.of("/", "/index.html", "/cablegate.html", "/about.html", "/faq.html",
            "/resources.html", "/releases.html", "/release-box.html", "/static/cablegate.css", "/static/html/faq.html", "/cable/*", "/reldate/*", "/date/*",
            "/tag/*", "/origin/*", "/classification/*");

    private static final byte[] FAILED = ("<!DOCTYPE html><html lang=\"en\"><title>Server error</title>"
            + "<h1>The page could not be made</h1><p>Something failed on the server. Please try again in a moment; "
            + "<a href=\"/\">the front page</a> may work meanwhile.</p></html>").getBytes(StandardCharsets.UTF_8);

    private SiteRoutes() {}

    private static final byte[] BUSY = ("<!DOCTYPE html><html lang=\"en\"><title>Busy — Cablegate</title>"
            + "<h1>The search cannot run now</h1><p>%s</p><p>Please try again in a moment; every page of "
            + "<a href=\"/\">the archive</a> can be read meanwhile.</p></html>").getBytes(StandardCharsets.UTF_8);

    /** The paths of the site that run a reader's query (the data routes' ones are {@link DataRoutes#SEARCHING}). */
    static final List<String> SEARCHING = List.of("/search");

    static void register(RoutesConfig routes, Site site, PageCache cache, SearchGate gate) {
        Handler page = ctx -> page(ctx, site, cache);
        for (String path : PAGES) {
            routes.get(path, page);
            routes.head(path, page);
        }
        Handler search = ctx -> search(ctx, site, gate);
        routes.get("/search", search);
        routes.head("/search", search);
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientGone(e)) {
                // Issue 12: every aborted download logged its "Broken pipe"; a reader closing a download is no fault.
                return;
            }
            // The reader learns that it failed, not how: details go to the log only, on one line.
            System.err.println("cablegate: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            Replies.send(ctx, CachedPage.of(Page.html(500, FAILED).stamped(site.stamp())));
        });
    }

    /** Whether a failure only says that the client went away (closed the connection mid-answer). */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The site's 404 page for every GET no route took. Registered after every other group: routes match in the order
     * they were added, so this one only takes what nobody else did.
     */
    static void registerFallback(RoutesConfig routes, Site site) {
        Handler notFound = ctx -> Replies.send(ctx, CachedPage.of(site.notFound()));
        routes.get("/*", notFound);
        routes.head("/*", notFound);
    }

    /**
     * The search page, in the bounded search pool: when the pool is full or the search ran out of time, a 503 with
     * {@code Retry-After}, and the rest of the site keeps answering (issue 12).
     */
    private static void search(Context ctx, Site site, SearchGate gate) throws Exception {
        Page page;
        try {
            QueryStrings.checkEscapes(ctx.req().getQueryString());
            site.check(ctx.queryParam("q"));
        } catch (BadQueryException e) {
            Replies.send(ctx, CachedPage.of(site.problem(e.getMessage())));
            return;
        }
        try (SearchGate.Permit permit = gate.enter()) {
            page = site.search(ctx.queryParamMap());
        } catch (SearchGate.Busy e) {
            page = busy(ctx, site, e.getMessage(), e.retryAfterSeconds());
        } catch (SearchInterruptedException e) {
            page = busy(ctx, site, e.getMessage(), gate.retryAfterSeconds());
        } catch (SearchUnavailableException e) {
            // The cluster of serve --search down, slow or red (issue 10): a 503 to retry; pages keep answering.
            page = busy(ctx, site, "The search service does not answer now (" + e.getMessage() + ").",
                    Math.max(1, e.retryAfter().toSeconds()));
        }
        Replies.send(ctx, CachedPage.of(page));
    }

    private static Page busy(Context ctx, Site site, String message, long retryAfter) {
        ctx.header("Retry-After", Long.toString(retryAfter));
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;");
        return Page.html(503, new String(BUSY, StandardCharsets.UTF_8).replace("%s", escaped)
                .getBytes(StandardCharsets.UTF_8)).stamped(site.stamp());
    }

    /** A page missing from the cache (the fast path answers hits): rendered, kept if it is one to keep, sent. */
    private static void page(Context ctx, Site site, PageCache cache) throws Exception {
        String path = ctx.path();
        if (ctx.queryString() != null && path.endsWith("/history.html")) {
            // A chosen diff: named by its query, so not a page to keep.
            Replies.send(ctx, CachedPage.of(site.history(path, ctx.queryParamMap())));
            return;
        }
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
        Replies.send(ctx, cached);
    }
}
