package org.cablegate.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.sample.BundledSample;

/**
 * A real site for tests: the 186 real cables of the bundled sample (pages of the 2011 site, from cablegate-sample)
 * plus one made-up cable whose text holds markup, imported into a vault, released except for two held
 * back, and served over HTTP on a free port.
 */
final class TestSite implements AutoCloseable {
    static final Path SAMPLE = BundledSample.SITE_PAGES.path();
    /** Held back, and cited by a public cable: 05BRASILIA2806 cites it as "BRASILIA 1839". */
    static final String HELD_BACK_CITED = "05BRASILIA1839";
    /** Held back and cited by no one: its page must be the page of an id that does not exist. */
    static final String HELD_BACK = "09TRIPOLI310";
    /** The made-up cable whose subject and text hold a script tag; it cites 08MOSCOW1647. */
    static final String MARKUP_ID = "10TESTPOST1";
    static final LocalDateTime RELEASED = LocalDateTime.of(2011, 4, 11, 12, 0);

    final Path dataDir;
    final PublicArchive archive;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestSite(Path dataDir, PublicArchive archive, WebServer server) {
        this.dataDir = dataDir;
        this.archive = archive;
        this.server = server;
    }

    /** Imports and releases the sample (all but the held-back cables) into {@code dir} and serves it. */
    static TestSite start(Path dir, Duration refreshEvery) throws IOException {
        Path data = dir.resolve("data");
        Path markup = writeMarkupCable(dir);
        List<String> ids = new ArrayList<>();
        for (Path source : List.of(SAMPLE, markup)) {
            Sources.read(source, new CableSink() {
                @Override
                public void accept(SourceCable cable) {
                    ids.add(cable.id());
                }

                @Override
                public void reject(Rejection rejection) {
                    throw new IllegalStateException("the test sample must read cleanly: " + rejection);
                }
            });
        }
        Set<String> released = new HashSet<>(ids);
        released.removeAll(Set.of(HELD_BACK, HELD_BACK_CITED));
        try (Vault vault = Vault.open(data)) {
            new Importer(vault).run(List.of(SAMPLE, markup), ImportListener.NONE);
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.release(ReleaseRequest.of("test", Selection.all().withIds(released)).keepingOriginalTimes()
                        .at(RELEASED), ReleaseListener.NONE);
            }
        }
        PublicArchive archive = PublicArchive.open(Releaser.publicDir(data));
        WebServer server = WebServer.create(archive, new WebServer.Options("127.0.0.1", 0,
                URI.create("http://cablegate.test"), 32L << 20, refreshEvery))
                .start();
        return new TestSite(data, archive, server);
    }

    /** Releases the held-back cables, as a publisher would while the site runs. */
    void releaseTheRest() throws IOException {
        try (Vault vault = Vault.open(dataDir); Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("the rest", Selection.all()).at(RELEASED.plusDays(1)),
                    ReleaseListener.NONE);
        }
    }

    private static Path writeMarkupCable(Path dir) throws IOException {
        Path file = dir.resolve("markup.txt");
        Files.writeString(file, """
                Reference ID: 10TESTPOST1
                Created: 2010-02-03 10:00
                Classification: UNCLASSIFIED
                Origin: Embassy Testville

                R 031000Z FEB 10
                FM AMEMBASSY TESTVILLE
                TO RUEHC/SECSTATE WASHDC 0001

                UNCLAS TESTVILLE 000001

                E.O. 12958: N/A
                TAGS: PREL XX
                SUBJECT: <SCRIPT>ALERT(1)</SCRIPT> AND "QUOTES" & AMPERSANDS
                REF: 08 MOSCOW 1647

                1. (U) The minister wrote <script>alert('x')</script> on the board & left.

                2. (U) Second paragraph.
                """, StandardCharsets.UTF_8);
        return file;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).method(method,
                HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The page at a path as text, asserting nothing about its status. */
    String text(String path) throws IOException, InterruptedException {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        archive.close();
    }
}
