package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportSummary;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.SharedCorpus;
import org.cablegate.web.http.Page;
import org.cablegate.web.site.Site;
import org.cablegate.web.url.Urls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole real corpus served: the 6,712 pages of the 2011 site imported, released with their original times, and
 * every page compared with the original over HTTP.
 *
 * <p>Top boxes must agree on every cable. Listings are compared with the 2011 site's own listing pages, which were
 * saved at different moments of its life: some were saved before the last cables of a day were added (the site said
 * "6693 / 251,287" on them, not 6,712), and the origin listings were numbered differently from one save to the next.
 * So a listing is judged against what the site's own cable pages say: a listing of the site that agrees with its
 * cable pages must be ours exactly, and every difference is written to {@code target/corpus-listings-report.txt}.
 * Origin listings are matched by the origin's name, which the site printed on each, not by its number. Tag listings
 * are judged by the TAGS links of the site's cable pages, as our parser corrects some tags (each correction is written
 * to {@code target/corpus-tags-report.txt}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusPagesTest {
    private static final Pattern TOP_BOX_ORIGINAL = Pattern.compile(
            "<table class='cable'>\\s*<tr>\\s*<th>Reference ID</th>.*?</tr>\\s*<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern TOP_BOX_OURS = Pattern.compile(
            "<table class=\"cables top\">.*?<tbody><tr>(.*?)</tr></tbody>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td>\\s*<a href=['\"]([^'\"]*)['\"][^>]*>([^<]*)</a>\\s*</td>");
    private static final Pattern LISTED_ORIGINAL = Pattern.compile("<a href='/cable/\\d{4}/\\d\\d/([^']+)\\.html'>");
    private static final Pattern LISTED_OURS = Pattern.compile("<tr><td><a href=\"/cable/\\d{4}/\\d\\d/([^\"]+)\\.html\">");
    private static final Pattern LISTING_FILE = Pattern.compile("(reldate|date|tag|origin|classification)/(.+)_(\\d+)\\.html");
    private static final Pattern TAGS_LINE = Pattern.compile("TAGS:(.*?)&#x000A;");
    private static final Pattern TAG_LINK = Pattern.compile("<a href='/tag/([^']+)_0\\.html'>");
    private static final Pattern ORIGIN_TITLE = Pattern.compile("<div class='pane big'>\\s*<h3>Browse by ([^<]+)</h3>");

    /** The five cells of each original top box, by id: text and link. */
    private final Map<String, List<String[]>> originalTopBoxes = new TreeMap<>();
    /** Each listing of the 2011 site (dimension/key, origins by name): the ids on all its pages. */
    private final Map<String, Set<String>> originalListings = new TreeMap<>();
    /** Each tag the site's cable pages link from their TAGS line: the ids of the pages that link it. */
    private final Map<String, Set<String>> tagsLinkedByCablePages = new TreeMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private PublicArchive archive;
    private WebServer server;

    @BeforeAll
    void importReleaseAndServe(@TempDir Path dir) throws Exception {
        Path site = SharedCorpus.corpusFile("cablegate-site-2011-04-11.tar.xz");
        readOriginal(site);
        Path data = dir.resolve("data");
        try (Vault vault = Vault.open(data)) {
            ImportSummary imported = new Importer(vault).run(List.of(site), ImportListener.NONE);
            assertThat(imported.imported()).isEqualTo(6712);
            try (Releaser releaser = Releaser.open(vault)) {
                releaser.release(ReleaseRequest.of("the 2011 site", Selection.all()).keepingOriginalTimes()
                        .at(LocalDateTime.parse("2011-04-11T12:00")), ReleaseListener.NONE);
            }
        }
        archive = PublicArchive.open(Releaser.publicDir(data));
        server = WebServer.create(archive, WebServer.Options.defaults().withAddress("127.0.0.1", 0)).start();
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void aListingWalkedBackFromItsLastPageIsTheListingWalkedForward() throws Exception {
        // The corpus's biggest listings run past the 20 pages a kept cursor is walked over; walked back from the
        // last page (as the export's crawl meets them, from the pager's link to the last page), their pages are
        // found from the starts of every page at once instead of page by page forward.
        URI base = URI.create("https://cablegate.example");
        Site forward = new Site(archive, base);
        Site backward = new Site(archive, base);
        int checked = 0;
        for (String listing : List.of("/classification/1_", "/classification/2_", "/classification/3_", "/tag/PREL_")) {
            List<byte[]> pages = new ArrayList<>();
            for (int n = 0; ; n++) {
                Page p = forward.render(listing + n + ".html");
                if (p.status() != 200) {
                    break;
                }
                pages.add(p.body());
            }
            if (pages.size() <= 21) {
                continue;
            }
            for (int n = pages.size() - 1; n >= 0; n--) {
                assertThat(new String(backward.render(listing + n + ".html").body(), StandardCharsets.UTF_8))
                        .as(listing + n).isEqualTo(new String(pages.get(n), StandardCharsets.UTF_8));
            }
            assertThat(backward.render(listing + pages.size() + ".html").status()).isEqualTo(404);
            checked++;
        }
        assertThat(checked).as("listings of more than 21 pages in the corpus").isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyCablesTopBoxShowsWhatTheOriginalShowed() throws Exception {
        assertThat(originalTopBoxes).hasSize(6712);
        List<String> differences = new ArrayList<>();
        int originLinksAgree = 0;
        for (Map.Entry<String, List<String[]>> e : originalTopBoxes.entrySet()) {
            List<String[]> original = e.getValue();
            String path = original.get(0)[0];
            List<String[]> ours = cells(TOP_BOX_OURS, get(path), path);
            for (int i = 0; i < 5; i++) {
                // Values exactly; links too, except the origin's number, which the 2011 site changed as it grew.
                boolean sameLink = original.get(i)[0].equals(ours.get(i)[0]);
                if (!original.get(i)[1].equals(ours.get(i)[1]) || (i < 4 && !sameLink)) {
                    differences.add(e.getKey() + " cell " + i + ": site " + String.join(" ", original.get(i))
                            + ", ours " + String.join(" ", ours.get(i)));
                }
                if (i == 4 && sameLink) {
                    originLinksAgree++;
                }
            }
        }
        System.out.printf("corpus pages: %,d top boxes compared, %,d differ; origin links to the same number: %,d%n",
                originalTopBoxes.size(), differences.size(), originLinksAgree);
        assertThat(differences).isEmpty();
    }

    @Test
    void listingsHoldWhatTheSitesOwnCablePagesSay() throws Exception {
        Map<String, Set<String>> byTopBox = listingsFromTopBoxes();
        Map<String, Set<String>> ours = new TreeMap<>();
        for (String listing : originalListings.keySet()) {
            if (!listing.startsWith("tag/")) {
                ours.put(listing, ourListing(listing));
            }
        }
        int exact = 0;
        int consistent = 0;
        List<String> wrong = new ArrayList<>();
        Path report = Path.of("target", "corpus-listings-report.txt");
        Files.createDirectories(report.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Set<String>> e : ours.entrySet()) {
                Set<String> site = originalListings.get(e.getKey());
                Set<String> pages = byTopBox.getOrDefault(e.getKey(), Set.of());
                if (site.equals(e.getValue())) {
                    exact++;
                    continue;
                }
                if (site.equals(pages)) {
                    consistent++;
                    wrong.add(e.getKey());
                }
                out.printf("%s: site lists %d, its cable pages say %d, ours %d; only on the site %s; only ours %s%n",
                        e.getKey(), site.size(), pages.size(), e.getValue().size(), minus(site, e.getValue()),
                        minus(e.getValue(), site));
            }
        }
        System.out.printf("corpus listings: %d of %d equal the 2011 site's exactly; the others differ where the site's "
                + "listing disagrees with its own cable pages (report: %s)%n", exact, ours.size(), report);
        // Ours must be exactly what the cable pages say, for every listing; and equal the site's wherever the site agrees.
        for (Map.Entry<String, Set<String>> e : ours.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(byTopBox.getOrDefault(e.getKey(), Set.of()));
        }
        assertThat(wrong).as("listings where the site agrees with itself but not with us").isEmpty();
    }

    /**
     * Every tag a 2011 cable page linked from its TAGS line: the cable is in our listing of that tag, or the tag is one
     * the parser reads as another (a misspelling, glued tags), which the cable's JSON shows: the tag among its
     * {@code tagsAsWritten}, not among its {@code tags}. So no tag is lost, only corrected, and openly.
     */
    @Test
    void tagListingsHoldEveryCableWhosePageLinkedTheTag() throws Exception {
        assertThat(tagsLinkedByCablePages).hasSize(697);
        List<String> lost = new ArrayList<>();
        int exact = 0;
        int siteListings = 0;
        int corrected = 0;
        Path report = Path.of("target", "corpus-tags-report.txt");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Set<String>> e : tagsLinkedByCablePages.entrySet()) {
                String tag = e.getKey().substring("tag/".length());
                Set<String> ours = response("/" + e.getKey() + "_0.html").statusCode() == 404 ? Set.of()
                        : ourListing(e.getKey());
                for (String id : minus(e.getValue(), ours)) {
                    JsonNode cable = JSON.readTree(get("/api/cable/" + id + ".json")).get("cable");
                    if (writtenAndReadOtherwise(cable, tag)) {
                        corrected++;
                        out.printf("%s: read as %s in %s (written %s)%n", tag, cable.get("tags"), id,
                                cable.get("tagsAsWritten"));
                    } else {
                        lost.add(tag + " of " + id);
                    }
                }
                Set<String> site = originalListings.get(e.getKey());
                if (site != null) {
                    siteListings++;
                    exact += site.equals(ours) ? 1 : 0;
                }
            }
        }
        System.out.printf("corpus tags: %,d tags linked by the cable pages; %,d links read as another tag (report: %s); "
                + "%d of the site's %d tag listings equal ours exactly%n", tagsLinkedByCablePages.size(), corrected,
                report, exact, siteListings);
        assertThat(lost).as("tags of the 2011 pages neither listed nor shown as corrected").isEmpty();
    }

    /**
     * Whether the cable's TAGS line holds the tag, written so (or as a part of a hyphenated tag, which the site
     * linked part by part: ZANU-PF as ZANU and PF), while the tags it is read as do not.
     */
    private static boolean writtenAndReadOtherwise(JsonNode cable, String tag) {
        boolean written = false;
        for (JsonNode t : cable.get("tagsAsWritten")) {
            for (String part : t.asText().split("-")) {
                written |= part.equalsIgnoreCase(tag);
            }
        }
        return written && !contains(cable.get("tags"), tag);
    }

    private static boolean contains(JsonNode array, String tag) {
        for (JsonNode t : array) {
            if (t.asText().equalsIgnoreCase(tag)) {
                return true;
            }
        }
        return false;
    }

    /** What each listing holds by the top boxes of the site's cable pages (origins by name, as listings are keyed). */
    private Map<String, Set<String>> listingsFromTopBoxes() {
        Map<String, Set<String>> listings = new HashMap<>();
        for (Map.Entry<String, List<String[]>> e : originalTopBoxes.entrySet()) {
            List<String[]> cells = e.getValue();
            String[] keys = {"date/" + key(cells.get(1)[0]), "reldate/" + key(cells.get(2)[0]),
                "classification/" + key(cells.get(3)[0]), "origin/" + cells.get(4)[1]};
            for (String k : keys) {
                listings.computeIfAbsent(k, x -> new TreeSet<>()).add(e.getKey());
            }
        }
        return listings;
    }

    /** Walks one of our listings page by page, as a reader would, from {@code _0} to the first page with no rows. */
    private Set<String> ourListing(String listing) throws Exception {
        String dimension = listing.substring(0, listing.indexOf('/'));
        String key = listing.substring(listing.indexOf('/') + 1);
        String first = switch (dimension) {
            case "origin" -> ourOriginListing(key);
            case "reldate" -> Urls.releaseDay(key, 0);
            case "date" -> Urls.month(key, 0);
            default -> "/" + dimension + "/" + key + "_0.html";
        };
        Set<String> ids = new TreeSet<>();
        String prefix = first.substring(0, first.length() - "0.html".length());
        for (int page = 0; ; page++) {
            HttpResponse<String> r = response(prefix + page + ".html");
            if (r.statusCode() == 404 && page > 0) {
                return ids;
            }
            assertThat(r.statusCode()).as(prefix + page).isEqualTo(200);
            Matcher m = LISTED_OURS.matcher(r.body());
            int rows = 0;
            while (m.find()) {
                ids.add(m.group(1));
                rows++;
            }
            if (rows < 50) {
                return ids;
            }
        }
    }

    /** Our listing of an origin, by name: the link of its row in the origin index. */
    private String ourOriginListing(String name) throws Exception {
        String index = get("/origin/index.html");
        Matcher m = Pattern.compile("<a href=\"(/origin/[^\"]+_0\\.html)\">" + Pattern.quote(name) + "</a>").matcher(index);
        assertThat(m.find()).as("origin index links " + name).isTrue();
        return m.group(1);
    }

    private void readOriginal(Path tarXz) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarXz));
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                if (!entry.isFile() || !name.endsWith(".html")) {
                    continue;
                }
                String html = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                if (name.startsWith("cable/")) {
                    String id = name.substring(name.lastIndexOf('/') + 1, name.length() - ".html".length());
                    originalTopBoxes.put(id, cells(TOP_BOX_ORIGINAL, html, name));
                    Matcher tags = TAGS_LINE.matcher(html);
                    if (tags.find()) {
                        Matcher link = TAG_LINK.matcher(tags.group(1));
                        while (link.find()) {
                            tagsLinkedByCablePages.computeIfAbsent("tag/" + link.group(1), k -> new TreeSet<>()).add(id);
                        }
                    }
                    continue;
                }
                Matcher listing = LISTING_FILE.matcher(name);
                if (!listing.matches()) {
                    continue;
                }
                String key = listing.group(2);
                if (listing.group(1).equals("origin")) {
                    Matcher title = ORIGIN_TITLE.matcher(html);
                    assertThat(title.find()).as("origin title in " + name).isTrue();
                    key = title.group(1).replace("&amp;", "&");
                }
                Set<String> ids = originalListings.computeIfAbsent(listing.group(1) + "/" + key, k -> new TreeSet<>());
                int table = html.indexOf("<table class='cable'>");
                Matcher m = LISTED_ORIGINAL.matcher(html);
                m.region(Math.max(table, 0), html.length());
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
    }

    /** The five cells (link, text) of a top box. */
    private static List<String[]> cells(Pattern box, String html, String where) {
        Matcher m = box.matcher(html);
        assertThat(m.find()).as("a top box in " + where).isTrue();
        List<String[]> cells = new ArrayList<>();
        Matcher c = CELL.matcher(m.group(1));
        while (c.find()) {
            cells.add(new String[] {c.group(1), c.group(2).replace("&amp;", "&").replace("&#39;", "'")});
        }
        assertThat(cells).as("cells of the top box in " + where).hasSize(5);
        return cells;
    }

    /** {@code /reldate/2011-02-01_0.html} → {@code 2011-02-01}. */
    private static String key(String href) {
        return href.substring(href.indexOf('/', 1) + 1, href.lastIndexOf('_'));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = response(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> response(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
