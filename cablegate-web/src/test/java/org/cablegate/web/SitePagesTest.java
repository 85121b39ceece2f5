package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.SearchRequest;
import org.junit.jupiter.api.Test;

/** The pages of the site as a reader gets them over HTTP, from a real archive of real cables. */
class SitePagesTest extends ServedSite {
    private static final String MOSCOW = "/cable/2008/06/08MOSCOW1647.html";

    @Test
    void everyPageFramesTheReleaseBoxWhichShowsTheCounterAgainstTheWholeSet() throws Exception {
        // 187 cables in the vault (186 real, one made up), two held back. The counter is in the box alone, so that a
        // release does not change the page of every cable it leaves alone.
        for (String path : List.of("/", MOSCOW, "/tag/PREL_0.html", "/about.html", "/nothing-here")) {
            assertThat(site.text(path)).as(path)
                    .contains("<h2>Browse latest releases</h2>\n<iframe class=\"release-box\" src=\"/release-box.html\"")
                    .doesNotContain("Currently released so far");
        }
        String box = site.text("/release-box.html");
        assertThat(box).contains("<p class=\"counter\"><a target=\"_top\" href=\"/reldate/index.html\">Currently "
                + "released so far... 185 / 187</a></p>");
        // Every link leaves the frame for the whole window; the latest day first.
        assertThat(box.split("<a target=\"_top\" href=", -1)).hasSize(box.split("<a ", -1).length).hasSizeGreaterThan(3);
        assertThat(box).containsPattern("<ul class=\"inline\">\n<li><a target=\"_top\" href=\"/reldate/\\d{4}-\\d{2}-\\d{2}_0\\.html\">");
    }

    @Test
    void pagesNameTheirCanonicalUrlAndDescribeThemselvesToSharedLinks() throws Exception {
        assertThat(site.text(MOSCOW))
                .contains("<link rel=\"canonical\" href=\"http://cablegate.test" + MOSCOW + "\">")
                .contains("<meta property=\"og:url\" content=\"http://cablegate.test" + MOSCOW + "\">")
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("<meta property=\"og:title\" content=\"Viewing cable 08MOSCOW1647, SCENESETTER FOR "
                        + "COUNTERTERRORISM WORKING GROUP\">")
                .contains("<meta name=\"description\" content=\"A SECRET cable from Embassy Moscow, created 2008-06-10, "
                        + "released 2011-02-01.\">")
                .contains("<meta property=\"og:description\" content=\"A SECRET cable from Embassy Moscow");
        assertThat(site.text("/tag/PREL_1.html"))
                .contains("<link rel=\"canonical\" href=\"http://cablegate.test/tag/PREL_1.html\">")
                .contains("<meta property=\"og:type\" content=\"website\">")
                .containsPattern("<meta name=\"description\" content=\"Cables tagged PREL[^\"]*: \\d+ cables, page 2 of \\d+\\.\">");
        assertThat(site.text("/")).contains("<link rel=\"canonical\" href=\"http://cablegate.test/\">");
        assertThat(site.text("/static/html/faq.html")).contains("<link rel=\"canonical\" href=\"http://cablegate.test/faq.html\">");
        assertThat(site.text("/origin/index.html"))
                .contains("<link rel=\"canonical\" href=\"http://cablegate.test/origin/index.html\">");
        // A search, an error, a cable that is not public: no canonical place.
        for (String path : List.of("/search?q=iran", "/nothing-here", "/cable/2009/04/09TRIPOLI310.html")) {
            assertThat(site.text(path)).as(path).doesNotContain("rel=\"canonical\"").doesNotContain("og:url")
                    .contains("<meta property=\"og:title\" content=\"");
        }
        // The cable's own words are escaped in the metadata (in an attribute: < & and quotes; > is harmless there).
        assertThat(site.text("/cable/2010/02/10TESTPOST1.html")).contains("<meta property=\"og:title\" content=\"Viewing "
                + "cable 10TESTPOST1, &lt;SCRIPT>ALERT(1)&lt;/SCRIPT> AND &#34;QUOTES&#34; &amp; AMPERSANDS\">");
    }

