package org.cablegate.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.web.data.DataRoutes;
import org.cablegate.web.http.CacheFrontHandler;
import org.cablegate.web.http.PageCache;
import org.cablegate.web.mirror.MirrorRoutes;
import org.cablegate.web.site.Site;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The public web server: the site of the original viewer, served from the public archive only (it is given nothing
 * else, so nothing unreleased can reach it). Built by {@link #create}; {@link #start()} listens.
 *
 * <p>A page is rendered once per release and kept in a {@link PageCache}; a Jetty handler in front of Javalin answers
 * from it on the thread that read the request, so that a cached page costs about what nginx spends on a file. A
 * background task looks for a new release every few seconds and drops the cache when one arrives.
 */
public final class WebServer implements AutoCloseable {
    /**
     * @param host         address to listen on ({@code 127.0.0.1}; {@code 0.0.0.0} for every interface)
     * @param port         port; 0 picks a free one
     * @param baseUrl      where readers reach the site, for the absolute URLs of feeds and sitemaps
     *                     ({@code https://cablegate.example}); pages themselves use paths only
     * @param cacheBytes   the page cache's budget
     * @param refreshEvery how often to look for a new release
     */
    public record Options(String host, int port, URI baseUrl, long cacheBytes, Duration refreshEvery) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(refreshEvery, "refreshEvery");
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, URI.create("http://127.0.0.1:8080"), 128L << 20, Duration.ofSeconds(2));
        }

        /** Listens elsewhere; the base URL becomes that address (set another with {@link #withBaseUrl}). */
        public Options withAddress(String newHost, int newPort) {
            String reachable = newHost.equals("0.0.0.0") ? "127.0.0.1" : newHost;
            URI url = URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + newPort);
            return new Options(newHost, newPort, url, cacheBytes, refreshEvery);
        }

        public Options withBaseUrl(URI newBaseUrl) {
            return new Options(host, port, newBaseUrl, cacheBytes, refreshEvery);
        }
    }

    private final Site site;
    private final PageCache cache;
    private final Javalin javalin;
    private final Options options;
    private final ScheduledExecutorService watcher;
    private final MirrorRoutes.Published published;

    private WebServer(PublicArchive archive, Site site, Options options, MirrorRoutes.Published published) {
        this.site = site;
        this.published = published;
        this.options = options;
        this.cache = new PageCache(options.cacheBytes());
        cache.clear(site.release(), site.lastModified());
        CacheFrontHandler front = new CacheFrontHandler(cache);
        this.javalin = Javalin.create(config -> {
            config.jetty.addConnector((server, http) -> connector(server, http, options));
            // The data routes' answers are compressed by Javalin; pages are gzipped once when cached and sent
            // with compression disabled (Replies), so that they are not compressed again per request.
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.startup.showJavalinBanner = false;
            // Javalin attaches its own handler inside the innermost wrapper it finds: ours stays in front.
            config.jetty.modifyServer(server -> server.setHandler(front));
            registerRoutes(config.routes, archive);
        });
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cablegate-release-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One selector thread per core, not Jetty's default of one per two: cache hits are answered on the selector
     * threads themselves ({@link CacheFrontHandler} is non-blocking), so they are the threads that serve most pages.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, Options options) {
        int selectors = Runtime.getRuntime().availableProcessors();
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        return connector;
    }

    /** The server for an open public archive; the caller keeps ownership of the archive. */
    public static WebServer create(PublicArchive archive, Options options) throws IOException {
        return create(archive, options, MirrorRoutes.Published.none());
    }

    /** With what the server publishes for mirrors: the publisher's key, the export directory. */
    public static WebServer create(PublicArchive archive, Options options, MirrorRoutes.Published published)
            throws IOException {
        return new WebServer(archive, new Site(archive, options.baseUrl()), options, published);
    }

    /**
     * Every group of routes, in one place. The data for programs (JSON API under /api/, OpenAPI, downloads, Atom feeds
     * under /feed/, sitemap.xml, robots.txt) registers here beside the site.
     */
    private void registerRoutes(RoutesConfig routes, PublicArchive archive) {
        SiteRoutes.register(routes, site, cache);
        DataRoutes.register(routes, archive, options.baseUrl());
        MirrorRoutes.register(routes, published);
        SiteRoutes.registerFallback(routes, site);
    }

    public WebServer start() {
        javalin.start();
        long every = options.refreshEvery().toMillis();
        watcher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Looks for a new release now; the pages change if there is one. */
    public void refresh() {
        try {
            if (site.refresh()) {
                cache.clear(site.release(), site.lastModified());
            }
        } catch (IOException | RuntimeException e) {
            // The archive is read again at the next tick; a reader meanwhile keeps getting the last good release.
            System.err.println("cablegate: could not read a new release: " + e);
        }
    }

    public int port() {
        return javalin.port();
    }

    /** The address readers open, {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    PageCache cache() {
        return cache;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        javalin.stop();
    }
}
