package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.junit.jupiter.api.Test;

/** What the site tells caches and browsers: entity tags, 304s, gzip, cache lifetimes, security headers. */
class HttpCachingTest extends ServedSite {
    @Test
    void theFastPathSendsWhatTheFirstRenderingSent() throws Exception {
        String path = "/cable/2009/10/09MOSCOW2541.html";
        HttpResponse<byte[]> miss = site.get(path);
        HttpResponse<byte[]> hit = site.get(path);

        assertThat(site.server.cache().get(path)).as("cached after the first request").isNotNull();
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(headers(hit)).isEqualTo(headers(miss));
    }

    @Test
    void aDataAnswerIsKeptAndSentAsItsRouteSentIt() throws Exception {
        for (String path : List.of("/api/cable/08MOSCOW1647.json", "/api/tag/PREL.json", "/api/status",
                "/feed/latest.atom", "/robots.txt", "/api/cable/08MOSCOW1647/history.json")) {
            HttpResponse<byte[]> miss = site.get(path);
            HttpResponse<byte[]> hit = site.get(path);
            HttpResponse<byte[]> zipped = site.get(path, "Accept-Encoding", "gzip");

            assertThat(site.server.cache().get(path)).as(path + " cached after the first request").isNotNull();
            assertThat(hit.statusCode()).isEqualTo(200);
            assertThat(hit.body()).as(path).isEqualTo(miss.body());
            // The same headers but the framing: the route's answer goes out chunked, the kept one with its length.
            Map<String, List<String>> sent = headers(miss);
            Map<String, List<String>> kept = headers(hit);
            sent.remove("transfer-encoding");
            sent.remove("content-length");
            assertThat(kept.remove("content-length")).containsExactly(Integer.toString(miss.body().length));
            assertThat(kept).as(path).isEqualTo(sent);
            assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(miss.body());
            assertThat(site.get(path, "If-None-Match", hit.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .as(path).isEqualTo(304);
        }
        assertThat(site.server.cache().get("/api/search")).as("a search is never kept").isNull();
        site.get("/api/tag/PREL.json?limit=5");
        assertThat(site.server.cache().get("/api/tag/PREL.json?limit=5")).isNull();
        site.get("/api/cable/NOSUCHCABLE.json");
        assertThat(site.server.cache().get("/api/cable/NOSUCHCABLE.json")).as("a 404 is not kept").isNull();
    }

    @Test
    void everyAnswerNamesItsRelease() throws Exception {
        String release;
        try (var view = site.archive.view()) {
            release = Long.toString(view.lastRelease());
        }
        for (String path : List.of("/", "/", "/cable/2008/06/08MOSCOW1647.html", "/nothing", "/search?q=iran",
                "/api/status", "/api/status", "/api/search?q=iran", "/api/cable/NOSUCHCABLE.json",
                "/api/tag/PREL.json")) {
            assertThat(site.get(path).headers().firstValue("X-Cablegate-Release")).as(path).hasValue(release);
        }
    }

    @Test
    void anUnchangedPageIsA304() throws Exception {
        String path = "/tag/PREL_1.html";
        for (int i = 0; i < 2; i++) { // the first answer comes through Javalin, the second from the cache
            HttpResponse<byte[]> page = site.get(path);
            String etag = page.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = site.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            assertThat(site.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        }
        String lastModified = site.get(path).headers().firstValue("Last-Modified").orElseThrow();
        assertThat(site.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    }

    @Test
    void lastModifiedIsWhenTheReleaseWasPublishedAsAnRfc9110Date() throws Exception {
        java.time.Instant published;
        try (var view = site.archive.view()) {
            published = view.published().orElseThrow();
        }
        // Not the release time the sample was given (2011-04-11, or the original site's): issue 12.
        assertThat(site.get("/").headers().firstValue("Last-Modified"))
                .hasValue(org.cablegate.web.http.HttpDates.format(published));
        assertThat(org.cablegate.web.http.HttpDates.format(java.time.Instant.parse("2026-12-03T09:28:00Z")))
                .isEqualTo("Thu, 03 Dec 2026 09:28:00 GMT");
    }

    @Test
    void gzipIsSentToClientsThatAskAndUnzipsToTheSamePage() throws Exception {
        for (String path : List.of("/origin/67_0.html", "/origin/67_0.html", "/search?q=iran")) {
            HttpResponse<byte[]> plain = site.get(path);
            HttpResponse<byte[]> zipped = site.get(path, "Accept-Encoding", "gzip");

            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
            assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes())
                    .isEqualTo(plain.body());
            assertThat(zipped.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/", "/cable/2008/06/08MOSCOW1647.html", "/nothing", "/search?q=(",
                "/cable/2009/04/09TRIPOLI310.html", "/static/cablegate.css")) {
            HttpResponse<byte[]> r = site.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(
                    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                            + "frame-src 'self'; frame-ancestors 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
        }
    }

    @Test
    void pagesMayBeHeldByACdnAndMissesOnlyBriefly() throws Exception {
        assertThat(site.get("/tag/RS_0.html").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=300, s-maxage=31536000");
        assertThat(site.get("/cable/2009/04/09TRIPOLI310.html").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=60");
    }

    @Test
    void headSendsTheHeadersWithoutTheBody() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> head = site.send("HEAD", "/date/2008-06_0.html");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Length")).isEqualTo(site.get("/date/2008-06_0.html")
                    .headers().firstValue("Content-Length"));
            assertThat(head.headers().firstValue("ETag")).isEqualTo(site.get("/date/2008-06_0.html").headers()
                    .firstValue("ETag"));
        }
    }

    @Test
    void thereIsNoWayToChangeAnything() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            int status = site.send(method, "/cable/2008/06/08MOSCOW1647.html").statusCode();
            assertThat(status).as(method).isIn(404, 405);
        }
    }

    private static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }
}
