package org.cablegate.bench;

import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.web.data.DataRoutes;
import org.cablegate.web.http.SearchGate;

/**
 * The 20 queries of BENCHMARK-ANCHORS.md through {@code /api/search} over HTTP (loopback, one keep-alive connection,
 * JSON of 10 hits and the facets asked), side by side with the same searches in-process and a bare {@code /api/status}
 * GET, in one run. The client is a plain socket writing HTTP/1.1 requests, as wrk's is: the JDK's HttpClient adds
 * about a millisecond of its own per request on this machine, which would be measured as the server's.
 * <pre>
 * java -Xmx2g -cp cablegate-bench/target/cablegate-bench.jar org.cablegate.bench.ApiSearchBenchmark DATA/public
 * </pre>
 * The argument is a public archive directory; it is only read.
 */
public final class ApiSearchBenchmark {
    record Query(String name, String params, SearchRequest request) {}

    private static final String FACETS = "&facets=origin,classification,year";

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("cablegate.bench.runs", 300);
        List<Query> queries = queries();
        try (PublicArchive archive = PublicArchive.open(Path.of(args[0]))) {
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                DataRoutes.register(config.routes, archive, URI.create("http://localhost"), new SearchGate(archive.limits()));
            }).start("127.0.0.1", 0);
            try {
                Client client = new Client(app.port());
                System.out.printf("%d released cables, %d runs a query%n", archive.count(), runs);
                // Warm the server's and the client's code paths before anything is measured.
                for (int i = 0; i < 20 * runs; i++) {
                    client.get("/api/status");
                }
                double[] floor = time(runs, () -> client.get("/api/status"));
                System.out.printf("%-32s HTTP p50 %7.3f ms  p99 %7.3f ms%n", "bare GET /api/status", floor[0], floor[1]);
                double logHttp = 0;
                double logInProcess = 0;
                double worstP99 = 0;
                for (Query q : queries) {
                    double[][] both = timeSideBySide(runs, () -> client.get("/api/search?" + q.params()),
                            () -> archive.search(q.request()));
                    double[] http = both[0];
                    double[] in = both[1];
                    logHttp += Math.log(http[0]);
                    logInProcess += Math.log(in[0]);
                    worstP99 = Math.max(worstP99, http[1]);
                    System.out.printf("%-32s HTTP p50 %7.3f ms  p99 %7.3f ms | in-process p50 %7.3f ms  p99 %7.3f ms%n",
                            q.name(), http[0], http[1], in[0], in[1]);
                }
                System.out.printf("geometric mean of the p50s: HTTP %.3f ms, in-process %.3f ms; worst HTTP p99 %.3f ms%n",
                        Math.exp(logHttp / queries.size()), Math.exp(logInProcess / queries.size()), worstP99);
                once(client, "/sitemap.xml (first: finds the page starts)");
                once(client, "/sitemap.xml");
                once(client, "/sitemap-3.xml");
                once(client, "/api/search.csv?q=iran");
                once(client, "/api/search.jsonl");
                client.close();
            } finally {
                app.stop();
            }
        }
    }

    /** One GET, timed, with the size of its answer. */
    private static void once(Client client, String label) throws IOException {
        String path = label.split(" ")[0];
        long t0 = System.nanoTime();
        long bytes = client.get(path);
        System.out.printf("%-44s %8.1f ms  %,14d bytes%n", "GET " + label, (System.nanoTime() - t0) / 1e6, bytes);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Warms up with a fifth of the runs, then returns p50 and p99 in milliseconds. */
    /** Like {@link #time}, for two calls taking turns, so that both meet the same noise of a shared machine. */
    private static double[][] timeSideBySide(int runs, Call a, Call b) throws Exception {
        for (int i = 0; i < runs / 5; i++) {
            a.run();
            b.run();
        }
        long[] nanosA = new long[runs];
        long[] nanosB = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            b.run();
            nanosA[i] = t1 - t0;
            nanosB[i] = System.nanoTime() - t1;
        }
        return new double[][] {percentiles(nanosA), percentiles(nanosB)};
    }

    private static double[] percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return new double[] {nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6};
    }

    private static double[] time(int runs, Call call) throws Exception {
        for (int i = 0; i < runs / 5; i++) {
            call.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        return percentiles(nanos);
    }

    /** One keep-alive HTTP/1.1 connection: a GET, then its whole answer read (Content-Length or chunked). */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        /** @return the length of the body */
        long get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return answer(path);
        }

        /** A POST of a JSON body (a bare OpenSearch search); @return the length of the answer's body */
        long post(String path, byte[] json) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return answer(path);
        }

        private long answer(String path) throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(path + " answered " + status);
            }
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (!chunked) {
                in.skipNBytes(length);
                return length;
            }
            long total = 0;
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                in.skipNBytes(size);
                total += size;
                line();
            }
            line();
            return total;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String q(String query) {
        return "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static List<Query> queries() {
        Facet[] f = {Facet.ORIGIN, Facet.CLASSIFICATION, Facet.YEAR};
        return List.of(
                new Query("Q01 iran", q("iran"), SearchRequest.of("iran")),
                new Query("Q02 nuclear", q("nuclear"), SearchRequest.of("nuclear")),
                new Query("Q03 falklands", q("falklands"), SearchRequest.of("falklands")),
                new Query("Q04 subject:visit", q("subject:visit"), SearchRequest.of("subject:visit")),
                new Query("Q05 iran AND nuclear", q("iran AND nuclear"), SearchRequest.of("iran AND nuclear")),
                new Query("Q06 oil AND pipeline", q("oil AND pipeline"), SearchRequest.of("oil AND pipeline")),
                new Query("Q07 terrorism AND financing", q("terrorism AND financing"),
                        SearchRequest.of("terrorism AND financing")),
                new Query("Q08 \"human rights\"", q("\"human rights\""), SearchRequest.of("\"human rights\"")),
                new Query("Q09 \"prime minister\"", q("\"prime minister\""), SearchRequest.of("\"prime minister\"")),
                new Query("Q10 \"nuclear program\"", q("\"nuclear program\""), SearchRequest.of("\"nuclear program\"")),
                new Query("Q11 iran + facets", q("iran") + FACETS, SearchRequest.of("iran").withFacets(10, f[0], f[1], f[2])),
                new Query("Q12 oil AND pipeline + facets", q("oil AND pipeline") + FACETS,
                        SearchRequest.of("oil AND pipeline").withFacets(10, f[0], f[1], f[2])),
                new Query("Q13 \"human rights\" + facets", q("\"human rights\"") + FACETS,
                        SearchRequest.of("\"human rights\"").withFacets(10, f[0], f[1], f[2])),
                new Query("Q14 all + facets", q("") + FACETS, SearchRequest.of("").withFacets(10, f[0], f[1], f[2])),
                new Query("Q15 created in 2009", q("created:2009"), SearchRequest.of("created:2009")),
                new Query("Q16 iran created 2008-2009", q("iran AND created:[2008 TO 2009]"),
                        SearchRequest.of("iran AND created:[2008 TO 2009]")),
                new Query("Q17 iran newest first", q("iran") + "&sort=created-newest",
                        SearchRequest.of("iran").withSort(SortOrder.CREATED_NEWEST)),
                new Query("Q18 all newest first", q("") + "&sort=created-newest",
                        SearchRequest.of("").withSort(SortOrder.CREATED_NEWEST)),
                new Query("Q19 iran SECRET + facets", q("iran") + "&filter=classification:SECRET" + FACETS,
                        SearchRequest.of("iran").withFilter(Facet.CLASSIFICATION, "SECRET").withFacets(10, f[0], f[1], f[2])),
                new Query("Q20 police Moscow + facets", q("police") + "&filter="
                        + URLEncoder.encode("origin:Embassy Moscow", StandardCharsets.UTF_8) + FACETS,
                        SearchRequest.of("police").withFilter(Facet.ORIGIN, "Embassy Moscow").withFacets(10, f[0], f[1], f[2])));
    }
}
