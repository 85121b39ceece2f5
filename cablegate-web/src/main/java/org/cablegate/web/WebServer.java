package org.cablegate.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.web.data.DataRoutes;
import org.cablegate.web.http.CacheFrontHandler;
import org.cablegate.web.http.CachedPage;
import org.cablegate.web.http.Page;
import org.cablegate.web.http.PageCache;
import org.cablegate.web.http.SearchGate;
import org.cablegate.web.mirror.MirrorRoutes;
import org.cablegate.web.site.Site;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
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
     * @param accessLog    a file every request is appended to, in the common log format
     * @param headerDeadline how long a client may take to send a request's headers, however slowly it trickles them
     *                     (issue 12: a byte every 25 s kept a connection open forever)
     * @param drain        on {@link #close()}, how long open requests may take to finish
     */
    public record Options(String host, int port, URI baseUrl, long cacheBytes, Duration refreshEvery,
            Optional<Path> accessLog, Duration headerDeadline, Duration drain) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            Objects.requireNonNull(accessLog, "accessLog");
            Objects.requireNonNull(headerDeadline, "headerDeadline");
            Objects.requireNonNull(drain, "drain");
        }

        public Options(String host, int port, URI baseUrl, long cacheBytes, Duration refreshEvery) {
            this(host, port, baseUrl, cacheBytes, refreshEvery, Optional.empty(), Duration.ofSeconds(10),
                    Duration.ofSeconds(10));
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, URI.create("http://127.0.0.1:8080"), 128L << 20, Duration.ofSeconds(2));
        }

        /** Listens elsewhere; the base URL becomes that address (set another with {@link #withBaseUrl}). */
        public Options withAddress(String newHost, int newPort) {
            String reachable = newHost.equals("0.0.0.0") ? "127.0.0.1" : newHost;
            URI url = URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + newPort);
            return new Options(newHost, newPort, url, cacheBytes, refreshEvery, accessLog, headerDeadline, drain);
        }

        public Options withBaseUrl(URI newBaseUrl) {
            return new Options(host, port, newBaseUrl, cacheBytes, refreshEvery, accessLog, headerDeadline, drain);
        }

        public Options withAccessLog(Optional<Path> file) {
            return new Options(host, port, baseUrl, cacheBytes, refreshEvery, file, headerDeadline, drain);
        }

        public Options withHeaderDeadline(Duration deadline) {
            return new Options(host, port, baseUrl, cacheBytes, refreshEvery, accessLog, deadline, drain);
        }

        public Options withDrain(Duration time) {
            return new Options(host, port, baseUrl, cacheBytes, refreshEvery, accessLog, headerDeadline, time);
        }
    }

    private final Site site;
    private final PageCache cache;
    private final Javalin javalin;
    private final Options options;
    private final ScheduledExecutorService watcher;
    private final MirrorRoutes.Published published;
    /** The one bounded pool for every route that runs a reader's query, sized by the archive's search limits. */
    private final SearchGate gate;
    private final PublicArchive archive;
    /** Connections seen in the middle of a request's headers, and since when. */
    private final Map<EndPoint, Long> inHeaders = new ConcurrentHashMap<>();
    private final AtomicReference<Server> jetty = new AtomicReference<>();

    private WebServer(PublicArchive archive, Optional<SearchBackend> search, Site site, Options options,
            MirrorRoutes.Published published) {
        this.site = site;
        this.published = published;
        this.options = options;
        this.gate = new SearchGate(archive.limits());
        this.archive = archive;
        this.cache = new PageCache(options.cacheBytes());
        cache.clear(site.release());
        warm();
        Set<String> searching = new HashSet<>(SiteRoutes.SEARCHING);
        searching.addAll(DataRoutes.SEARCHING);
        CacheFrontHandler front = new CacheFrontHandler(cache, gate, searching);
        this.javalin = Javalin.create(config -> {
            config.jetty.addConnector((server, http) -> connector(server, http, options));
            // The data routes' answers are compressed by Javalin; pages are gzipped once when cached and sent
            // with compression disabled (Replies), so that they are not compressed again per request.
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.startup.showJavalinBanner = false;
            // Javalin attaches its own handler inside the innermost wrapper it finds: ours stays in front. The
            // graceful handler outside it lets a stop wait for open requests, up to the drain time.
            config.jetty.modifyServer(server -> {
                jetty.set(server);
                GracefulHandler graceful = new GracefulHandler();
                graceful.setHandler(front);
                server.setHandler(graceful);
                server.setStopTimeout(options.drain().toMillis());
                options.accessLog().ifPresent(file -> server.setRequestLog(
                        new CustomRequestLog(new RequestLogWriter(file.toString()), CustomRequestLog.NCSA_FORMAT)));
            });
            registerRoutes(config.routes, archive, search);
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
        // No cache of header fields per connection: Jetty's (a trie per connection, ~40 KB once a request came) held
        // 214 MB of the 512 MB heap at 10,000 open connections, and full collections one after another stalled the
        // server (issue 13, bench/connections.sh: 1,900 requests/s where nginx answered 37,000).
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
        // Room for a flood's connections in the kernel's accept queue: a reader's new connection must not be dropped
        // (and retried seconds later) because thousands of others wait to be accepted (issue 12).
        connector.setAcceptQueueSize(4096);
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
        return create(archive, Optional.empty(), options, published);
    }

    /**
     * With another backend for readers' searches ({@code serve --search}: a cluster): the search page, its facets and
     * histogram, {@code /api/search}, its downloads and the search feed ask it; every page, listing and count reads
     * the archive. A backend that cannot answer makes those routes 503 with {@code Retry-After}; nothing else.
     */
    public static WebServer create(PublicArchive archive, Optional<SearchBackend> search, Options options,
            MirrorRoutes.Published published) throws IOException {
        return new WebServer(archive, search, new Site(archive, search, options.baseUrl()), options, published);
    }

    /**
     * Every group of routes, in one place. The data for programs (JSON API under /api/, OpenAPI, downloads, Atom feeds
     * under /feed/, sitemap.xml, robots.txt) registers here beside the site.
     */
    private void registerRoutes(RoutesConfig routes, PublicArchive archive, Optional<SearchBackend> search) {
        SiteRoutes.register(routes, site, cache, gate);
        DataRoutes.register(routes, archive, search, options.baseUrl(), gate, Optional.of(cache));
        MirrorRoutes.register(routes, published);
        routes.get("/healthz", this::health);
        routes.head("/healthz", this::health);
        SiteRoutes.registerFallback(routes, site);
    }

    /**
     * {@code /healthz} for load balancers: 200 with the release served while the archive can be read, 503 when it
     * cannot. Never cached.
     */
    private void health(io.javalin.http.Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json; charset=utf-8");
        try (PublicArchive.View view = archive.view()) {
            ctx.result("{\"status\":\"ok\",\"release\":" + view.lastRelease() + ",\"cables\":" + view.count()
                    + ",\"searchesRunning\":" + gate.running() + "}\n");
        } catch (IOException | RuntimeException e) {
            ctx.status(503);
            ctx.result("{\"status\":\"unavailable\",\"message\":\"the public archive cannot be read\"}\n");
        }
    }

    public WebServer start() {
        javalin.start();
        long every = options.refreshEvery().toMillis();
        watcher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        watcher.scheduleWithFixedDelay(this::closeSlowHeaders, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Closes connections whose request headers began arriving longer ago than the header deadline (a slow-loris
     * client: the idle timeout restarts with every byte, so it alone never closes them). Sampled once a second.
     */
    private void closeSlowHeaders() {
        long now = System.nanoTime();
        try {
            for (org.eclipse.jetty.server.Connector connector : jetty.get().getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (endPoint.getConnection() instanceof HttpConnection http
                            && http.getParser().inHeaderState() && !http.getParser().isStart()) {
                        Long since = inHeaders.putIfAbsent(endPoint, now);
                        if (since != null && now - since > options.headerDeadline().toNanos()) {
                            inHeaders.remove(endPoint);
                            endPoint.close();
                        }
                    } else {
                        inHeaders.remove(endPoint);
                    }
                }
            }
            inHeaders.keySet().removeIf(e -> !e.isOpen());
        } catch (RuntimeException e) {
            System.err.println("cablegate: could not check slow connections: " + e);
        }
    }

    /** Looks for a new release now; the pages change if there is one. */
    public void refresh() {
        try {
            if (site.refresh()) {
                cache.clear(site.release());
                warm();
            }
        } catch (IOException | RuntimeException e) {
            // The archive is read again at the next tick; a reader meanwhile keeps getting the last good release.
            System.err.println("cablegate: could not read a new release: " + e);
        }
    }

    /**
     * Renders the front page into the cache of a new release before anyone asks: a flood may arrive before the first
     * reader, and the front page must then answer from the cache, on the selector threads (issue 12).
     */
    private void warm() {
        for (String path : List.of("/", "/index.html")) {
            long generation = cache.generation();
            try {
                Page page = site.render(path);
                if (page.status() == 200) {
                    cache.put(generation, path, CachedPage.of(page));
                }
            } catch (IOException | RuntimeException e) {
                // Rendered on the first request instead.
                System.err.println("cablegate: could not render " + path + " in advance: " + e);
            }
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

    SearchGate gate() {
        return gate;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        javalin.stop();
    }
}
