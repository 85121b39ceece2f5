package org.cablegate.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling of the Java server (issue 13, floods of readers): bare Jetty, the version {@code cablegate serve} runs,
 * answering the files of an export from memory, with the connector {@code WebServer} uses (one selector a core, no
 * header cache) and the handler on the selector thread, nothing else: no Javalin, no page cache, no headers but the
 * type and the length. What it does at 10,000 connections is the most {@code serve} could do on this machine.
 *
 * <pre>java -Xmx512m -cp cablegate-bench.jar org.cablegate.bench.BareJettyServer EXPORT PORT PATHS</pre>
 *
 * PATHS: the paths to hold, one a line ({@code bench/connections.sh} writes them); anything else is a 404.
 */
public final class BareJettyServer {
    private BareJettyServer() {}

    private record File(PreEncodedHttpField type, PreEncodedHttpField length, ByteBuffer body) {}

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Map<String, File> files = new HashMap<>();
        for (String path : Files.readAllLines(Path.of(args[2]))) {
            byte[] bytes = Files.readAllBytes(export.resolve(path.substring(1)));
            String type = path.endsWith(".json") ? "application/json;charset=utf-8" : "text/html;charset=utf-8";
            files.put(path, new File(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length)),
                    ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer()));
        }
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, 1, Runtime.getRuntime().availableProcessors(),
                new HttpConnectionFactory(http));
        connector.setAcceptQueueSize(4096);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                File f = files.get(request.getHttpURI().getPath());
                if (f == null) {
                    response.setStatus(404);
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
                response.getHeaders().add(f.type());
                response.getHeaders().add(f.length());
                response.write(true, f.body().duplicate(), callback);
                return true;
            }
        });
        server.start();
        System.out.println("bare Jetty: " + files.size() + " files at http://127.0.0.1:" + port + "/ "
                + List.of(Runtime.getRuntime().availableProcessors() + " selectors"));
        server.join();
    }
}
