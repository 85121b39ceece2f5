package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchLimits;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.http.SearchGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a probe of the server found (issue 12), each a regression test against the real server. */
class AttackTest extends ServedSite {
    static final List<String> DATA_ROUTES = List.of("/api/status", "/api/search?q=moscow", "/api/search.csv?q=moscow",
            "/api/cable/08MOSCOW1647.json", "/api/tag/PREL.json", "/search?q=moscow", "/feed/latest.atom",
            "/feed/search.atom?q=moscow", "/sitemap.xml", "/robots.txt");

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void headAnswersEveryDataRouteWithTheHeadersOfItsGet() throws Exception {
        for (String path : DATA_ROUTES) {
            HttpResponse<byte[]> get = site.get(path);
            HttpResponse<byte[]> head = site.send("HEAD", path);

            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path)
                    .isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("ETag")).as(path).isEqualTo(get.headers().firstValue("ETag"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "POST", "OPTIONS", "PATCH"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        for (String path : List.of("/", "/api/status", "/api/search?q=iran", "/cable/2008/06/08MOSCOW1647.html",
                "/no/such/page")) {
            HttpResponse<byte[]> r = site.send(method, path);

            assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(method + " " + path).contains("GET, HEAD");
            assertThat(text(r)).isEqualTo("405 Method Not Allowed: this site is read-only; use GET or HEAD\n");
        }
    }

    @Test
    void aMalformedPercentEscapeIsABadRequestNotEveryCable() throws Exception {
        HttpResponse<byte[]> api = raw("/api/search?q=abc%");
        HttpResponse<byte[]> page = raw("/search?q=abc%");
        HttpResponse<byte[]> csv = raw("/api/search.csv?q=iran%2");

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(text(api)).isEqualTo("{\"status\":400,\"error\":\"Bad Request\",\"message\":\"The query string has a "
                + "malformed percent-escape at character 6: '%' (a % must be followed by two hexadecimal digits; "
                + "write %25 for % itself)\"}\n");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("malformed percent-escape at character 6");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(site.get("/api/search?q=abc%25").statusCode()).isEqualTo(200);
    }

    /** A request line as sent, which java.net.URI would refuse to build. */
    static HttpResponse<byte[]> raw(String pathAndQuery) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", site.server.port())) {
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder plain = new StringBuilder();
                for (int i = 0; ; ) {
                    int eol = body.indexOf("\r\n", i);
                    int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    plain.append(body, eol + 2, eol + 2 + size);
                    i = eol + 2 + size + 2;
                }
                body = plain.toString();
            }
            return new RawResponse(status, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void apiAnswersSayNosniff() throws Exception {
        for (String path : List.of("/api/status", "/api/search?q=iran", "/api/search?q=iran%20AND",
                "/api/cable/NOPE.json", "/api/search.csv?q=iran", "/api/tag/PREL.jsonl", "/api/openapi.json")) {
            assertThat(site.get(path).headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void aListingPageHasOneUrlAndATagOfNoCableIsNotThere() throws Exception {
        assertThat(site.get("/tag/PREL_0.html").statusCode()).isEqualTo(200);
        assertThat(site.get("/tag/PREL_01.html").statusCode()).isEqualTo(404);
        assertThat(site.get("/tag/PREL_00.html").statusCode()).isEqualTo(404);
        assertThat(site.get("/tag/ZZQQ_0.html").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> api = site.get("/api/tag/ZZQQ.json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(text(api)).isEqualTo("{\"status\":404,\"error\":\"Not Found\",\"message\":\"There is no tag listing "
                + "'ZZQQ'\"}\n");
        assertThat(site.get("/api/tag/ZZQQ.csv").statusCode()).isEqualTo(404);
        assertThat(site.get("/api/tag/PREL.json").statusCode()).isEqualTo(200);
    }

    @Test
    void theSearchPagePositionComesFromTheCursorNotFromTheClient() throws Exception {
        String first = site.text("/search?q=&sort=created&from=999999999");
        assertThat(first).contains("1–25 of ").doesNotContain("999,999,999");

        Matcher next = Pattern.compile("href=\"(/search\\?[^\"]*cursor=[^\"]*)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = site.text(next.group(1).replace("&amp;", "&") + "&from=999999999");
        assertThat(second).contains("26–50 of ").doesNotContain("999,999,999");
    }

    @Test
    void aFullSearchPoolIsA503WithRetryAfterAndPagesStillAnswer() throws Exception {
        SearchGate gate = site.server.gate();
        List<SearchGate.Permit> held = new ArrayList<>();
        try {
            // Every thread of the pool busy: a search waits its time in the queue, then is refused.
            for (int i = 0; i < site.archive.limits().searchThreads(); i++) {
                held.add(gate.enter());
            }
            for (String path : List.of("/api/search?q=iran", "/search?q=iran", "/feed/search.atom?q=iran")) {
                HttpResponse<byte[]> r = site.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).contains("2");
            }
            assertThat(site.get("/").statusCode()).isEqualTo(200);
            assertThat(site.get("/api/status").statusCode()).isEqualTo(200);
        } finally {
            held.forEach(SearchGate.Permit::close);
        }
        assertThat(site.get("/api/search?q=iran").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchRefusedAtTheDoorIsAnsweredOnlyAfterTheQueueWaitSoAFloodPacesItself() throws Exception {
        SearchGate gate = site.server.gate();
        int admitted = 0;
        try {
            // The pool and its queue full: the next search is refused at the door, but not before a queued search
            // would have given up, and without holding a thread meanwhile (pages answer at once).
            while (gate.admit()) {
                admitted++;
            }
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> refused = site.http.sendAsync(
                    java.net.http.HttpRequest.newBuilder(URI.create(site.url("/api/search?q=iran"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(site.get("/").statusCode()).isEqualTo(200);
            assertThat(refused.isDone()).as("the refusal is still held while the page is answered").isFalse();
            HttpResponse<byte[]> r = refused.get(10, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("2");
            assertThat(millis).as("ms before the refusal").isGreaterThanOrEqualTo(gate.refusalDelay().toMillis());
        } finally {
            for (int i = 0; i < admitted; i++) {
                gate.leave();
            }
        }
        assertThat(site.get("/api/search?q=iran").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchPastItsTimeLimitIsA503() throws Exception {
        try (PublicArchive strict = PublicArchive.open(Releaser.publicDir(site.dataDir),
                SearchLimits.defaults().withTimeout(Duration.ofNanos(1)));
                WebServer server = WebServer.create(strict, new WebServer.Options("127.0.0.1", 0,
                        URI.create("http://cablegate.test"), 8L << 20, Duration.ofMinutes(10))).start()) {
            var client = java.net.http.HttpClient.newHttpClient();
            var r = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/search?q=body:/.*a.*/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("2");
            assertThat(r.body()).isEqualTo("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"The search "
                    + "took longer than 0 ms and was stopped; narrow it (fewer wildcards, fuzzy words or regular "
                    + "expressions)\"}\n");
        }
    }

    @Test
    void aClientTricklingItsHeadersIsCutOffAtTheDeadline() throws Exception {
        try (WebServer server = WebServer.create(site.archive, new WebServer.Options("127.0.0.1", 0,
                URI.create("http://cablegate.test"), 8L << 20, Duration.ofMinutes(10))
                .withHeaderDeadline(Duration.ofSeconds(2))).start();
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(500);
            var out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();
            boolean closed = false;
            // A byte every 300 ms: the idle timeout never fires; before issue 12's fix this stayed open for ever.
            while (!closed && System.nanoTime() - started < Duration.ofSeconds(8).toNanos()) {
                try {
                    out.write('a');
                    out.flush();
                    closed = socket.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    // nothing to read yet: still open
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            assertThat(closed).as("closed by the server").isTrue();
            assertThat(seconds).as("seconds until closed").isBetween(2L, 5L);
        }
    }

    @Test
    void theAccessLogIsInTheCommonLogFormat(@org.junit.jupiter.api.io.TempDir java.nio.file.Path logs) throws Exception {
        java.nio.file.Path log = logs.resolve("access.log");
        try (WebServer server = WebServer.create(site.archive, new WebServer.Options("127.0.0.1", 0,
                URI.create("http://cablegate.test"), 8L << 20, Duration.ofMinutes(10))
                .withAccessLog(java.util.Optional.of(log))).start()) {
            var client = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/", "/api/status", "/nope")) {
                client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        List<String> lines = java.nio.file.Files.readAllLines(log);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} "
                + "\\+0000\\] \"GET / HTTP/1\\.1\" 200 \\d+");
        assertThat(lines.get(1)).contains("\"GET /api/status HTTP/1.1\" 200 ");
        assertThat(lines.get(2)).contains("\"GET /nope HTTP/1.1\" 404 ");
    }

    @Test
    void healthzNamesTheReleaseServed() throws Exception {
        HttpResponse<byte[]> r = site.get("/healthz");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("{\"status\":\"ok\",\"release\":1,\"cables\":" + site.archive.count()
                + ",\"searchesRunning\":0}\n");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    /** Just the status and the body, for {@link #raw}. */
    private record RawResponse(int statusCode, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpRequest request() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
