package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.cablegate.archive.index.IndexAudit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.mirror.Exporter;
import org.cablegate.web.mirror.PublisherKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher's guarantee, checked from outside: canary words put where nothing may be public (an unreleased cable,
 * spans redacted before and after a first release in the body, the subject and a paragraph, a withdrawn cable, the
 * old text of a cable corrected before its release) occur nowhere in what the site serves — every page linked from
 * the front page and the sitemaps, every listing page, every cable's JSON and history, feeds, downloads, searches for
 * each canary as a word, a prefix, a fuzzy term and a phrase — nor in any term, doc value or stored field of the
 * committed public index.
 */
class CanaryLeakTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"#]*)\"|<loc>([^<]+)</loc>");
    private static final String BASE = "http://cablegate.test";

    @TempDir
    static Path dir;
    static CanaryArchive canaries;
    static PublicArchive archive;
    static WebServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        canaries = CanaryArchive.build(dir);
        archive = PublicArchive.open(Releaser.publicDir(canaries.dataDir));
        server = WebServer.create(archive, new WebServer.Options("127.0.0.1", 0, URI.create(BASE), 32L << 20,
                Duration.ofMinutes(10))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        archive.close();
    }

    @Test
    void noCanaryInAnythingTheSiteServes() throws Exception {
        Map<String, String> crawled = crawl();
        assertThat(crawled.size()).as("pages crawled").isGreaterThan(600);
        // The crawl reached what each canary's cable shows in public.
        String withdrawn = canaries.roles.get("withdrawn");
        assertThat(crawled.keySet()).anyMatch(p -> p.contains(canaries.roles.get("redacted-subject") + "/history.html"))
                .anyMatch(p -> p.endsWith("/" + canaries.roles.get("redacted-body-before-release") + ".html"))
                .anyMatch(p -> p.equals("/api/cable/" + canaries.roles.get("redacted-paragraph") + "/history.json"));
        Map<String, String> leaks = new TreeMap<>();
        crawled.forEach((path, body) -> {
            String lower = body.toLowerCase(Locale.ROOT);
            for (String canary : canaries.canaries.values()) {
                if (lower.contains(canary)) {
                    leaks.put(path, canary);
                }
            }
        });
        assertThat(leaks).isEmpty();
        assertThat(status("/api/cable/" + withdrawn + ".json")).isEqualTo(410);
    }

    @Test
    void noSearchFindsACanaryAsAWordAPrefixAFuzzyTermOrAPhrase() throws Exception {
        for (String canary : canaries.canaries.values()) {
            for (String q : List.of(canary, canary.substring(0, 8) + "*", canary + "~1", "\"the " + canary + "\"",
                    "subject:" + canary, "body:" + canary.substring(0, 9) + "*")) {
                String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
                assertThat(get("/api/search?q=" + encoded)).as(q).contains("\"total\":0,");
                // The page echoes the query; with the canary swapped for a word of its length that no cable has, it is
                // the very same page.
                String nonsense = "q".repeat(canary.length());
                String other = URLEncoder.encode(q.replace(canary, nonsense)
                        .replace(canary.substring(0, 8), nonsense.substring(0, 8)), StandardCharsets.UTF_8);
                assertThat(get("/search?q=" + encoded).replace(canary, nonsense)
                        .replace(canary.substring(0, 8), nonsense.substring(0, 8)))
                        .as(q).isEqualTo(get("/search?q=" + other));
                assertThat(get("/api/search.csv?q=" + encoded).lines().count()).as(q).isEqualTo(1);
                assertThat(get("/feed/search.atom?q=" + encoded)).as(q).doesNotContain("<entry>");
            }
        }
    }

    /**
     * The same guarantee over a mirror: every file of an export of the canary archive, each {@code .gz} decompressed,
     * holds no canary (issue 9), and the export holds the pages that show each canary's cable in public.
     */
    @Test
    void noCanaryInAnyFileOfAnExportGzipsIncluded() throws Exception {
        PublisherKey.init(canaries.dataDir);
        Path export = dir.resolve("export");
        Exporter.export(archive, canaries.dataDir, export, new Exporter.Options(URI.create(BASE),
                Instant.parse("2099-01-01T00:00:00Z"), List.of(), 2));
        Map<String, String> leaks = new TreeMap<>();
        List<String> files = new ArrayList<>();
        Path root = export.toRealPath();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                files.add(rel);
                byte[] bytes = Files.readAllBytes(f);
                if (rel.endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        bytes = in.readAllBytes();
                    }
                }
                String lower = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (String canary : canaries.canaries.values()) {
                    if (lower.contains(canary)) {
                        leaks.put(rel, canary);
                    }
                }
            }
        }
        String withdrawn = canaries.roles.get("withdrawn");
        assertThat(files.size()).as("files exported").isGreaterThan(1200);
        assertThat(files).anyMatch(p -> p.endsWith("/" + withdrawn + ".html"))
                .anyMatch(p -> p.endsWith(canaries.roles.get("redacted-subject") + "/history.html.gz"))
                .anyMatch(p -> p.equals("api/cable/" + canaries.roles.get("redacted-paragraph") + "/history.json.gz"))
                .contains("api/search.csv.gz", "api/search.jsonl");
        assertThat(leaks).isEmpty();
    }

    @Test
    void noCanaryInAnyTermDocValueOrStoredFieldOfTheIndex() throws Exception {
        Path index = Releaser.publicDir(canaries.dataDir);
        assertThat(IndexAudit.find(index, Set.copyOf(canaries.canaries.values()))).isEmpty();
        assertThat(IndexAudit.deletedDocuments(index)).isZero();
    }

    @Test
    void anUnreleasedIdAnswersExactlyAsAnUnknownOne() throws Exception {
        String unreleased = canaries.roles.get("unreleased");
        // An unknown id of the same length: the HTML page names the id it was asked for, as it does for any id.
        String unknown = unreleased.substring(0, unreleased.length() - 3) + "999";
        assertThat(unknown).isNotEqualTo(unreleased);
        for (String[] pair : List.of(new String[] {"/api/cable/" + unreleased + ".json", "/api/cable/" + unknown + ".json"},
                new String[] {"/cable/" + unreleased + ".html", "/cable/" + unknown + ".html"},
                new String[] {"/api/cable/" + unreleased + "/history.json", "/api/cable/" + unknown + "/history.json"})) {
            HttpResponse<String> a = send(pair[0]);
            HttpResponse<String> b = send(pair[1]);
            assertThat(a.statusCode()).isEqualTo(404).isEqualTo(b.statusCode());
            assertThat(a.body().replace(unreleased, "ID")).isEqualTo(b.body().replace(unknown, "ID"));
            Map<String, List<String>> headersA = withoutDate(a);
            Map<String, List<String>> headersB = withoutDate(b);
            if (pair[0].endsWith(".html")) {
                // The ETag of a page is a hash of its bytes, which name the id.
                headersA.remove("etag");
                headersB.remove("etag");
            }
            assertThat(headersA).isEqualTo(headersB);
        }
    }

    /** Every page and answer reachable from the front page, the sitemaps and the data routes, by path. */
    private static Map<String, String> crawl() throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/sitemap.xml", "/robots.txt", "/releases.html",
                "/feed/latest.atom", "/feed/changes.atom", "/feed/releases.atom", "/api/status", "/api/releases.json",
                "/api/search?limit=1000&facets=all&facetLimit=1000", "/api/search.csv", "/api/search.jsonl",
                "/reldate/index.html", "/date/index.html", "/tag/index.html", "/origin/index.html",
                "/classification/index.html"));
        for (String id : canaries.roles.values()) {
            queue.add("/cable/" + id + ".html");
            queue.add("/api/cable/" + id + ".json");
            queue.add("/api/cable/" + id + "/history.json");
        }
        while (!queue.isEmpty() && seen.size() < 20_000) {
            String path = queue.poll();
            if (seen.containsKey(path)) {
                continue;
            }
            HttpResponse<String> r = send(path);
            seen.put(path, r.body());
            r.headers().firstValue("location").ifPresent(queue::add);
            Matcher m = LINK.matcher(r.body());
            while (m.find()) {
                String link = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
                if (link.startsWith(BASE)) {
                    link = link.substring(BASE.length());
                }
                // Search links with facets multiply without end; the searches are tested on their own.
                if (link.startsWith("/") && !link.startsWith("/search")) {
                    queue.add(link);
                }
                Matcher cable = Pattern.compile("^/cable/\\d{4}/\\d{2}/([A-Z0-9]+)\\.html$").matcher(link);
                if (cable.matches()) {
                    queue.add("/api/cable/" + cable.group(1) + ".json");
                    queue.add("/api/cable/" + cable.group(1) + "/history.json");
                    queue.add(link.replace(".html", ".txt"));
                    queue.add(link.replace(".html", "/history.html"));
                }
            }
        }
        return seen;
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<?> r) {
        Map<String, List<String>> headers = new TreeMap<>(r.headers().map());
        headers.remove("date");
        return headers;
    }

    private static int status(String path) throws Exception {
        return send(path).statusCode();
    }

    private static String get(String path) throws Exception {
        return send(path).body();
    }

    private static HttpResponse<String> send(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
