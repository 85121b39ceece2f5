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
import org.cablegate.core.json.JsonWriter;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.parse.CableParser;

/** The JSON API: a cable, a listing, a search, the status, and the OpenAPI document that describes them. */
final class Api {
    static final int SEARCH_LIMIT = 10;
    static final int LISTING_LIMIT = 50;

    private final SiteUrls urls;
    private final CableParser parser = new CableParser();
    private final byte[] openApi;

    Api(SiteUrls urls) {
        this.urls = urls;
        try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is part of the jar", e);
        }
    }

    void cable(Context ctx, ReleaseView view) throws IOException, NotFound {
        String id = ctx.pathParam("id");
        // One body for every id not found, whether unknown or in the vault unreleased (the archive cannot tell them
        // apart anyway, as it holds released cables only): not even the id is echoed, so two 404s never differ.
        PublicCable c = view.archive().get(id).orElseThrow(() -> new NotFound("No released cable has this id"));
        Cable parsed = parser.parse(new SourceCable(c.id(), c.created(), Optional.of(c.released()), c.classification(),
                c.origin(), c.header(), c.body(), SourceFormat.CSV, "public archive"));
        StringBuilder sb = new StringBuilder(c.body().length() * 2 + 2048);
        DataJson.cable(c, parsed, urls, new JsonWriter(sb, false));
        Http.send(ctx, Http.JSON, sb.append('\n'));
    }

    void search(Context ctx, ReleaseView view) throws IOException, BadQueryException {
        SearchRequest request = SearchParams.search(ctx, SEARCH_LIMIT);
        page(ctx, request, view.archive().search(request), null);
    }

    void listing(Context ctx, ReleaseView view, Listing.Kind kind) throws IOException, BadQueryException, NotFound {
        Listing listing = Listing.released(kind, ctx.pathParam("key"), view);
        SearchRequest request = SearchParams.listing(ctx, listing, LISTING_LIMIT);
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
        ctx.contentType(Http.JSON);
        ctx.result(openApi);
    }
}
