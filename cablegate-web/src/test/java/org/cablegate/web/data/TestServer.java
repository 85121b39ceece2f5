package org.cablegate.web.data;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cablegate.archive.index.PublicArchive;

/** A real Javalin server with the data routes on a random port of the loopback, and a client for it. */
final class TestServer implements AutoCloseable {
    /** The base URL the site believes it is served under: feeds and sitemaps show it. */
    static final String SITE = "https://cablegate.test";

    final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    /** With pages small enough that the 176 released cables take several: downloads by 25, sitemaps by 50. */
    TestServer(PublicArchive archive) {
        this(archive, 25, 50);
    }

    TestServer(PublicArchive archive, int downloadPage, int sitemapPage) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            DataRoutes.register(config.routes, archive, URI.create(SITE), downloadPage, sitemapPage);
        }).start("127.0.0.1", 0);
    }

    HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        app.stop();
    }
}
