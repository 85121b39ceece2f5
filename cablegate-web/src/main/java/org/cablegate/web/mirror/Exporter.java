package org.cablegate.web.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.web.WebServer;
import org.cablegate.web.url.Urls;

/**
 * {@code cablegate export}: the public site as files. A web server of the public archive is started on loopback and
 * crawled ({@link Crawler}), so that every file is byte for byte what the server sends for its URL; each compressible
 * file gets its {@code .gz} beside it; the tree gets an nginx configuration, a MANIFEST of every file and the
 * publisher's signature of it, and is switched into place atomically ({@link Trees}). A file with the same bytes as
 * in the export the target held is linked from it, not gzipped and written again ({@link PreviousExport}): after a
 * release only what it changed is written.
 *
 * <p>The export is deterministic: the same public archive, base URL and valid-until give the same bytes and the same
 * file times (every file carries the release's time), whichever directory and however often it is exported.
 */
public final class Exporter {
    /** Top-level names the export writes itself; the site can have no page there. */
    static final List<String> RESERVED = List.of(Manifest.FILE, Manifest.SIGNATURE, "nginx.conf", "nginx-statuses.conf");
    private static final Pattern STATUS_RELEASE = Pattern.compile("\"lastRelease\":(\\d+)");
    private static final Pattern STATUS_TIME = Pattern.compile("\"lastReleaseTime\":\"([^\"]+)\"");

    /**
     * @param baseUrl    where readers reach the publisher's site: feeds and sitemaps name it, and search is sent there
     * @param validUntil until when the manifest may be trusted; after it {@code verify} calls the mirror frozen
     * @param extraPaths URL paths the crawl cannot find from links (the 410 pages of withdrawn cables)
     * @param threads    requests in flight at once
     * @param fresh      write every file anew, linking nothing from the export the target holds
     */
    public record Options(URI baseUrl, Instant validUntil, List<String> extraPaths, int threads, boolean fresh) {
        public Options {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(validUntil, "validUntil");
            extraPaths = List.copyOf(extraPaths);
        }

        public Options(URI baseUrl, Instant validUntil, List<String> extraPaths, int threads) {
            this(baseUrl, validUntil, extraPaths, threads, false);
        }

        /** Valid for {@code days} from the start of today (UTC): the same day's exports are the same bytes. */
        public static Options of(URI baseUrl, int days) {
            Instant today = LocalDateTime.now(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
            return new Options(baseUrl, today.plus(Duration.ofDays(days)), List.of(), 4);
        }

        public Options withValidUntil(Instant until) {
            return new Options(baseUrl, until, extraPaths, threads, fresh);
        }

        public Options withExtraPaths(List<String> paths) {
            return new Options(baseUrl, validUntil, paths, threads, fresh);
        }

        public Options withFresh(boolean writeEveryFile) {
            return new Options(baseUrl, validUntil, extraPaths, threads, writeEveryFile);
        }
    }

