package org.cablegate.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cablegate.app.command.CablegateCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 12, finding 1, as the probe ran it: {@code cablegate serve} with {@code -Xmx512m} on 2,000 released cables,
 * and {@code wrk -t2 -c256 -d10s} on each of its two queries (50 regular expressions; 400 fuzzy words), plus one
 * costly query the limits accept (an unanchored regular expression), all at once. Before the fix the server ran out of
 * memory and {@code GET /} timed out for minutes. Bounded: about 40 s. Needs wrk (skipped without it on a developer's
 * machine, failed under CI=true); the longer run with figures is {@code bench/flood.sh}, recorded in BENCHMARKS.md.
 */
class FloodTest {
    static final String FIFTY_REGEXPS = IntStream.range(0, 50).mapToObj(i -> "/.*" + (char) ('a' + i % 26) + ".*/")
            .collect(Collectors.joining(" OR "));
    static final String FOUR_HUNDRED_FUZZY = IntStream.range(0, 400).mapToObj(i -> "ab" + i + "~2")
            .collect(Collectors.joining(" OR "));

    @TempDir
    Path dir;

    static int cli(String... args) {
        CommandLine cli = CablegateCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return code;
    }

    static boolean hasWrk() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Heap in use after a full collection, in KB, as jcmd reports it. */
    static long heapUsedKb(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void pagesKeepAnsweringThroughASearchFloodAndTheHeapComesBack() throws Exception {
        if (!hasWrk()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but wrk is not installed (.ci/run installs it)");
            }
            Assumptions.abort("wrk is not installed (apt-get install wrk); the flood test needs it");
        }
        Path csv = dir.resolve("cables.csv");
        Path data = dir.resolve("data");
        cli("generate", "--count", "2000", "--out", csv.toString());
        cli("import", "--data", data.toString(), csv.toString());
        cli("release", "--data", data.toString(), "--all");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process serve = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.cablegate.app.Main", "serve", "--data", data.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        List<Process> floods = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertThat(first).as("serve's one line").matches("cablegate serving release 1 \\(2,000 cables\\) at "
                    + "http://127\\.0\\.0\\.1:\\d+/");
            String base = first.substring(first.indexOf("http://")).replaceAll("/$", "");
            Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();

            // A server in service is warm: the same requests, one at a time for a few seconds, compile the code
            // the flood then runs, and open the connection a reader's browser keeps.
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (System.nanoTime() < warm) {
                for (String path : List.of("/", "/api/search?q=iran", "/api/search?q="
                        + URLEncoder.encode(FIFTY_REGEXPS, StandardCharsets.UTF_8), "/api/search?q=%2F.*a.*%2F")) {
                    client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            long before = heapUsedKb(serve.pid());
            for (String q : List.of(FIFTY_REGEXPS, FOUR_HUNDRED_FUZZY, "/.*a.*/")) {
                floods.add(new ProcessBuilder("wrk", "-t2", "-c256", "-d10s", "--timeout", "5s",
                        base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .redirectErrorStream(true).start());
            }
            List<Long> millis = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            Thread.sleep(1000);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            URI home = URI.create(base + "/");
            try (PageConnection page = new PageConnection(home)) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    statuses.add(page.get(home.getPath()));
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                    Thread.sleep(100);
                }
            }
            List<String> wrk = new ArrayList<>();
            for (Process p : floods) {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                wrk.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread.sleep(1000);
            long after = heapUsedKb(serve.pid());
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            long median = sorted.get(sorted.size() / 2);
            long p90 = sorted.get((int) (sorted.size() * 0.9));
            System.out.printf("flood: GET / %d times, median %d ms, p90 %d ms, max %d ms; heap %,d KB before, "
                    + "%,d KB after%n", sorted.size(), median, p90, sorted.get(sorted.size() - 1), before, after);
            wrk.forEach(w -> System.out.println(w.lines().filter(l -> l.contains("Requests/sec")
                    || l.contains("Non-2xx") || l.contains("Latency") || l.contains("requests in")
                    || l.contains("Socket errors")).collect(Collectors.joining("\n"))));

            // Before the fix, every one of these timed out (for 8 minutes); with refusals sent at once, each waited
            // its turn behind ~768 flooding requests (median 118-198 ms); with refusals held, 0-1 ms. Figures:
            // BENCHMARKS.md.
            assertThat(statuses).as("GET / during the flood, each within 5 s").allMatch(s -> s == 200);
            assertThat(sorted.size()).as("GET / asked throughout").isGreaterThanOrEqualTo(5);
            assertThat(median).as("median of GET / during the flood, ms").isLessThanOrEqualTo(100);
            assertThat(after).as("heap after the flood, KB (before: " + before + ")")
                    .isLessThanOrEqualTo(before + 64 * 1024);

            // SIGTERM: open requests drain, the process exits 0.
            serve.destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
            assertThat(serve.exitValue()).as("exit code after SIGTERM").isZero();
        } finally {
            floods.forEach(Process::destroyForcibly);
            serve.destroyForcibly();
        }
    }

    /**
     * One kept-alive connection that asks for a page and reads the whole answer, as a reader's browser does, with
     * plain blocking socket I/O: the figure is the server's time to answer, with no client threads of its own to
     * schedule on the two cores the server and six wrk threads share.
     */
    static final class PageConnection implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private final String host;

        PageConnection(URI base) throws IOException {
            socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            host = base.getHost() + ":" + base.getPort();
        }

        /** The status of a GET of {@code path}, its body read to the end; 0 when 5 s pass without an answer. */
        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept-Encoding: gzip\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                String status = line();
                int length = -1;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new AssertionError("GET " + path + ": no Content-Length in the answer " + status);
                }
                in.readNBytes(length);
                return Integer.parseInt(status.split(" ")[1]);
            } catch (java.net.SocketTimeoutException e) {
                return 0;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
