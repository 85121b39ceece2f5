package org.cablegate.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export against the server it was made from: the same bytes for every URL the site links to. */
class ExportTest {
    @TempDir
    static Path dir;

    static MirrorSample sample;
    static Path export;
    static Exporter.Result result;

    @BeforeAll
    static void exportTheSample() throws Exception {
        sample = MirrorSample.create(dir);
        sample.releaseNext();
        export = dir.resolve("mirror");
        result = sample.export(export);
    }

    @AfterAll
    static void close() throws Exception {
        sample.close();
    }

    @Test
    void everyUrlTheServerLinksToIsInTheExportWithTheSameBytes() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String statuses = Files.readString(export.resolve("nginx-statuses.conf"));
        byte[] notFound = Files.readAllBytes(export.resolve("404.html"));
        Pattern link = Pattern.compile("(?:href|src)=\"(/[^\"#?]*)[^\"]*\"");
        try (WebServer server = WebServer.create(sample.archive, new WebServer.Options("127.0.0.1", 0,
                MirrorSample.BASE, 16L << 20, Duration.ofHours(1))).start()) {
            Deque<String> queue = new ArrayDeque<>(List.of("/", "/sitemap.xml", "/feed/latest.atom"));
            Set<String> seen = new HashSet<>(queue);
            int pages = 0;
            int statusPages = 0;
            int redirects = 0;
            while (!queue.isEmpty()) {
                String path = queue.poll();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                String file = Crawler.filePath(path).orElseThrow();
                if (r.statusCode() == 200) {
                    assertThat(export.resolve(file)).as(path).exists();
                    assertThat(Files.readAllBytes(export.resolve(file))).as(path).isEqualTo(r.body());
                    pages++;
                } else if (r.statusCode() == 301) {
                    assertThat(statuses).as(path).contains("location = \"" + path + "\" { return 301 \""
                            + r.headers().firstValue("Location").orElseThrow() + "\"; }");
                    redirects++;
                } else if (r.statusCode() == 404 && java.util.Arrays.equals(r.body(), notFound)) {
                    assertThat(export.resolve(file)).as(path + " is the site's 404 page, from 404.html")
                            .matches(p -> !Files.exists(p) || file.equals("404.html"));
                } else {
                    assertThat(statuses).as(path).contains("location = \"" + path + "\" { error_page "
                            + r.statusCode() + " @cablegate_body; return " + r.statusCode() + "; }");
                    assertThat(Files.readAllBytes(export.resolve(file))).as(path).isEqualTo(r.body());
                    statusPages++;
                }
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (type.startsWith("text/html") || type.contains("xml")) {
                    String text = new String(r.body(), StandardCharsets.UTF_8).replace("https://cablegate.test/", "/");
                    Matcher m = link.matcher(text);
                    while (m.find()) {
                        String p = m.group(1);
                        if (!p.startsWith("//") && !p.equals("/search") && seen.add(p)) {
                            queue.add(p);
                        }
                    }
                }
            }
            // 176 released cables, each a page and its text, plus listings and indexes.
            assertThat(pages).isGreaterThan(2 * 176);
            // Pages link to cables that are not public (held back, or cited by a REF line the sample lacks), and
            // to short cable URLs that redirect: each is written with its status, not as a 200 file.
            assertThat(statusPages + redirects).isPositive();
        }
    }

    @Test
    void everyCompressibleFileHasItsGzipBesideIt() throws Exception {
        int checked = 0;
        for (Manifest.Entry e : result.manifest().files()) {
            if (Exporter.compressible(e.path())) {
                Path gz = export.resolve(e.path() + ".gz");
                assertThat(gz).as(e.path()).exists();
                assertThat(MirrorSample.gunzip(Files.readAllBytes(gz))).isEqualTo(Files.readAllBytes(export.resolve(e.path())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void theExportHoldsTheDataRoutesAndNothingOfTheUnreleased() throws Exception {
        assertThat(Files.readString(export.resolve("api/status")))
                .isEqualTo("{\"released\":176,\"setSize\":186,\"lastRelease\":2,\"lastReleaseTime\":\"2010-12-05T09:30\"}\n");
        assertThat(export.resolve("robots.txt")).exists();
        assertThat(export.resolve("api/openapi.json")).exists();
        assertThat(export.resolve("api/search.csv")).exists();
        assertThat(export.resolve("api/search.jsonl")).exists();
        assertThat(Files.readString(export.resolve("publisher-key.txt"))).isEqualTo(sample.publicKey + "\n");
        assertThat(Files.readString(export.resolve("search.html"))).contains("action=\"https://cablegate.test/search\"");
        assertThat(Files.readString(export.resolve("mirror.html"))).contains(sample.publicKey);
        assertThat(Files.readString(export.resolve("nginx.conf")))
                .contains("location = /search { return 302 https://cablegate.test$request_uri; }");
        try (var files = Files.walk(export.toRealPath())) {
            assertThat(files.map(Path::toString).filter(p -> p.contains("TRIPOLI")).toList()).isEmpty();
        }
        long tripoliIn = MirrorSample.sampleCables().stream().filter(c -> c.origin().equals(MirrorSample.TRIPOLI)).count();
        assertThat(tripoliIn).isEqualTo(10);
    }

    @Test
    void noFileOfTheExportHoldsTheTextOfACableThatIsNotReleasedGzipIncluded() throws Exception {
        // Embassy Tripoli's 10 cables stay in the vault: the longest line of each body is its canary.
        List<String> canaries = MirrorSample.sampleCables().stream().filter(c -> c.origin().equals(MirrorSample.TRIPOLI))
                .map(c -> c.body().lines().map(String::strip).max(java.util.Comparator.comparingInt(String::length))
                        .orElseThrow())
                .toList();
        assertThat(canaries).hasSize(10).allMatch(c -> c.length() > 40);
        // The publisher's private key stays in the data directory.
        String privateKey = Files.readString(PublisherKey.privateFile(sample.data)).strip();
        canaries = new java.util.ArrayList<>(canaries);
        canaries.add(privateKey);
        int files = 0;
        for (String p : Trees.files(export)) {
            byte[] bytes = Files.readAllBytes(export.resolve(p));
            String text = new String(p.endsWith(".gz") ? MirrorSample.gunzip(bytes) : bytes, StandardCharsets.UTF_8);
            for (String canary : canaries) {
                assertThat(text).as(p).doesNotContain(canary);
            }
            files++;
        }
        assertThat(files).isEqualTo(result.manifest().files().size() + 2);
    }

    @Test
    void theManifestListsEveryFileWithTheReleaseInItsHeader() throws Exception {
        String text = Files.readString(export.resolve(Manifest.FILE));
        assertThat(text).startsWith("cablegate-manifest 1\nrelease 2\ntime 2010-12-05T09:30:00Z\n"
                + "base-url https://cablegate.test\nvalid-until 2099-01-01T00:00:00Z\nfiles ");
        List<String> files = Trees.files(export);
        assertThat(result.manifest().files().stream().map(Manifest.Entry::path).toList())
                .isEqualTo(files.stream().filter(p -> !p.startsWith("MANIFEST")).toList());
        for (Manifest.Entry e : result.manifest().files().subList(0, 50)) {
            assertThat(Sha256.of(export.resolve(e.path()))).isEqualTo(e.sha256());
        }
    }

    @Test
    void everyFileCarriesTheReleaseTime() throws Exception {
        FileTime release = FileTime.from(MirrorSample.SECOND.toInstant(ZoneOffset.UTC));
        for (String p : Trees.files(export)) {
            assertThat(Files.getLastModifiedTime(export.resolve(p))).as(p).isEqualTo(release);
        }
    }

    @Test
    void theSameArchiveExportsToTheSameBytesAndTimesAnywhere() throws Exception {
        Path again = dir.resolve("elsewhere").resolve("copy");
        Exporter.Result second = sample.export(again);

        assertThat(second.manifestSha256()).isEqualTo(result.manifestSha256());
        assertThat(MirrorSample.treeHash(again)).isEqualTo(MirrorSample.treeHash(export));

        // Once more into the same place: still the same, and the old tree is gone.
        sample.export(again);
        assertThat(MirrorSample.treeHash(again)).isEqualTo(MirrorSample.treeHash(export));
        try (var siblings = Files.list(again.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> !n.equals("copy")).toList())
                    .hasSize(1).allMatch(n -> n.startsWith(".copy.build-"));
        }
    }

    @Test
    void aHalfBuiltExportLeftByAKillIsDeletedByTheNextRun() throws Exception {
        Path target = dir.resolve("killed").resolve("mirror");
        sample.export(target);
        String before = MirrorSample.treeHash(target);
        // What a kill -9 mid-export leaves: a build directory beside the target, half full.
        Path half = target.getParent().resolve(".mirror.build-r2-killed");
        Files.createDirectories(half.resolve("cable"));
        Files.writeString(half.resolve("index.html"), "half");

        assertThat(MirrorSample.treeHash(target)).isEqualTo(before);
        assertThat(Verifier.verifyDirectory(target, PublisherKey.parse(sample.publicKey, "key"),
                dir.resolve("state-killed"), java.time.Instant.now()).problems()).isEmpty();

        sample.export(target);
        assertThat(half).doesNotExist();
        assertThat(MirrorSample.treeHash(target)).isEqualTo(before);
    }

    @Test
    void pathsOfTheSiteMapToFiles() {
        assertThat(Crawler.filePath("/")).contains("index.html");
        assertThat(Crawler.filePath("/reldate/")).contains("reldate/index.html");
        assertThat(Crawler.filePath("/tag/A%20B_0.html")).contains("tag/A B_0.html");
        assertThat(Crawler.filePath("/a/../../etc/passwd")).isEqualTo(Optional.empty());
    }
}
