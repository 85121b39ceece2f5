package org.cablegate.web.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchInterruptedException;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchUnavailableException;
import org.cablegate.web.http.CachedPage;
import org.cablegate.web.http.Page;
import org.cablegate.web.http.PageCache;
import org.cablegate.web.http.QueryStrings;
import org.cablegate.web.http.ReleaseStamp;
import org.cablegate.web.http.SearchGate;

/**
 * The data for programs: the JSON API under {@code /api/}, its OpenAPI document, CSV and JSON Lines downloads, Atom
 * feeds, the sitemap and robots.txt. Every answer comes from the public archive alone (released cables, redactions
 * applied) and is the same bytes for the same release, so that a static export can write it as a file.
 *
 * <p>Every answer carries an ETag and a Last-Modified derived from the release, and a 304 answers a client whose copy
 * is of the current release. Errors are JSON: 400 with what is wrong with a query, 404 with what was not found.
 */
public final class DataRoutes {
    /** The paths that run a reader's query, which wait for a place in the search pool. */
    public static final List<String> SEARCHING = List.of("/api/search", "/api/search.csv", "/api/search.jsonl",
            "/feed/search.atom");

    private DataRoutes() {}

    /**
     * Adds the data routes to an app's routes (inside {@code Javalin.create(config -> ...)}: {@code config.routes}).
     *
     * @param baseUrl where the site is served, for the absolute URLs of feeds and sitemaps: {@code https://cablegate.example}
     */
    public static void register(RoutesConfig routes, PublicArchive archive, URI baseUrl, SearchGate gate) {
        register(routes, archive, Optional.empty(), baseUrl, gate, Optional.empty());
    }

    /**
     * With another backend for readers' searches (a cluster): {@code /api/search}, its downloads and the search feed
     * ask it; everything else reads the archive.
     */
    public static void register(RoutesConfig routes, PublicArchive archive, Optional<SearchBackend> search,
            URI baseUrl, SearchGate gate) {
        register(routes, archive, search, baseUrl, gate, Optional.empty());
    }

    /**
     * Keeping every answer that is the same for everyone until the next release (a cable's JSON, a listing's, a feed:
     * not a search, nor an answer to a query string) in the server's page cache, from which {@code
     * CacheFrontHandler} answers it as it answers pages.
     */
    public static void register(RoutesConfig routes, PublicArchive archive, Optional<SearchBackend> search,
            URI baseUrl, SearchGate gate, Optional<PageCache> cache) {
        register(routes, archive, search, baseUrl, gate, SearchRequest.MAX_LIMIT, Sitemaps.URLS_PER_PAGE, cache);
    }

    /** With smaller pages, so that tests with few cables page as the full set does. */
    static void register(RoutesConfig routes, PublicArchive archive, URI baseUrl, int downloadPage,
            int sitemapUrlsPerPage) {
        register(routes, archive, Optional.empty(), baseUrl, new SearchGate(archive.limits()), downloadPage,
                sitemapUrlsPerPage, Optional.empty());
    }

    private static void register(RoutesConfig routes, PublicArchive archive, Optional<SearchBackend> search,
            URI baseUrl, SearchGate gate, int downloadPage, int sitemapUrlsPerPage, Optional<PageCache> cache) {
        SiteUrls urls = new SiteUrls(baseUrl);
        ReleaseView.Current current = new ReleaseView.Current(archive, search);
        // What the same for every reader until the next release is kept; a search's answer never is.
        Function<Answer, Handler> answer = a -> answer(current, a, cache);
        Function<Answer, Handler> searchAnswer = a -> answer(current, a, Optional.empty());
        Api api = new Api(urls);
        Downloads downloads = new Downloads(urls, downloadPage);
        Feeds feeds = new Feeds(urls);
        Sitemaps sitemaps = new Sitemaps(urls, sitemapUrlsPerPage);

        // GET and HEAD alike (issue 12: HEAD answered 404 on every data route); HEAD sends the GET's headers only.
        BiConsumer<String, Handler> route = (path, handler) -> {
            routes.get(path, handler);
            routes.head(path, handler);
        };
        route.accept("/api/openapi.json", answer.apply(api::openApi));
        route.accept("/api/status", answer.apply(api::status));
        route.accept("/api/cable/{id}.json", answer.apply(api::cable));
        route.accept("/api/cable/{id}/history.json", answer.apply(api::history));
        route.accept("/api/releases.json", answer.apply(api::releases));
        // The routes that run a reader's query wait for a place in the search pool.
        route.accept("/api/search", searching(archive, gate, searchAnswer.apply(api::search)));
        route.accept("/api/search.csv", searching(archive, gate,
                searchAnswer.apply((ctx, view) -> downloads.search(ctx, view, Downloads.Format.CSV))));
        route.accept("/api/search.jsonl", searching(archive, gate,
                searchAnswer.apply((ctx, view) -> downloads.search(ctx, view, Downloads.Format.JSON_LINES))));
        for (Listing.Kind kind : Listing.Kind.values()) {
            String path = "/api/" + kind.label() + "/{key}";
            route.accept(path + ".json", answer.apply((ctx, view) -> api.listing(ctx, view, kind)));
            route.accept(path + ".csv",
                    answer.apply((ctx, view) -> downloads.listing(ctx, view, kind, Downloads.Format.CSV)));
            route.accept(path + ".jsonl",
                    answer.apply((ctx, view) -> downloads.listing(ctx, view, kind, Downloads.Format.JSON_LINES)));
        }
        route.accept("/feed/latest.atom", answer.apply(feeds::latest));
        route.accept("/feed/tag/{tag}.atom", answer.apply(feeds::tag));
        route.accept("/feed/origin/{slug}.atom", answer.apply(feeds::origin));
        route.accept("/feed/search.atom", searching(archive, gate, searchAnswer.apply(feeds::search)));
        route.accept("/feed/changes.atom", answer.apply(feeds::changes));
        route.accept("/feed/releases.atom", answer.apply(feeds::releases));
        route.accept("/sitemap.xml", answer.apply(sitemaps::index));
        route.accept("/sitemap-{n}.xml", answer.apply(sitemaps::page));
        route.accept("/robots.txt", answer.apply(sitemaps::robots));
    }