    /**
     * What an export wrote; {@code linked}: the files (with their .gz) that were the same bytes as the previous export's;
     * {@code keptCables}: the cables whose files were among them without being rendered again ({@link CableInputs}).
     */
    public record Result(Manifest manifest, String manifestSha256, long bytes, long linked, long keptCables,
            List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** The seeds of the crawl: every page and route that exists whatever the archive holds. */
    static final List<String> SEEDS = List.of("/", "/index.html", "/cablegate.html", "/about.html", "/faq.html",
            "/resources.html", "/static/cablegate.css", "/static/html/faq.html", "/reldate/index.html",
            "/date/index.html", "/tag/index.html", "/origin/index.html", "/classification/index.html",
            "/releases.html", "/release-box.html", "/sitemap.xml", "/robots.txt", "/api/openapi.json", "/api/status", "/api/search.csv",
            "/api/search.jsonl", "/feed/latest.atom", "/feed/changes.atom", "/feed/releases.atom",
            "/publisher-key.txt", "/mirror.html", "/404.html");

    private Exporter() {}

    /**
     * Exports the archive's current release into {@code target}, signed with the data directory's publisher key.
     * The chain of earlier manifests is kept in the data directory ({@code mirror/manifests}), so every export of the
     * same release names the same earlier manifests, whichever directory it is written to.
     */
    public static Result export(PublicArchive archive, Path dataDir, Path target, Options options) throws IOException {
        PrivateKey key = PublisherKey.loadPrivate(dataDir);
        Optional<String> publicKey = PublisherKey.show(dataDir);
        archive.refresh();
        WebServer.Options serverOptions = WebServer.Options.defaults().withAddress("127.0.0.1", 0)
                .withBaseUrl(options.baseUrl());
        serverOptions = new WebServer.Options(serverOptions.host(), serverOptions.port(), serverOptions.baseUrl(),
                16L << 20, Duration.ofDays(1));
        try (WebServer server = WebServer.create(archive, serverOptions,
                new MirrorRoutes.Published(publicKey, Optional.empty())).start()) {
            URI loopback = URI.create("http://127.0.0.1:" + server.port());
            InProcess inProcess = new InProcess(archive, options.baseUrl());
            CableInputs inputs;
            try (PublicArchive.View view = archive.view()) {
                inputs = view.lastRelease() == inProcess.release()
                        ? CableInputs.of(view, inProcess.site()) : null;
            }
            Optional<PreviousExport> previous = options.fresh() ? Optional.empty()
                    : PreviousExport.at(target, publicKey);
            Optional<KeptCables> kept = inputs == null ? Optional.empty() : previous.flatMap(p -> kept(dataDir, inputs, p));
            Crawler crawler = new Crawler(loopback, options.baseUrl(), options.threads(), inProcess,
                    kept.isPresent() ? kept.get() : Crawler.Kept.NONE);
            Crawler.Response status = crawler.fetch("/api/status");
            String statusJson = new String(status.body(), StandardCharsets.UTF_8);
            long release = Long.parseLong(find(STATUS_RELEASE, statusJson).orElse("0"));
            Instant time = find(STATUS_TIME, statusJson).map(t -> LocalDateTime.parse(t).toInstant(ZoneOffset.UTC))
                    .orElse(Instant.EPOCH);
            Path build = Trees.newBuild(target, "r" + release);
            Writer writer = new Writer(build, crawler.fetch("/404.html").body(), previous);
            List<String> seeds = new ArrayList<>(SEEDS);
            seeds.addAll(options.extraPaths());
            // Withdrawn cables leave their 410 pages, so that a mirror stops serving them; no link leads there.
            try (PublicArchive.View view = archive.view()) {
                for (WithdrawnCable w : view.withdrawn()) {
                    seeds.add(Urls.cable(w.id(), w.created()));
                    seeds.add(Urls.cableText(w.id(), w.created()));
                    seeds.add("/api/cable/" + w.id() + ".json");
                }
            }
            crawler.crawl(seeds, writer);
            String base = trimSlash(options.baseUrl().toString());
            writer.ownFile("search.html", Pages.search(base));
            if (!writer.has("mirror.html")) {
                writer.ownFile("mirror.html", Pages.mirror(base, publicKey));
            }
            writer.plainFile("nginx.conf", nginxConf(base));
            writer.plainFile("nginx-statuses.conf", writer.statuses());

            List<Manifest.Link> chain = chain(dataDir, release);
            List<Manifest.Entry> entries = new ArrayList<>(writer.entries.values());
            entries.sort(Comparator.comparing(e -> Trees.utf8Key(e.path())));
            Manifest manifest = new Manifest(release, time, options.baseUrl(), options.validUntil(), chain, entries);
            byte[] bytes = manifest.bytes();
            Files.write(build.resolve(Manifest.FILE), bytes);
            Files.write(build.resolve(Manifest.SIGNATURE), PublisherKey.signatureFile(PublisherKey.sign(key, bytes)));
            Trees.setTimes(build, FileTime.from(time));
            String sha = Sha256.of(bytes);
            Trees.install(build, target);
            record(dataDir, release, sha);
            if (inputs != null && release == inProcess.release()) {
                inputs.write(dataDir, sha);
            }
            long total = entries.stream().mapToLong(Manifest.Entry::size).sum();
            return new Result(manifest, sha, total, writer.reused.sum(), kept.map(KeptCables::cables).orElse(0),
                    writer.warnings);
        }
    }

    /** The cables whose files the previous export has as they would be rendered now, when its inputs were recorded. */
    private static Optional<KeptCables> kept(Path dataDir, CableInputs now, PreviousExport previous) {
        try {
            return CableInputs.read(dataDir, previous.manifestSha256())
                    .map(before -> new KeptCables(now, now.unchangedSince(before), previous));
        } catch (IOException unreadable) {
            return Optional.empty(); // then every cable is rendered
        }
    }

    /** Earlier manifests of this data directory's exports, newest first; re-exports of a release do not enter it. */
    static List<Manifest.Link> chain(Path dataDir, long release) throws IOException {
        Path log = dataDir.resolve("mirror").resolve("manifests");
        List<Manifest.Link> chain = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] p = line.split(" ");
                if (p.length == 2 && Long.parseLong(p[0]) < release) {
                    chain.add(0, new Manifest.Link(Long.parseLong(p[0]), p[1]));
                }
            }
        }
        return chain;
    }

    private static void record(Path dataDir, long release, String sha) throws IOException {
        Path log = dataDir.resolve("mirror").resolve("manifests");
        Files.createDirectories(log.getParent());
        String line = release + " " + sha;
        if (Files.exists(log) && Files.readAllLines(log).contains(line)) {
            return;
        }
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String nginxConf(String base) {
        try (InputStream in = Exporter.class.getResourceAsStream("nginx.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@BASE_URL@", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whether a content type is text that gzip shrinks (pages, JSON, CSV, feeds), so that a .gz goes beside it. */
    static boolean compressible(String path) {
        return path.endsWith(".html") || path.endsWith(".txt") || path.endsWith(".css") || path.endsWith(".json")
                || path.endsWith(".jsonl") || path.endsWith(".csv") || path.endsWith(".xml") || path.endsWith(".atom")
                || path.equals("api/status");
    }

    static byte[] gzip(byte[] body) {
        return Gzip.of(body);
    }

    /** Writes what the crawl fetched into the build directory and keeps the manifest's entries. */
    static final class Writer implements Crawler.Sink {
        final Path root;
        final byte[] notFound;
        final Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();
        /** The SHA-256 of each page's bytes, by file path, as each is first written. */
        private final Map<String, String> claimed = new ConcurrentHashMap<>();
        /** Decoded URL path to its nginx line, for the answers that are not a 200 file. */
        final Map<String, String> statusLines = new ConcurrentHashMap<>();
        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        /** Directories made so far: a listing's hundreds of pages share one, and asking the disk costs a call each. */
        private final Set<Path> dirs = ConcurrentHashMap.newKeySet();

        /** The export the target held, whose unchanged files are linked rather than written. */
        private final Optional<PreviousExport> previous;
        /** Files (with their .gz) linked from the previous export. */
        final LongAdder reused = new LongAdder();

        Writer(Path root, byte[] notFound, Optional<PreviousExport> previous) {
            this.root = root;
            this.notFound = notFound;
            this.previous = previous;
        }

        @Override
        public void accept(String rawPath, Crawler.Response r) throws IOException {
            Optional<String> file = Crawler.filePath(rawPath);
            if (file.isEmpty()) {
                warnings.add(rawPath + ": cannot be a file name; left out");
                return;
            }
            String path = file.get();
            String urlPath = "/" + path;
            if (RESERVED.contains(path)) {
                throw new IOException("the site has a page at " + rawPath + ", a name the export keeps for itself");
            }
            int s = r.status();
            if (s == 200) {
                write(path, r.body());
            } else if (s >= 300 && s < 400 && r.location().isPresent()) {
                statusLines.put(urlPath, "location = " + quote(urlPath) + " { return " + s + " "
                        + quote(r.location().get()) + "; }");
            } else if (s == 404 && Arrays.equals(r.body(), notFound)) {
                // The site's one 404 page: nginx answers it for every such path from 404.html.
                if (path.equals("404.html")) {
                    write(path, r.body());
                }
            } else if (s >= 400 && s < 500) {
                write(path, r.body());
                statusLines.put(urlPath, "location = " + quote(urlPath) + " { error_page " + s
                        + " @cablegate_body; return " + s + "; }");
            } else {
                throw new IOException(rawPath + " answered " + s + "; the export stops rather than miss a page");
            }
        }

        /** Links a kept file, and its .gz, from the previous export as its manifest lists them. */
        @Override
        public boolean keep(String rawPath) throws IOException {
            Optional<String> file = Crawler.filePath(rawPath);
            Optional<Manifest.Entry> entry = file.isEmpty() || previous.isEmpty() ? Optional.empty()
                    : previous.get().entry(file.get());
            if (entry.isEmpty()) {
                return false;
            }
            String path = file.get();
            if (claimed.putIfAbsent(path, entry.get().sha256()) != null) {
                return true;
            }
            if (linked(path, entry.get())) {
                return true;
            }
            claimed.remove(path);
            return false;
        }

        boolean has(String path) {
            return entries.containsKey(path);
        }

        /** A page of the export's own (not the server's), with its .gz. */
        void ownFile(String path, String html) throws IOException {
            write(path, html.getBytes(StandardCharsets.UTF_8));
        }

        void plainFile(String path, String text) throws IOException {
            put(path, text.getBytes(StandardCharsets.UTF_8));
        }

        private void write(String path, byte[] body) throws IOException {
            String sha = Sha256.of(body);
            // Claimed before it is written: two URLs of one file ("/" and "/index.html") may come at the same time.
            String first = claimed.putIfAbsent(path, sha);
            if (first != null) {
                if (!first.equals(sha)) {
                    warnings.add("/" + path + ": two URLs of the same file answered different bytes; the first kept");
                }
                return;
            }
            if (reused(path, body.length, sha)) {
                return;
            }
            put(path, body, sha);
            if (compressible(path)) {
                byte[] gz = gzip(body);
                put(path + ".gz", gz, Sha256.of(gz));
            }
        }

        /** Links the file, and its .gz, from the previous export when it held these very bytes. */
        private boolean reused(String path, long size, String sha) throws IOException {
            if (previous.isEmpty()) {
                return false;
            }
            Optional<Manifest.Entry> same = previous.get().same(path, size, sha);
            return same.isPresent() && linked(path, same.get());
        }

        /** Links the previous export's file of {@code entry}, with its .gz; false (nothing left) when it cannot. */
        private boolean linked(String path, Manifest.Entry entry) throws IOException {
            Optional<Manifest.Entry> gz = compressible(path) ? previous.get().entry(path + ".gz") : Optional.empty();
            if (compressible(path) && gz.isEmpty()) {
                return false;
            }
            Path f = file(path);
            if (!previous.get().linkInto(f, entry)) {
                return false;
            }
            if (gz.isPresent() && !previous.get().linkInto(file(path + ".gz"), gz.get())) {
                Files.delete(f);
                return false;
            }
            entries.put(path, entry);
            gz.ifPresent(e -> entries.put(e.path(), e));
            reused.increment();
            return true;
        }

        private void put(String path, byte[] body) throws IOException {
            put(path, body, Sha256.of(body));
        }

        private void put(String path, byte[] body, String sha) throws IOException {
            Files.write(file(path), body);
            entries.put(path, new Manifest.Entry(path, body.length, sha));
        }

        /** Where a file of the tree goes, its directory made. */
        private Path file(String path) throws IOException {
            Path f = Trees.resolve(root, path);
            if (!dirs.contains(f.getParent())) {
                // Made before it is marked made: another thread may write into it as soon as it is marked.
                Files.createDirectories(f.getParent());
                dirs.add(f.getParent());
            }
            return f;
        }

        String statuses() {
            StringBuilder sb = new StringBuilder("# Pages answered with another status than 200, written by cablegate "
                    + "export; included by nginx.conf.\n");
            for (String line : new TreeMap<>(statusLines).values()) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }

        private static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
