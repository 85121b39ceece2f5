package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTest extends ServedSample {
    static final List<String> PATHS = List.of("/api/status", "/api/cable/08MOSCOW1647.json", "/api/search?q=iran",
            "/api/search.csv?q=iran", "/api/search.jsonl", "/api/tag/PREL.json", "/api/reldate/2010-11-28.csv",
            "/api/openapi.json", "/feed/latest.atom", "/feed/search.atom?q=moscow", "/sitemap.xml", "/sitemap-2.xml",
            "/robots.txt");

    @ParameterizedTest
    @ValueSource(strings = {"/api/status", "/api/cable/08MOSCOW1647.json", "/api/search?q=iran", "/api/search.csv?q=iran",
        "/api/search.jsonl", "/api/tag/PREL.json", "/api/openapi.json", "/feed/latest.atom", "/sitemap.xml",
        "/sitemap-2.xml", "/robots.txt"})
    void aCopyOfThisReleaseIsNotSentAgain(String path) throws Exception {
        HttpResponse<byte[]> first = server.bytes(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(etag).startsWith("W/\"2-");
        // When the release was published (the commit), not the release time it was given; an RFC 9110 date.
        assertThat(lastModified).isEqualTo(org.cablegate.web.http.HttpDates.format(publishedOf(archive)));
        assertThat(lastModified).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        HttpResponse<byte[]> again = server.bytes(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(server.bytes(path, "If-None-Match", "W/\"1-0\", " + etag).statusCode()).isEqualTo(304);
        assertThat(server.bytes(path, "If-None-Match", "W/\"1-0\"").statusCode()).isEqualTo(200);
        // Issue 12: the API ignored If-Modified-Since. The published time changes with every release, so it may not.
        assertThat(server.bytes(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(server.bytes(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode())
                .isEqualTo(200);
        assertThat(server.bytes(path, "If-None-Match", "W/\"1-0\"", "If-Modified-Since", lastModified).statusCode())
                .as("If-None-Match wins").isEqualTo(200);
    }

    @Test
    void eachRequestHasItsOwnEtag() throws Exception {
        String iran = server.get("/api/search?q=iran").headers().firstValue("ETag").orElseThrow();
        String moscow = server.get("/api/search?q=moscow").headers().firstValue("ETag").orElseThrow();

        assertThat(iran).isNotEqualTo(moscow);
        assertThat(server.get("/api/search?q=moscow", "If-None-Match", iran).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsCarryNoValidators() throws Exception {
        for (String path : List.of("/api/cable/NOSUCHID.json", "/api/search?q=(")) {
            HttpResponse<String> r = server.get(path);
            assertThat(r.headers().firstValue("ETag")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Last-Modified")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-cache");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cable/08MOSCOW1647.json", "/api/search.csv", "/api/search.jsonl", "/feed/latest.atom",
        "/sitemap-1.xml", "/api/search?q=iran&limit=50"})
    void gzipWhenAsked(String path) throws Exception {
        byte[] plain = server.bytes(path).body();
        HttpResponse<byte[]> zipped = server.bytes(path, "Accept-Encoding", "gzip");

        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/status                  | application/json;charset=utf-8",
        "/api/search?q=x              | application/json;charset=utf-8",
        "/api/search.csv              | text/csv;charset=utf-8;header=present",
        "/api/search.jsonl            | application/jsonl;charset=utf-8",
        "/feed/latest.atom            | application/atom+xml;charset=utf-8",
        "/sitemap.xml                 | application/xml;charset=utf-8",
        "/robots.txt                  | text/plain;charset=utf-8",
        "/api/cable/NOSUCHID.json     | application/json;charset=utf-8"})
    void contentTypesNameTheirCharset(String path, String type) throws Exception {
        assertThat(server.get(path).headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo(type);
    }

    @Test
    void theSameReleaseGivesTheSameBytesFromAnotherServer() throws Exception {
        try (PublicArchive again = PublicArchive.open(Releaser.publicDir(dir.resolve("data")));
                TestServer other = new TestServer(again)) {
            for (String path : PATHS) {
                HttpResponse<byte[]> mine = server.bytes(path);
                HttpResponse<byte[]> theirs = other.bytes(path);
                assertThat(theirs.body()).as(path).isEqualTo(mine.body());
                assertThat(theirs.headers().firstValue("ETag")).as(path).isEqualTo(mine.headers().firstValue("ETag"));
            }
        }
    }

    @Test
    void aNewReleaseChangesEveryEtag() throws Exception {
        // A data directory of its own, released a third time.
        Path own = dir.resolve("third");
        Path data = SampleArchive.build(own);
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data)); TestServer s = new TestServer(archive)) {
            String before = s.get("/api/status").headers().firstValue("ETag").orElseThrow();
            String modifiedBefore = s.get("/api/status").headers().firstValue("Last-Modified").orElseThrow();
            assertThat(sitemapUrls(s)).hasSize(176).noneMatch(u -> u.contains("TRIPOLI"));
            releaseTheRest(data);
            archive.refresh();

            // Sitemap pages are kept rendered, for one release only.
            assertThat(sitemapUrls(s)).hasSize(186).anyMatch(u -> u.endsWith("/09TRIPOLI57.html"));

            HttpResponse<String> after = s.get("/api/status", "If-None-Match", before);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).startsWith("W/\"3-");
            // Released "at" 2010-12-06, published now: Last-Modified follows the publication (issue 12).
            String modifiedAfter = after.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(modifiedAfter).isEqualTo(org.cablegate.web.http.HttpDates.format(publishedOf(archive)))
                    .isNotEqualTo(modifiedBefore);
            assertThat(s.get("/api/status", "If-Modified-Since", modifiedBefore).statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(
                    "{\"released\":186,\"setSize\":186,\"lastRelease\":3,\"lastReleaseTime\":\"2010-12-06T12:00\"}\n");
            assertThat(s.get("/api/cable/09TRIPOLI57.json").statusCode()).isEqualTo(200);
        }
    }

    static java.time.Instant publishedOf(PublicArchive archive) throws IOException {
        try (PublicArchive.View v = archive.view()) {
            return v.published().orElseThrow();
        }
    }

    private static List<String> sitemapUrls(TestServer s) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpResponse<String> r = s.get("/sitemap-" + page + ".xml");
            if (r.statusCode() == 404) {
                return urls;
            }
            Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(r.body());
            while (m.find()) {
                urls.add(m.group(1));
            }
        }
    }

    static void releaseTheRest(Path data) throws IOException {
        try (Vault vault = Vault.open(data);
                Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("Tripoli",
                    Selection.all()).at(LocalDateTime.parse("2010-12-06T12:00")),
                    ReleaseListener.NONE);
        }
    }
}
