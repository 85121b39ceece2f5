package org.cablegate.app.command;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.Releaser;
import org.cablegate.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cablegate serve}: the public web site. It opens the public archive of the data directory and nothing else (not
 * the vault), and serves until stopped; a release made meanwhile shows within seconds.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the public archive as the web site of the original viewer.")
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

    @Override
    public Integer call() throws Exception {
        serve(data.existing(), options(host, port, baseUrl), spec.commandLine().getOut());
        return ExitCode.OK;
    }

    static WebServer.Options options(String host, int port, URI baseUrl) {
        WebServer.Options options = WebServer.Options.defaults().withAddress(host, port);
        return baseUrl == null ? options : options.withBaseUrl(baseUrl);
    }

    /** Serves a data directory's public archive until the process is stopped. */
    static void serve(Path dataDir, WebServer.Options options, PrintWriter out) throws Exception {
        try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dataDir));
                WebServer server = WebServer.create(archive, options)) {
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
