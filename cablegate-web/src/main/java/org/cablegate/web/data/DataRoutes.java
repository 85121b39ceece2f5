package org.cablegate.web.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;

/**
 * The data for programs: the JSON API under {@code /api/}, its OpenAPI document, CSV and JSON Lines downloads, Atom
 * feeds, the sitemap and robots.txt. Every answer comes from the public archive alone (released cables, redactions
 * applied) and is the same bytes for the same release, so that a static export can write it as a file.
 *
 * <p>Every answer carries an ETag and a Last-Modified derived from the release, and a 304 answers a client whose copy
 * is of the current release. Errors are JSON: 400 with what is wrong with a query, 404 with what was not found.
 */
public final class DataRoutes {
    private DataRoutes() {}

    /**
     * Adds the data routes to an app's routes (inside {@code Javalin.create(config -> ...)}: {@code config.routes}).
     *
     * @param baseUrl where the site is served, for the absolute URLs of feeds and sitemaps: {@code https://cablegate.example}
     */
    public static void register(RoutesConfig routes, PublicArchive archive, URI baseUrl) {
        register(routes, archive, baseUrl, SearchRequest.MAX_LIMIT, Sitemaps.URLS_PER_PAGE);
    }

    /** With smaller pages, so that tests with few cables page as the full set does. */
    static void register(RoutesConfig routes, PublicArchive archive, URI baseUrl, int downloadPage,
            int sitemapUrlsPerPage) {
        SiteUrls urls = new SiteUrls(baseUrl);
        ReleaseView.Current current = new ReleaseView.Current(archive);
        Api api = new Api(urls);
        Downloads downloads = new Downloads(urls, downloadPage);
        Feeds feeds = new Feeds(urls);
        Sitemaps sitemaps = new Sitemaps(urls, sitemapUrlsPerPage);

        routes.get("/api/openapi.json", answer(current, api::openApi));
        routes.get("/api/status", answer(current, api::status));
        routes.get("/api/cable/{id}.json", answer(current, api::cable));
        routes.get("/api/cable/{id}/history.json", answer(current, api::history));
        routes.get("/api/releases.json", answer(current, api::releases));
        routes.get("/api/search", answer(current, api::search));
        routes.get("/api/search.csv", answer(current, (ctx, view) -> downloads.search(ctx, view, Downloads.Format.CSV)));
        routes.get("/api/search.jsonl",
                answer(current, (ctx, view) -> downloads.search(ctx, view, Downloads.Format.JSON_LINES)));
        for (Listing.Kind kind : Listing.Kind.values()) {
            String path = "/api/" + kind.label() + "/{key}";
            routes.get(path + ".json", answer(current, (ctx, view) -> api.listing(ctx, view, kind)));
            routes.get(path + ".csv",
                    answer(current, (ctx, view) -> downloads.listing(ctx, view, kind, Downloads.Format.CSV)));
            routes.get(path + ".jsonl",
                    answer(current, (ctx, view) -> downloads.listing(ctx, view, kind, Downloads.Format.JSON_LINES)));
        }
        routes.get("/feed/latest.atom", answer(current, feeds::latest));
        routes.get("/feed/tag/{tag}.atom", answer(current, feeds::tag));
        routes.get("/feed/origin/{slug}.atom", answer(current, feeds::origin));
        routes.get("/feed/search.atom", answer(current, feeds::search));
        routes.get("/feed/changes.atom", answer(current, feeds::changes));
        routes.get("/feed/releases.atom", answer(current, feeds::releases));
        routes.get("/sitemap.xml", answer(current, sitemaps::index));
        routes.get("/sitemap-{n}.xml", answer(current, sitemaps::page));
        routes.get("/robots.txt", answer(current, sitemaps::robots));
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
    private static Handler answer(ReleaseView.Current current, Answer answer) {
        return ctx -> {
            try (ReleaseView view = current.open()) {
                if (Http.notModified(ctx, view)) {
                    return;
                }
                answer.write(ctx, view);
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
