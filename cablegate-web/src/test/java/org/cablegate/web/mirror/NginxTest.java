package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx serving an export with the configuration the export carries, on loopback: every file with its type,
 * the 404 page, pages stored with another status, redirects, gzip_static, search sent to the base URL. Needs
 * {@code nginx} ({@code NGINX_BIN} or /usr/sbin/nginx): skipped without it, failed under CI.
 */
class NginxTest {
    @TempDir
    static Path dir;

    static MirrorSample sample;
    static Path export;
    static Process nginx;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The types nginx.conf gives each extension, as cablegate serve sends them (header order aside). */
    static final Map<String, String> TYPES = Map.of("html", "text/html", "txt", "text/plain", "css", "text/css",
            "json", "application/json", "jsonl", "application/jsonl", "csv", "text/csv", "atom",
            "application/atom+xml", "xml", "application/xml");

    @BeforeAll
    static void serveTheExportWithNginx() throws Exception {
        Path bin = Path.of(Optional.ofNullable(System.getenv("NGINX_BIN")).orElse("/usr/sbin/nginx"));
        if (!Files.isExecutable(bin)) {
            String message = "nginx not found at " + bin + " (apt-get install nginx, or set NGINX_BIN)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + message);
            }
            Assumptions.abort(message);
        }
        sample = MirrorSample.create(dir);
        sample.releaseNext();
        export = dir.resolve("export");
        sample.export(export);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The shipped configuration, changed where the README says: the listen line (and the include made absolute,
        // since this copy lives outside the export so that the export stays as signed).
        String conf = Files.readString(export.resolve("nginx.conf"))
                .replace("listen 127.0.0.1:8080;", "listen 127.0.0.1:" + port + ";")
                .replace("include nginx-statuses.conf;", "include " + export.toRealPath().resolve("nginx-statuses.conf") + ";");
        Path confFile = dir.resolve("nginx-test.conf");
        Files.writeString(confFile, conf);
        String globals = "pid " + dir.resolve("nginx.pid") + ";"
                + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
        nginx = new ProcessBuilder(bin.toString(), "-p", export.toRealPath() + "/", "-c", confFile.toString(), "-g",
                globals + " daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.log").toFile())
                .start();
        for (int i = 0; i < 100; i++) {
            try {
                get("/", Map.of());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        fail("nginx did not start: " + Files.readString(dir.resolve("nginx.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        if (sample != null) {
            sample.close();
        }
    }

    static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void nginxServesEveryFileOfTheManifestWithItsTypeAndStatus() throws Exception {
        Manifest m = Manifest.parse(Files.readAllBytes(export.resolve(Manifest.FILE)), "m");
        String statuses = Files.readString(export.resolve("nginx-statuses.conf"));
        Pattern status = Pattern.compile("location = \"([^\"]+)\" \\{ error_page (\\d+)");
        Map<String, Integer> special = new java.util.HashMap<>();
        for (Matcher x = status.matcher(statuses); x.find(); ) {
            special.put(x.group(1), Integer.parseInt(x.group(2)));
        }
        int served = 0;
        for (Manifest.Entry e : m.files()) {
            String ext = e.path().substring(e.path().lastIndexOf('.') + 1);
            if (!TYPES.containsKey(ext) || e.path().equals("404.html")) {
                continue;
            }
            String url = "/" + new URI(null, null, e.path(), null).getRawPath();
            HttpResponse<byte[]> r = get(url, Map.of());
            assertThat(r.statusCode()).as(url).isEqualTo(special.getOrDefault("/" + e.path(), 200));
            assertThat(r.body()).as(url).isEqualTo(Files.readAllBytes(export.resolve(e.path())));
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(url)
                    .isEqualTo(TYPES.get(ext) + "; charset=utf-8");
            served++;
        }
        assertThat(served).isGreaterThan(1000);
        HttpResponse<byte[]> status2 = get("/api/status", Map.of());
        assertThat(status2.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(status2.body()).isEqualTo(Files.readAllBytes(export.resolve("api/status")));
    }

    @Test
    void anAddressThatNamesNothingGetsTheSitesNotFoundPage() throws Exception {
        HttpResponse<byte[]> r = get("/cable/2099/01/NOWHERE.html", Map.of());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(export.resolve("404.html")));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("There is no page at this address");
    }

    @Test
    void pagesOfCablesThatAreNotPublicKeepTheirStatusAndRedirectsTheirTarget() throws Exception {
        String statuses = Files.readString(export.resolve("nginx-statuses.conf"));
        Matcher redirect = Pattern.compile("location = \"([^\"]+)\" \\{ return 301 \"([^\"]+)\"; \\}").matcher(statuses);
        int redirects = 0;
        while (redirect.find()) {
            HttpResponse<byte[]> r = get(redirect.group(1), Map.of());
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.headers().firstValue("Location")).contains(redirect.group(2));
            redirects++;
        }
        Matcher other = Pattern.compile("location = \"([^\"]+)\" \\{ error_page (\\d+)").matcher(statuses);
        int others = 0;
        while (other.find()) {
            HttpResponse<byte[]> r = get(other.group(1), Map.of());
            assertThat(r.statusCode()).isEqualTo(Integer.parseInt(other.group(2)));
            assertThat(r.body()).isEqualTo(Files.readAllBytes(export.resolve(other.group(1).substring(1))));
            others++;
        }
        assertThat(redirects + others).as("the sample's pages link to cables that are not public").isPositive();
    }

    @Test
    void aClientThatAcceptsGzipGetsTheGzFileBesideThePage() throws Exception {
        HttpResponse<byte[]> r = get("/about.html", Map.of("Accept-Encoding", "gzip"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(r.body()).isEqualTo(Files.readAllBytes(export.resolve("about.html.gz")));
        assertThat(MirrorSample.gunzip(r.body())).isEqualTo(Files.readAllBytes(export.resolve("about.html")));
        assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    }

    @Test
    void searchGoesToThePublishersSiteWithTheQueryKept() throws Exception {
        HttpResponse<byte[]> r = get("/search?q=tag%3APREL&sort=created-newest", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("https://cablegate.test/search?q=tag%3APREL&sort=created-newest");
        HttpResponse<byte[]> api = get("/api/search.csv?q=moscow", Map.of());
        assertThat(api.headers().firstValue("Location")).contains("https://cablegate.test/api/search.csv?q=moscow");
        // Without a query, the download of the whole archive is a file of the export.
        assertThat(get("/api/search.csv", Map.of()).body()).isEqualTo(Files.readAllBytes(export.resolve("api/search.csv")));
    }

    @Test
    void aMirrorOfTheNginxMirrorIsTheSameExport() throws Exception {
        Path copy = dir.resolve("copy");
        MirrorSync.Result r = new MirrorSync(2, Duration.ofMillis(10)).sync(URI.create("http://127.0.0.1:" + port + "/"),
                copy, PublisherKey.parse(sample.publicKey, "key"), dir.resolve("state"), Instant.parse("2026-01-01T00:00:00Z"),
                MirrorSync.Listener.NONE);
        assertThat(r.report().problems()).isEmpty();
        assertThat(MirrorSample.treeHash(copy)).isEqualTo(MirrorSample.treeHash(export));
        assertThat(Arrays.equals(Files.readAllBytes(copy.resolve(Manifest.FILE)),
                Files.readAllBytes(export.resolve(Manifest.FILE)))).isTrue();
    }
}
