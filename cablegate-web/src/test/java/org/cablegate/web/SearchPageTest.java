package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.index.SearchRequest;
import org.junit.jupiter.api.Test;

/** The search page: queries, facets that narrow, orders, paging to the last hit, and 400s that explain. */
class SearchPageTest extends ServedSite {
    private static String search(String query) throws Exception {
        return site.text("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @Test
    void findsCablesAndMarksTheWordsInASnippet() throws Exception {
        String page = search("counterterrorism AND russia");

        long total = site.archive.search(SearchRequest.of("counterterrorism AND russia")).total();
        assertThat(page).contains("<p class=\"total\" role=\"status\">1–" + total + " of " + total + " cables</p>")
                .contains("<a href=\"/cable/2008/06/08MOSCOW1647.html\">08MOSCOW1647</a> SCENESETTER FOR COUNTERTERRORISM WORKING GROUP")
                .containsPattern("<mark>(?i:counterterrorism)</mark>");
    }

    @Test
    void aFacetValueNarrowsTheSearchToItsCount() throws Exception {
        String page = search("iran");
        Matcher m = Pattern.compile("<a href=\"(/search\\?q=iran&amp;filter=origin%3A[^\"]+)\">([^<]+)</a> <span class=\"count\">(\\d+)</span>")
                .matcher(page);
        assertThat(m.find()).as("an origin facet value").isTrue();
        String href = m.group(1).replace("&amp;", "&");
        String origin = m.group(2);
        int count = Integer.parseInt(m.group(3));

        String narrowed = site.text(href);
        assertThat(narrowed).contains("of " + count + " cables</p>").contains("origin: " + origin + " ✕");
        Matcher rows = Pattern.compile("<p class=\"hit-meta\">.*?<a href=\"/origin/[^\"]+\">([^<]+)</a></p>").matcher(narrowed);
        int seen = 0;
        while (rows.find()) {
            assertThat(rows.group(1)).isEqualTo(origin);
            seen++;
        }
        assertThat(seen).isEqualTo(Math.min(count, 25));
    }

    @Test
    void pagingByCursorReachesEveryHitOnce() throws Exception {
        long total = site.archive.count();
        List<String> ids = new ArrayList<>();
        String path = "/search?q=&sort=created";
        int pages = 0;
        while (path != null) {
            String page = site.text(path);
            Matcher m = Pattern.compile("<p class=\"hit-title\"><a href=\"/cable/[^\"]+\">([A-Z0-9]+)</a>").matcher(page);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">").matcher(page);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(ids).hasSize((int) total);
        assertThat(new HashSet<>(ids)).hasSize((int) total);
        assertThat(pages).isEqualTo((int) ((total + 24) / 25));
        assertThat(ids).doesNotContain(TestSite.HELD_BACK, TestSite.HELD_BACK_CITED);
    }

    @Test
    void theOrdersAreOffered() throws Exception {
        String page = search("moscow");
        // Issue 10: the page links in the vocabulary of /api/search.
        assertThat(page).contains("<a href=\"/search?q=moscow&amp;sort=created-newest\">Newest first</a>")
                .contains("<a href=\"/search?q=moscow&amp;sort=released-newest\">Latest released</a>")
                .contains("<a href=\"/search?q=moscow&amp;sort=released-oldest\">First released</a>");
        String newest = site.text("/search?q=moscow&sort=created-oldest");
        assertThat(newest).contains("<option value=\"created-oldest\" selected>");
    }

    @Test
    void aQueryThatCannotRunIsA400ThatSaysWhy() throws Exception {
        for (String query : List.of("/search?q=" + URLEncoder.encode("(iran", StandardCharsets.UTF_8),
                "/search?q=iran&sort=sideways", "/search?q=iran&f=colour%3Ared", "/search?q=iran&after=garbage",
                "/search?q=" + URLEncoder.encode("created:[2008-13 TO 2009]", StandardCharsets.UTF_8))) {
            HttpResponse<byte[]> r = site.get(query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(query)
                    .contains("<h1>The search cannot run as written</h1>");
        }
        assertThat(site.text("/search?q=iran&sort=sideways")).contains("There is no sort 'sideways'; the sorts are relevance, created-newest, created-oldest, released-newest, released-oldest")
                .doesNotContain("Exception");
    }

    @Test
    void linksOfThePageBeforeIssue10KeepWorking() throws Exception {
        // The page read f=, after= and sort=created; it links with filter=, cursor= and sort=created-newest now.
        String old = site.text("/search?q=iran&f=origin%3AEmbassy+Moscow&sort=created");
        String now = site.text("/search?q=iran&filter=origin%3AEmbassy+Moscow&sort=created-newest");
        assertThat(old).isEqualTo(now).contains("origin: Embassy Moscow ✕")
                .contains("<option value=\"created-newest\" selected>");
        Matcher next = Pattern.compile("<a rel=\"next\" href=\"[^\"]*cursor=([^\"&]+)\"").matcher(
                site.text("/search?q=&sort=created-newest"));
        assertThat(next.find()).isTrue();
        String cursor = next.group(1);
        assertThat(site.text("/search?q=&sort=created&after=" + cursor))
                .isEqualTo(site.text("/search?q=&sort=created-newest&cursor=" + cursor)).contains("26–50 of ");
        // The page takes the facets of the API too: a month of creation.
        assertThat(site.text("/search?q=&filter=created-month%3A2008-06")).contains("created-month: 2008-06 ✕");
    }

    @Test
    void theQueryIsShownAsText() throws Exception {
        String page = search("\"<script>alert(1)</script>\"");
        assertThat(page.toLowerCase()).doesNotContain("<script");
        assertThat(page).contains("value=\"&#34;&lt;script>alert(1)&lt;/script>&#34;\"");
    }

    @Test
    void theHitsAreDrawnByYear() throws Exception {
        long in2008 = site.archive.search(SearchRequest.of("moscow AND year:2008")).total();
        assertThat(search("moscow")).contains("<title>2008: " + in2008 + (in2008 == 1 ? " cable" : " cables") + "</title>");
    }
}
