package org.cablegate.app.command;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.WebServer;
import org.cablegate.web.mirror.MirrorRoutes;
import org.cablegate.web.mirror.PublisherKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate serve}: the public web site. It opens the public archive of the data directory and nothing else (not
 * the vault), and serves until stopped; a release made meanwhile shows within seconds.
 */
@Command(name = "serve", description = "Serve the public archive as the web site of the original viewer.")
final class ServeCommand implements Callable<Integer> {
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
    URI baseUrl;

    @Option(names = "--export", paramLabel = "DIR",
            description = "An export of this archive (cablegate export) to publish under /export/, for cablegate mirror.")
    Path export;

    @Override
    public Integer call() throws Exception {
        serve(data.path(), options(host, port, baseUrl), Optional.ofNullable(export), spec.commandLine().getOut());
        return ExitCode.OK;
    }

    static WebServer.Options options(String host, int port, URI baseUrl) {
        WebServer.Options options = WebServer.Options.defaults().withAddress(host, port);
        return baseUrl == null ? options : options.withBaseUrl(baseUrl);
    }

    /** Serves a data directory's public archive until the process is stopped. */
    static void serve(Path dataDir, WebServer.Options options, Optional<Path> export, PrintWriter out)
            throws Exception {
        // The publisher's public key, at /publisher-key.txt, when the data directory has one (cablegate keys init).
        MirrorRoutes.Published published = new MirrorRoutes.Published(PublisherKey.show(dataDir), export);
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dataDir));
                WebServer server = WebServer.create(archive, options, published);
                DueReleases due = DueReleases.start(dataDir, out)) {
            server.start();
            out.println("Serving " + archive.count() + " released cables at " + server.url() + " (Ctrl-C stops)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            stopped.await();
        }
    }
}
