package org.cablegate.web.data;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.web.search.SearchQuery;

/** The JSON API: a cable, a listing, a search, the status, and the OpenAPI document that describes them. */
final class Api {
    static final int SEARCH_LIMIT = 10;
    static final int LISTING_LIMIT = 50;

    private final SiteUrls urls;
    private final byte[] openApi;

    Api(SiteUrls urls) {
        this.urls = urls;
        try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is part of the jar", e);
        }
    }

    void cable(Context ctx, ReleaseView view) throws IOException, NotFound, Gone {
        Http.send(ctx, Http.JSON, cable(publicCable(ctx.pathParam("id"), view)));
    }

    /** A public cable's JSON, as {@code /api/cable/ID.json} sends it; the export writes the same bytes. */
    StringBuilder cable(PublicCable c) {
        StringBuilder sb = new StringBuilder(c.body().length() * 2 + 2048);
        DataJson.cable(c, c.parsed(), urls, new JsonWriter(sb, false));
        return sb.append('\n');
    }

    /** Every public version of a cable, with its public texts. */
    void history(Context ctx, ReleaseView view) throws IOException, NotFound, Gone {
        Http.send(ctx, Http.JSON, history(publicCable(ctx.pathParam("id"), view)));
    }

    StringBuilder history(PublicCable c) {
        StringBuilder sb = new StringBuilder(c.body().length() * (c.history().size() + 1) + 1024);
        DataJson.history(c, urls, new JsonWriter(sb, false));
        return sb.append('\n');
    }

    /** The public release log, oldest first, and the withdrawn cables. */
    void releases(Context ctx, ReleaseView view) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        DataJson.releases(view.archive().releases(), view.archive().withdrawn(), urls, new JsonWriter(sb, false));
        Http.send(ctx, Http.JSON, sb.append('\n'));
    }

    /**
     * A public cable by id. One body for every id not found, whether unknown or in the vault unreleased (the archive
     * cannot tell them apart anyway, as it holds released cables only): not even the id is echoed, so two 404s never
     * differ. A withdrawn cable is a 410: that it was withdrawn is public.
     */
    private static PublicCable publicCable(String id, ReleaseView view) throws IOException, NotFound, Gone {
        Optional<PublicCable> c = view.archive().get(id);
        if (c.isPresent()) {
            return c.get();
        }
        Optional<WithdrawnCable> withdrawn = view.archive().withdrawn(id);
        if (withdrawn.isPresent()) {
            throw new Gone("This cable was withdrawn on " + withdrawn.get().withdrawn().format(CableJson.MINUTES)
                    .replace('T', ' ') + " UTC");
        }
        throw new NotFound("No released cable has this id");
    }

    void search(Context ctx, ReleaseView view) throws IOException, BadQueryException {
        SearchRequest request = SearchQuery.search(ctx.queryParamMap(), SEARCH_LIMIT);
        page(ctx, request, view.search().search(request), null);
    }

    void listing(Context ctx, ReleaseView view, Listing.Kind kind) throws IOException, BadQueryException, NotFound {
        Listing listing = Listing.released(kind, ctx.pathParam("key"), view);
        SearchRequest request = SearchQuery.paging(ctx.queryParamMap(), listing.request(), LISTING_LIMIT,
                SortOrder.CREATED_NEWEST);
        page(ctx, request, view.archive().search(request), listing);
    }

    private void page(Context ctx, SearchRequest request, SearchResult result, Listing listing) {
        StringBuilder sb = new StringBuilder(512 + 400 * result.hits().size());
        DataJson.page(request, result, listing, urls, new JsonWriter(sb, false));
        Http.send(ctx, Http.JSON, sb.append('\n'));
    }

    void status(Context ctx, ReleaseView view) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        DataJson.status(view.archive().count(), view.archive().setSize(), view, new JsonWriter(sb, false));
        Http.send(ctx, Http.JSON, sb.append('\n'));
    }

    void openApi(Context ctx, ReleaseView view) {
        Http.send(ctx, Http.JSON, openApi);
    }
}