    @Test
    void aCablePageHasTheTitleAndTheTopBoxOfTheOriginal() throws Exception {
        HttpResponse<byte[]> response = site.get(MOSCOW);
        String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page).contains("<title>Viewing cable 08MOSCOW1647, SCENESETTER FOR COUNTERTERRORISM WORKING GROUP</title>")
                .contains("<tbody><tr><td><a href=\"/cable/2008/06/08MOSCOW1647.html\">08MOSCOW1647</a></td>"
                        + "<td><a href=\"/date/2008-06_0.html\">2008-06-10 11:11</a></td>"
                        + "<td><a href=\"/reldate/2011-02-01_0.html\">2011-02-01 21:09</a></td>"
                        + "<td><a href=\"/classification/3_0.html\">SECRET</a></td>"
                        + "<td><a href=\"/origin/67_0.html\">Embassy Moscow</a></td></tr></tbody>")
                .contains("<dt>To</dt><dd>SECSTATE WASHDC (RUEHC)</dd>")
                .contains("TAGS: <a href=\"/tag/PREL_0.html\">PREL</a> <a href=\"/tag/PTER_0.html\">PTER</a>")
                .contains("<code>#cablegate #08MOSCOW1647</code>")
                .contains("<a href=\"/cable/2008/06/08MOSCOW1647.txt\">plain text</a>")
                .contains("<a href=\"/api/cable/08MOSCOW1647.json\">JSON</a>");
    }

    @Test
    void everyNumberedParagraphHasItsPermalinkOnce() throws Exception {
        String page = site.text(MOSCOW);

        // The 2011 page lacked it before paragraphs 1, 12 and 24 to 27, which run on from the text before them.
        List<Integer> anchors = new ArrayList<>();
        Matcher m = Pattern.compile("<a class=\"par\" id=\"par(\\d+)\" href=\"#par\\1\"").matcher(page);
        while (m.find()) {
            anchors.add(Integer.parseInt(m.group(1)));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 32; i++) {
            expected.add(i);
        }
        assertThat(anchors).isEqualTo(expected);
        assertThat(page).contains("¶</a>12, (C) Equipment and Paramilitary Training");
    }

    @Test
    void everyPublicCableHasAPermalinkForEachParagraphTheParserFinds() throws Exception {
        org.cablegate.core.parse.CableParser parser = new org.cablegate.core.parse.CableParser();
        List<Hit> all = site.archive.search(SearchRequest.of("").withLimit(1000)).hits();
        assertThat(all).hasSize(185);
        for (Hit h : all) {
            var c = site.archive.get(h.id()).orElseThrow();
            var parsed = parser.parse(new org.cablegate.core.model.SourceCable(c.id(), c.created(),
                    java.util.Optional.of(c.released()), c.classification(), c.origin(), c.header(), c.body(),
                    org.cablegate.core.model.SourceFormat.CSV, "test"));
            HttpResponse<byte[]> r = site.get("/cable/" + String.format("%04d/%02d/", c.created().getYear(),
                    c.created().getMonthValue()) + c.id() + ".html");
            String page = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(r.statusCode()).as(c.id()).isEqualTo(200);
            List<String> anchors = new ArrayList<>();
            Matcher m = Pattern.compile("<a class=\"par\" id=\"(par[^\"]+)\" href=\"#\\1\"").matcher(page);
            while (m.find()) {
                anchors.add(m.group(1));
            }
            assertThat(anchors).as(c.id()).hasSize(parsed.paragraphs().size());
            assertThat(new HashSet<>(anchors)).as(c.id() + ": anchors are unique").hasSameSizeAs(anchors);
        }
    }

    @Test
    void markupInACableIsShownAsText() throws Exception {
        String page = site.text("/cable/2010/02/10TESTPOST1.html");

        assertThat(page.toLowerCase()).doesNotContain("<script");
        assertThat(page).contains("<title>Viewing cable 10TESTPOST1, &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt; AND \"QUOTES\" &amp; AMPERSANDS</title>")
                .contains("The minister wrote &lt;script&gt;alert('x')&lt;/script&gt; on the board &amp; left.");
    }

    @Test
    void refLinesLinkTheCitedCablesAndCitedByListsTheCiters() throws Exception {
        assertThat(site.text("/cable/2010/02/10TESTPOST1.html"))
                .contains("REF: <a href=\"/cable/2008/06/08MOSCOW1647.html\">08 MOSCOW 1647</a>");
        assertThat(site.text(MOSCOW)).contains("<caption>Public cables that cite 08MOSCOW1647</caption>")
                .contains("<td><a href=\"/cable/2010/02/10TESTPOST1.html\">10TESTPOST1</a></td>");
    }

    @Test
    void aCitedCableThatIsNotPublicGetsAPageSayingOnlyWhatItsCitersSay() throws Exception {
        String citing = site.text("/cable/2005/10/05BRASILIA2806.html");
        assertThat(citing).contains("<a href=\"/cable/05BRASILIA1839.html\">");

        HttpResponse<byte[]> cited = site.get("/cable/05BRASILIA1839.html");
        String page = new String(cited.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cited.statusCode()).isEqualTo(404);
        assertThat(page).contains("<h1>Cable 05BRASILIA1839 is not in the public archive</h1>")
                .contains("<a href=\"/cable/2005/10/05BRASILIA2806.html\">05BRASILIA2806</a>")
                .contains("cited as <q>");
        assertThat(page).doesNotContain("2005-07").doesNotContain("/2005/07/");
    }

    @Test
    void anUnreleasedCableLooksExactlyLikeAnUnknownOrMalformedId() throws Exception {
        String unreleased = notPublic("/cable/2009/04/09TRIPOLI310.html", "09TRIPOLI310");
        String unknown = notPublic("/cable/2009/04/09TRIPOLI999999.html", "09TRIPOLI999999");
        String wrongMonth = notPublic("/cable/2001/01/09TRIPOLI310.html", "09TRIPOLI310");
        String shortUrl = notPublic("/cable/09TRIPOLI310.html", "09TRIPOLI310");
        String malformed = notPublic("/cable/2009/04/09TRIPOLI%3Cb%3E.html", "09TRIPOLI&lt;b&gt;");

        assertThat(unreleased).contains("<h1>Cable ID is not in the public archive</h1>");
        assertThat(unknown).isEqualTo(unreleased);
        assertThat(wrongMonth).isEqualTo(unreleased);
        assertThat(shortUrl).isEqualTo(unreleased);
        assertThat(malformed).isEqualTo(unreleased);
    }

    /** The 404 page with the id replaced, after checking the status and the headers that could differ. */
    private static String notPublic(String path, String idAsShown) throws Exception {
        HttpResponse<byte[]> r = site.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.headers().map().keySet()).as(path).containsExactlyInAnyOrderElementsOf(
                site.get("/cable/2009/04/09TRIPOLI999999.html").headers().map().keySet());
        // In attributes (the title of a shared link) jte leaves > as it is.
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).replace(idAsShown, "ID")
                .replace(idAsShown.replace("&gt;", ">"), "ID");
    }

    @Test
    void aPublicCableAtAnOldOrShortUrlRedirectsToItsPage() throws Exception {
        HttpResponse<byte[]> r = site.get("/cable/08MOSCOW1647.html");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(MOSCOW);
    }

    @Test
    void theRawTextIsTheHeaderAndBodyAsPublished() throws Exception {
        HttpResponse<byte[]> r = site.get("/cable/2008/06/08MOSCOW1647.txt");
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(text).startsWith("VZCZCXYZ0000\nOO RUEHWEB\n").contains("\n\nS E C R E T MOSCOW 001647");
    }

    @Test
    void aListingPagesThroughAllItsCablesFiftyAtATimeOldestFirst() throws Exception {
        List<Hit> expected = site.archive.search(SearchRequest.of("tag:PREL").withLimit(1000)
                .withSort(org.cablegate.archive.index.SortOrder.CREATED_OLDEST)).hits();
        int pages = (expected.size() + 49) / 50;
        assertThat(pages).as("the sample has enough PREL cables to page").isGreaterThanOrEqualTo(2);

        List<String> listed = new ArrayList<>();
        String page = site.text("/tag/PREL_0.html");
        assertThat(page).contains("<h1>Cables tagged PREL</h1>")
                .contains("PREL is a subject tag: External political relations.")
                .contains("<p class=\"total\">" + expected.size() + " cables, oldest first.</p>")
                .contains("<a href=\"/tag/PREL_" + (pages - 1) + ".html\">" + pages + "</a>");
        for (int n = 0; n < pages; n++) {
            String p = site.text("/tag/PREL_" + n + ".html");
            List<String> ids = ids(p);
            assertThat(ids).as("page " + n).hasSize(n < pages - 1 ? 50 : expected.size() - 50 * (pages - 1));
            listed.addAll(ids);
        }
        assertThat(listed).isEqualTo(expected.stream().map(Hit::id).toList());
        assertThat(site.get("/tag/PREL_" + pages + ".html").statusCode()).isEqualTo(404);
    }

    @Test
    void aDeepPageOpenedFirstListsWhatWalkingToItLists() throws Exception {
        List<String> expected = site.archive.search(SearchRequest.of("tag:PGOV").withLimit(1000)
                .withSort(org.cablegate.archive.index.SortOrder.CREATED_OLDEST)).hits().stream().map(Hit::id).toList();
        int last = (expected.size() - 1) / 50;
        assertThat(last).as("the sample has enough PGOV cables to page").isGreaterThanOrEqualTo(1);

        assertThat(ids(site.text("/tag/PGOV_" + last + ".html"))).isEqualTo(expected.subList(50 * last, expected.size()));
        for (int n = 0; n <= last; n++) {
            assertThat(ids(site.text("/tag/PGOV_" + n + ".html"))).as("page " + n)
                    .isEqualTo(expected.subList(50 * n, Math.min(expected.size(), 50 * n + 50)));
        }
    }

    @Test
    void everyDimensionHasItsListingAtTheOriginalUrl() throws Exception {
        assertThat(ids(site.text("/origin/67_0.html"))).contains("08MOSCOW1647").hasSize(count("origin:\"Embassy Moscow\""));
        assertThat(ids(site.text("/classification/3_0.html"))).contains("08MOSCOW1647");
        assertThat(ids(site.text("/date/2008-06_0.html"))).contains("08MOSCOW1647").hasSize(count("created:2008-06"));
        assertThat(ids(site.text("/reldate/2011-02-01_0.html"))).contains("08MOSCOW1647")
                .hasSize(count("released:2011-02-01"));
        assertThat(site.text("/tag/RS_0.html")).contains("RS is a country tag: Russia.");
        assertThat(site.text("/origin/embassy-testville_0.html")).contains("<h1>Cables from Embassy Testville</h1>");
    }

    @Test
    void aListingDrawsItsCablesByCreationMonth() throws Exception {
        int june2008 = count("origin:\"Embassy Moscow\" AND created:2008-06");
        assertThat(site.text("/origin/67_0.html")).contains("<svg viewBox=")
                .contains("<title>2008-06: " + june2008 + (june2008 == 1 ? " cable" : " cables") + "</title>");
    }

    @Test
    void theIndexesListEveryValueWithItsCount() throws Exception {
        assertThat(site.text("/origin/index.html"))
                .contains("<a href=\"/origin/67_0.html\">Embassy Moscow</a> <span class=\"count\">"
                        + count("origin:\"Embassy Moscow\"") + "</span>");
        assertThat(site.text("/date/index.html")).contains("<h2 id=\"y2008\">2008</h2>")
                .contains("<a href=\"/date/2008-06_0.html\">June 2008</a>");
        assertThat(site.text("/classification/index.html")).contains("<a href=\"/classification/3_0.html\">SECRET</a>");
        assertThat(site.text("/tag/index.html")).contains("<a href=\"/tag/PREL_0.html\">PREL</a>");
        assertThat(site.text("/reldate/index.html")).contains("<a href=\"/reldate/2011-02-01_0.html\">2011-02-01</a>");
    }

    @Test
    void unknownPathsGetAHelpful404() throws Exception {
        for (String path : List.of("/nothing-here", "/tag/NOSUCHTAG_0.html", "/origin/9999_0.html", "/date/2031-01_0.html")) {
            HttpResponse<byte[]> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).as(path)
                    .contains("<h1>There is no page at this address</h1>").contains("<a href=\"/search\">");
        }
    }

    @Test
    void pagesCarryNoScriptAndNoInlineStyle() throws Exception {
        for (String path : List.of("/", MOSCOW, "/tag/PREL_0.html", "/search?q=iran", "/faq.html", "/origin/index.html")) {
            String page = site.text(path).toLowerCase();
            assertThat(page).as(path).doesNotContain("<script").doesNotContain("style=").doesNotContain("<style")
                    .doesNotContain("onclick");
        }
    }

    @Test
    void everyPageHasOneHeadingLandmarksAndLabelledFields() throws Exception {
        for (String path : List.of("/", MOSCOW, "/tag/PREL_0.html", "/tag/index.html", "/search?q=iran", "/faq.html",
                "/about.html", "/resources.html", "/nothing-here", "/cable/2009/04/09TRIPOLI310.html", "/search?q=(")) {
            String page = site.text(path);
            assertThat(page).as(path).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                    .contains("<main id=\"main\">").contains("<nav class=\"browse\" aria-label=\"Browse the cables\">")
                    .contains("<a class=\"skip\" href=\"#main\">");
            assertThat(page.split("<h1>", -1)).as(path + ": one h1").hasSize(2);
            Matcher inputs = Pattern.compile("<(?:input|select) id=\"([^\"]+)\"").matcher(page);
            while (inputs.find()) {
                assertThat(page).as(path).contains("<label for=\"" + inputs.group(1) + "\">");
            }
        }
    }

    private static int count(String query) throws Exception {
        return (int) site.archive.search(SearchRequest.of(query).withLimit(0)).total();
    }

    /** The cable ids of a listing's rows, in order. */
    static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr><td><a href=\"/cable/\\d{4}/\\d{2}/([A-Z0-9]+)\\.html\">").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).as("no cable listed twice").hasSameSizeAs(ids);
        return ids;
    }
}
