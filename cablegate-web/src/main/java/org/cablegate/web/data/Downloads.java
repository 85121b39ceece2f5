package org.cablegate.web.data;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.web.search.SearchQuery;

/**
 * Every hit of a search or listing as CSV (RFC 4180, with a header row) or JSON Lines, with no cap. The hits are
 * written as they are paged through with cursors, a page (1,000 hits) at a time, so memory stays the same whether a
 * download holds ten cables or all of them; all from the one release the answer reads, even if another is published
 * while it streams.
 */
final class Downloads {
    enum Format {
        CSV("csv", Http.CSV),
        JSON_LINES("jsonl", Http.JSON_LINES);

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    static final String CSV_HEADER = "id,canonicalId,created,released,classification,origin,subject,tags,url";

    private final SiteUrls urls;
    private final int pageSize;

    Downloads(SiteUrls urls, int pageSize) {
        this.urls = urls;
        this.pageSize = pageSize;
    }

    void search(Context ctx, ReleaseView view, Format format) throws IOException, BadQueryException {
        write(ctx, view.search(), SearchQuery.search(ctx.queryParamMap(), SearchRequest.MAX_LIMIT), "search", format);
    }

    void listing(Context ctx, ReleaseView view, Listing.Kind kind, Format format)
            throws IOException, BadQueryException, NotFound {
        Listing listing = Listing.released(kind, ctx.pathParam("key"), view);
        write(ctx, view.archive(), SearchQuery.paging(ctx.queryParamMap(), listing.request(), SearchRequest.MAX_LIMIT,
                SortOrder.CREATED_NEWEST), listing.fileName(), format);
    }

    private void write(Context ctx, SearchBackend backend, SearchRequest asked, String name, Format format)
            throws IOException, BadQueryException {
        // From the first hit to the last, whatever page the request named; no facets: a download is rows.
        SearchRequest request = new SearchRequest(asked.query(), asked.filters(), asked.conditions(), asked.sort(), 0, pageSize,
                Optional.empty(), Set.of(), 1);
        // The first page is read before anything is written, so that a bad query still gets its 400.
        SearchResult page = backend.search(request);
        ctx.contentType(format.contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        if (format == Format.CSV) {
            out.write(CSV_HEADER);
            out.write("\r\n");
        }
        while (true) {
            for (Hit h : page.hits()) {
                if (format == Format.CSV) {
                    csv(h, out);
                } else {
                    DataJson.hit(h, urls, new JsonWriter(out, false));
                    out.write('\n');
                }
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            page = backend.search(request.after(page.nextCursor().get()));
        }
        out.flush();
    }

    private void csv(Hit h, Writer out) throws IOException {
        field(h.id(), out).write(',');
        field(h.canonicalId(), out).write(',');
        field(h.created().format(CableJson.MINUTES), out).write(',');
        field(h.released().format(CableJson.MINUTES), out).write(',');
        field(h.classification(), out).write(',');
        field(h.origin(), out).write(',');
        field(h.subject(), out).write(',');
        field(String.join(" ", h.tags()), out).write(',');
        field(urls.cable(h.id(), h.created()), out).write("\r\n");
    }

    /**
     * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A field that a spreadsheet
     * would run as a formula (starting with {@code = + - @}, or a tab or carriage return before one) gets a leading
     * {@code '}, as OWASP advises: issue 12 found a subject {@code =cmd|' /C calc'!A0} written raw. The JSON and
     * JSON Lines answers keep the text as it is.
     */
    static Writer field(String value, Writer out) throws IOException {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return out;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
        return out;
    }
}
