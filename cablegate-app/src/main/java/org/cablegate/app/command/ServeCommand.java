package org.cablegate.app.command;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchBackend;
import org.cablegate.archive.release.Releaser;
import org.cablegate.opensearch.OpenSearchBackend;
import org.cablegate.opensearch.OpenSearchClient;
import org.cablegate.opensearch.OpenSearchTarget;
import org.cablegate.opensearch.Publisher;
import org.cablegate.web.WebServer;
import org.cablegate.web.mirror.MirrorRoutes;
import org.cablegate.web.mirror.PublisherKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate serve}: the public web site. It opens the public archive of the data directory and nothing else (not
 * the vault), and serves until stopped; a release made meanwhile shows within seconds. SIGTERM (or Ctrl-C) stops
 * accepting connections, lets open requests finish within {@code --drain}, and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the public archive as the web site of the original viewer.")
final class ServeCommand implements Callable<Integer> {
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirectory data;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where readers reach the site, for the links in feeds and sitemaps "
                    + "(default: the address served, http://HOST:PORT).")
    String baseUrl;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append every request to FILE in the common log format (as Apache and nginx write it).")
    Path accessLog;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM, how long open requests may take to finish (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--search", paramLabel = "opensearch://HOST:PORT[/INDEX]",
            description = "Answer searches (the search page, /api/search, its downloads, the search feed) from this "
                    + "OpenSearch cluster (cablegate publish --to); pages still come from the data directory.")
    String search;

    @Option(names = "--export", paramLabel = "DIR",
            description = "An export of this archive (cablegate export) to publish under /export/, for cablegate mirror.")
    Path export;

    @Option(names = "--deltas", paramLabel = "DIR",
            description = "A directory of deltas (cablegate export --since N --delta-to DIR/NAME.tar.gz) to publish "
                    + "under /mirror/deltas/, so that cablegate mirror follows releases by deltas.")
    Path deltas;

    @Override
    public Integer call() throws Exception {
        // Checked before anything is opened: issue 12 found --port 70000 a raw exception and --host 999.1.1.1
        // reported as "Port already in use".
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + port);
        }
        checkHost(host);
        Optional<URI> base = baseUrl == null ? Optional.empty() : Optional.of(checkBaseUrl(baseUrl));
        if (accessLog != null && (Files.isDirectory(accessLog)
                || (accessLog.toAbsolutePath().getParent() != null && !Files.isDirectory(accessLog.toAbsolutePath().getParent())))) {
            throw new ParameterException(spec.commandLine(), "--access-log " + accessLog
                    + ": not a file in an existing directory");
        }
        if (drainSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--drain must not be negative, not " + drainSeconds);
        }
        Optional<OpenSearchTarget> cluster = Optional.empty();
        if (search != null) {
            try {
                cluster = Optional.of(OpenSearchTarget.parse(search));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--search: " + e.getMessage());
            }
        }
        WebServer.Options options = options(host, port, base.orElse(null))
                .withAccessLog(Optional.ofNullable(accessLog)).withDrain(Duration.ofSeconds(drainSeconds));
        serve(data.existing(), options, new MirrorRoutes.Published(PublisherKey.show(data.existing()),
                Optional.ofNullable(export), Optional.ofNullable(deltas)), cluster, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    private void checkHost(String value) {
        String problem = "--host " + value + " is not an address of this machine (give an IP address such as "
                + "127.0.0.1, 0.0.0.0 for every interface, or a host name)";
        if (DOTTED_QUAD.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (part.length() > 3 || Integer.parseInt(part) > 255) {
                    throw new ParameterException(spec.commandLine(), problem);
                }
            }
        }
        try {
            InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private URI checkBaseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ParameterException(spec.commandLine(), "--base-url must be an absolute http:// or https:// URL "
                    + "with a host and no query, such as https://cablegate.example, not '" + value + "'");
        }
        return uri;
    }

    static WebServer.Options options(String host, int port, URI baseUrl) {
        WebServer.Options options = WebServer.Options.defaults().withAddress(host, port);
        return baseUrl == null ? options : options.withBaseUrl(baseUrl);
    }

    /** Serves a data directory's public archive until the process is stopped (SIGTERM or Ctrl-C). */
    static void serve(Path dataDir, WebServer.Options options, Optional<Path> export, PrintWriter out)
            throws Exception {
        // The publisher's public key, at /publisher-key.txt, when the data directory has one (cablegate keys init).
        serve(dataDir, options, new MirrorRoutes.Published(PublisherKey.show(dataDir), export), Optional.empty(), out);
    }

    /**
     * A reader's search waits at most this long for the cluster, so that a cluster down or slow is a 503 within the
     * 2 s of the search limits (issue 10), never a hang.
     */
    static final Duration CLUSTER_TIMEOUT = Duration.ofMillis(1500);

    /** With what the server publishes for mirrors, and the searches answered by a cluster when one is named. */
    static void serve(Path dataDir, WebServer.Options options, MirrorRoutes.Published published,
            Optional<OpenSearchTarget> cluster, PrintWriter out) throws Exception {
        Optional<OpenSearchClient> client = cluster.map(c -> new OpenSearchClient(c.http(), CLUSTER_TIMEOUT));
        Optional<SearchBackend> backend = cluster.map(c -> new OpenSearchBackend(client.get(), c.index()));
        PublicArchive opened;
        try {
            opened = PublicArchive.open(Releaser.publicDir(dataDir));
        } catch (java.io.IOException | RuntimeException e) {
            throw Damage.explain(dataDir, e);
        }
        try (PublicArchive archive = opened;
                WebServer server = WebServer.create(archive, backend, options, published);
                DueReleases due = DueReleases.start(dataDir, out)) {
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException(startFailure(e, options), e);
            }
            out.printf("cablegate serving release %d (%,d cables) at %s%n", archive.lastRelease(), archive.count(),
                    server.url());
            if (cluster.isPresent()) {
                out.println(searchStatus(archive.lastRelease(), cluster.get(), client.get()));
            }
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            // SIGTERM and Ctrl-C: the hook drains and closes, then the process exits 0 (the JVM would say 143).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                server.close();
                stopped.countDown();
                Runtime.getRuntime().halt(ExitCode.OK);
            }, "cablegate-drain"));
            stop.await();
            stopped.await();
        }
    }

    /**
     * Which release the cluster holds beside the local one. The searches follow the cluster's alias, whatever it
     * names: the cluster is the one copy that every serve process shares, and the publisher moves it with each
     * release (SearchTargets), so a mismatch lasts from the local commit to the alias swap, or until a failed publish
     * is rerun. It is said at start, not refused: a server that would not start without the cluster would make the
     * cluster's outage an outage of the pages too.
     */
    static String searchStatus(long localRelease, OpenSearchTarget target, OpenSearchClient client) {
        String where = "opensearch://" + target.host() + ":" + target.port() + "/" + target.index();
        try {
            java.util.OptionalLong held = new Publisher(client, target.index(), 0).release();
            if (held.isEmpty()) {
                return "warning: searches go to " + where + ", which holds no published release yet; they answer 503 "
                        + "until `cablegate publish --to " + where + "` has run";
            }
            if (held.getAsLong() != localRelease) {
                return "warning: searches go to " + where + ", which holds release " + held.getAsLong()
                        + ", not the local " + localRelease + "; run `cablegate publish` for the data directory";
            }
            return "searches go to " + where + " (release " + held.getAsLong() + ")";
        } catch (java.io.IOException e) {
            return "warning: searches go to " + where + ", which does not answer now (" + e.getMessage()
                    + "); they answer 503 until it does, and pages are served meanwhile";
        }
    }

    /** What an operator should read when the server cannot listen. */
    private static String startFailure(RuntimeException e, WebServer.Options options) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                String message = String.valueOf(bind.getMessage());
                if (message.contains("in use")) {
                    return "port " + options.port() + " on " + options.host() + " is already in use";
                }
                return "cannot listen on " + options.host() + ":" + options.port() + " (" + message + ")";
            }
        }
        return "cannot start the server on " + options.host() + ":" + options.port() + ": " + e.getMessage();
    }
}