    /**
     * A route that runs a reader's query: it waits for a place in the bounded search pool, and is answered 503 with
     * {@code Retry-After} when the pool and its queue are full or the search ran out of time (issue 12).
     */
    private static Handler searching(PublicArchive archive, SearchGate gate, Handler handler) {
        return ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            try {
                // Refused queries are refused at once, never after waiting behind costly ones.
                QueryStrings.checkEscapes(ctx.req().getQueryString());
                String q = ctx.queryParam("q");
                archive.check(q == null ? "" : q);
            } catch (BadQueryException e) {
                Http.error(ctx, 400, e.getMessage());
                return;
            }
            try (SearchGate.Permit permit = gate.enter()) {
                handler.handle(ctx);
            } catch (SearchGate.Busy e) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                Http.error(ctx, 503, e.getMessage());
            } catch (SearchInterruptedException e) {
                ctx.header("Retry-After", Long.toString(gate.retryAfterSeconds()));
                Http.error(ctx, 503, e.getMessage());
            } catch (SearchUnavailableException e) {
                // The cluster is an input like any other (issue 10): down, slow or red is a 503 to retry, not a 500.
                unavailable(ctx, e);
            }
        };
    }

    /** A 503 for a backend that cannot answer now, unless the answer has begun (a download cut short ends). */
    static void unavailable(Context ctx, SearchUnavailableException e) throws SearchUnavailableException {
        if (ctx.res().isCommitted()) {
            throw e;
        }
        ctx.res().reset();
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        Http.error(ctx, 503, "The search cannot run now: " + e.getMessage() + ". Try again in a moment; every "
                + "cable and listing can be read meanwhile");
    }

    /**
     * Keeps a 200 sent whole for a path without a query, in the generation of the release it read (dropped if the
     * server has moved on). Not for an index without the record of when its release was published: Last-Modified
     * would then be a cable's release time, which a later release can precede.
     */
    private static void keep(Context ctx, ReleaseView view, PageCache cache) {
        byte[] sent = ctx.attribute(Http.SENT);
        if (sent == null || ctx.status().getCode() != 200 || ctx.queryString() != null
                || view.published().isEmpty()) {
            return;
        }
        // The type as Jetty sent it (it writes "application/json;charset=utf-8"), so that a hit sends the same.
        Page answer = new Page(200, ctx.res().getContentType(), sent, Optional.empty()).stamped(Http.stamp(view));
        cache.put(view.release(), ctx.path(), CachedPage.ofData(answer, Http.etag(ctx, view), Http.CACHE));
    }

    /** What a route writes, reading one release. */
    private interface Answer {
        void write(Context ctx, ReleaseView view) throws Exception;
    }

    /**
     * The one place where validators, 304s and the mapping of errors to statuses happen, and where an answer takes the
     * release it reads: one release from its validators to its last byte, even for a download that streams while the
     * next release is published.
     */
    private static Handler answer(ReleaseView.Current current, Answer answer, Optional<PageCache> cache) {
        return ctx -> {
            // Every answer of the API says what it is; a browser must not guess (issue 12: no nosniff).
            ctx.header("X-Content-Type-Options", "nosniff");
            try (ReleaseView view = current.open()) {
                ctx.header(ReleaseStamp.HEADER, Long.toString(view.release()));
                QueryStrings.checkEscapes(ctx.req().getQueryString());
                if (Http.notModified(ctx, view)) {
                    return;
                }
                answer.write(ctx, view);
                if (cache.isPresent()) {
                    keep(ctx, view, cache.get());
                }
            } catch (BadQueryException e) {
                Http.error(ctx, 400, e.getMessage());
            } catch (NotFound e) {
                Http.error(ctx, 404, e.getMessage());
            } catch (Gone e) {
                Http.error(ctx, 410, e.getMessage());
            }
        };
    }
}
