package org.cablegate.web.mirror;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a running server the way a reader's browser and a feed reader would: from the seeds, every page, listing,
 * index, sitemap and feed, and every same-site link in them, fetched over loopback HTTP, so that what is written is
 * byte for byte what the server sends. New pages the site links to join the crawl without a change here.
 *
 * <p>Besides links, some paths are derived from what is found, because pages need not link them: the data of each
 * listing ({@code /api/tag/PREL.json}, {@code .csv}, {@code .jsonl}), the feeds of tags and origins, and each cable's
 * JSON and its history's. A derived path that does not answer 200 is left out (a route the server does not have).
 */
final class Crawler {
    /** What one URL answered. */
    record Response(int status, String contentType, Optional<String> location, byte[] body) {}

    interface Sink {
        void accept(String rawPath, Response response) throws IOException;

        /** Takes a {@link Kept} path's file as the previous export has it; false when it cannot (it is made then). */
        boolean keep(String rawPath) throws IOException;
    }

    /**
     * Paths whose file the export the target holds has exactly as the site would make it now (the files of a cable
     * whose inputs did not change, {@link CableInputs}): they are taken from it, not made. The answer stands in for
     * the response in the walk: a page's previous bytes, for the links it leads to, or no body for a file without links.
     */
    interface Kept {
        Optional<Response> previous(String path) throws IOException;

        Kept NONE = path -> Optional.empty();
    }

    /**
     * Answers made in the process by the code the server runs for the path, tried before HTTP: empty means "ask the
     * server" (a path it does not make, or an answer that is not a 200).
     */
    interface Local {
        Optional<Response> answer(String path) throws IOException;

        Local NONE = path -> Optional.empty();
    }

    private static final Pattern LOC = Pattern.compile("<loc>([^<]*)</loc>");
    private static final Pattern LISTING = Pattern.compile("/(reldate|date|tag|origin|classification)/(.+)_0\\.html");
    private static final Pattern CABLE = Pattern.compile("/cable/\\d{4}/\\d{2}/([^/]+)\\.html");
    private static final int ATTEMPTS = 3;

    /** Paths derived rather than linked: written only when they exist (a 200), never as an error page. */
    private final Set<String> derived = ConcurrentHashMap.newKeySet();
    private final URI server;
    private final String baseUrl;
    private final int threads;
    private final Local local;
    private final Kept kept;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param server  where the server listens ({@code http://127.0.0.1:PORT})
     * @param baseUrl the site's public address: absolute links to it are links of the site
     */
    Crawler(URI server, URI baseUrl, int threads, Local local, Kept kept) {
        this.server = server;
        this.local = local;
        this.kept = kept;
        String b = baseUrl.toString();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.threads = threads;
    }

    /** Fetches every seed and everything reachable from them, once each, wave by wave. */
    void crawl(List<String> seeds, Sink sink) throws IOException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> frontier = new ArrayList<>();
        for (String s : seeds) {
            if (seen.add(s)) {
                frontier.add(s);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cablegate-export");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!frontier.isEmpty()) {
                Set<String> next = ConcurrentHashMap.newKeySet();
                List<Future<?>> work = new ArrayList<>(frontier.size());
                for (String path : frontier) {
                    work.add(pool.submit(() -> {
                        Optional<Response> previous = kept.previous(path);
                        Response r;
                        if (previous.isPresent() && sink.keep(path)) {
                            r = previous.get();
                        } else {
                            Optional<Response> made = local.answer(path);
                            r = made.isPresent() ? made.get() : fetch(path);
                            if (r.status() == 200 || !derived.contains(path)) {
                                sink.accept(path, r);
                            }
                        }
                        for (String link : links(path, r)) {
                            if (seen.add(link)) {
                                next.add(link);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                frontier = new ArrayList<>(new TreeSet<>(next));
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("export failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One GET, as a client without Accept-Encoding sends it: the plain bytes. */
    Response fetch(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(5)).GET()
                .build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        r.headers().firstValue("Location"), r.body());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + path, e);
            }
        }
        throw new IOException("could not fetch " + path + " from the export's server: " + last, last);
    }

    /** The same-site paths a response leads to, without query or fragment. */
    List<String> links(String path, Response r) {
        List<String> out = new ArrayList<>();
        String type = r.contentType();
        if (r.status() >= 300 && r.status() < 400) {
            r.location().flatMap(this::sitePath).ifPresent(out::add);
            return out;
        }
        boolean html = type.startsWith("text/html");
        boolean xml = type.contains("xml");
        if (!html && !xml) {
            return out;
        }
        String text = new String(r.body(), StandardCharsets.UTF_8);
        // Every href="..." and src="...", found with indexOf: a regular expression for them was a ninth of the
        // export's CPU (JFR, 10,000 cables).
        for (String attribute : List.of("href=\"", "src=\"")) {
            for (int at = text.indexOf(attribute); at >= 0; at = text.indexOf(attribute, at)) {
                int start = at + attribute.length();
                int end = text.indexOf('"', start);
                if (end < 0) {
                    break;
                }
                sitePath(unescape(text.substring(start, end))).ifPresent(out::add);
                at = end + 1;
            }
        }
        Matcher m;
        if (xml) {
            m = LOC.matcher(text);
            while (m.find()) {
                sitePath(unescape(m.group(1).trim())).ifPresent(out::add);
            }
        }
        Matcher listing = LISTING.matcher(path);
        if (r.status() == 200 && listing.matches()) {
            String kind = listing.group(1);
            String key = listing.group(2);
            for (String ext : List.of(".json", ".csv", ".jsonl")) {
                derive("/api/" + kind + "/" + key + ext, out);
            }
            if (kind.equals("tag") || kind.equals("origin")) {
                derive("/feed/" + kind + "/" + key + ".atom", out);
            }
        }
        Matcher cable = CABLE.matcher(path);
        if (r.status() == 200 && cable.matches()) {
            derive("/api/cable/" + cable.group(1) + ".json", out);
            derive("/api/cable/" + cable.group(1) + "/history.json", out);
        }
        return out;
    }

    private void derive(String path, List<String> out) {
        derived.add(path);
        out.add(path);
    }

    /**
     * The path of a link if it is one of this site's and can be a file: relative to the root, or absolute to the base
     * URL; not search (it needs a server) and not with a query string (a file has none).
     */
    Optional<String> sitePath(String link) {
        String l = link;
        if (l.startsWith(baseUrl + "/")) {
            l = l.substring(baseUrl.length());
        } else if (l.equals(baseUrl)) {
            l = "/";
        }
        if (!l.startsWith("/") || l.startsWith("//")) {
            return Optional.empty();
        }
        int hash = l.indexOf('#');
        if (hash >= 0) {
            l = l.substring(0, hash);
        }
        if (l.isEmpty() || l.indexOf('?') >= 0 || l.equals("/search") || l.startsWith("/search/")
                || l.equals("/api/search")) {
            return Optional.empty();
        }
        return Optional.of(l);
    }

    private static String unescape(String attribute) {
        if (attribute.indexOf('&') < 0) {
            return attribute;
        }
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The file path (decoded, relative) a URL path is stored at, or empty when it cannot be a file. */
    static Optional<String> filePath(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.endsWith("/")) {
            decoded += "index.html";
        }
        String rel = decoded.substring(1);
        return Trees.safe(rel) ? Optional.of(rel) : Optional.empty();
    }
}
