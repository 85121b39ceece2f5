package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.model.Cable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTest extends ServedSample {
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void statusCountsReleasedCablesAndTheWholeSet() throws Exception {
        HttpResponse<String> r = server.get("/api/status");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(
                "{\"released\":176,\"setSize\":186,\"lastRelease\":2,\"lastReleaseTime\":\"2010-12-05T09:30\"}\n");
    }

    @Test
    void aCableIsItsWholeParseWithReleaseVersionAndUrl() throws Exception {
        JsonNode answer = json("/api/cable/08MOSCOW1647.json");

        assertThat(answer.get("id").asText()).isEqualTo("08MOSCOW1647");
        assertThat(answer.get("version").asInt()).isEqualTo(1);
        assertThat(answer.get("released").asText()).isEqualTo("2010-12-05T09:30");
        assertThat(answer.get("url").asText()).isEqualTo("https://cablegate.test/cable/2008/06/08MOSCOW1647.html");
        assertThat(answer.get("cites").isArray()).isTrue();
        JsonNode cable = answer.get("cable");
        assertThat(cable.get("subject").asText()).isEqualTo("SCENESETTER FOR COUNTERTERRORISM WORKING GROUP");
        assertThat(cable.get("classification").asText()).isEqualTo("SECRET");
        assertThat(cable.get("origin").asText()).isEqualTo("Embassy Moscow");
        assertThat(cable.get("tags").toString()).isEqualTo("[\"PREL\",\"PTER\",\"PINR\",\"MARR\",\"ECON\",\"RS\"]");
        assertThat(cable.get("header").get("dtg").asText()).isEqualTo("101120Z JUN 08");
        // The rest as the importer's parse of the same source text, released at the second release.
        Cable expected = released.get("08MOSCOW1647").withReleased(SampleArchive.SECOND);
        assertThat(cable).isEqualTo(JSON.readTree(CableJson.toJson(expected, false)));
    }

    @Test
    void everyReleasedCableAnswersWithItsOwnText() throws Exception {
        for (Cable c : released.values()) {
            JsonNode cable = json("/api/cable/" + c.id() + ".json").get("cable");
            assertThat(cable.get("id").asText()).isEqualTo(c.id());
            assertThat(cable.get("bodyText").asText()).isEqualTo(c.bodyText());
            assertThat(cable.get("headerText").asText()).isEqualTo(c.headerText());
        }
    }

    @Test
    void aMalformedIdIsFoundByItsCorrectedFormToo() throws Exception {
        Cable malformed = released.values().stream().filter(c -> !c.canonicalId().equals(c.id())).findFirst().orElseThrow();

        JsonNode byCorrected = json("/api/cable/" + malformed.canonicalId() + ".json");

        assertThat(byCorrected.get("id").asText()).isEqualTo(malformed.id());
        assertThat(byCorrected.get("url").asText()).isEqualTo(cableUrl(malformed));
        assertThat(byCorrected).isEqualTo(json("/api/cable/" + malformed.id() + ".json"));
    }

    @Test
    void citedCablesAreListed() throws Exception {
        Cable citing = released.values().stream().filter(c -> !c.references().isEmpty()).findFirst().orElseThrow();
        List<String> cited = new ArrayList<>();
        citing.references().forEach(ref -> {
            if (!ref.id().isEmpty() && !cited.contains(ref.id())) {
                cited.add(ref.id());
            }
        });

        JsonNode answer = json("/api/cable/" + citing.id() + ".json");

        List<String> cites = new ArrayList<>();
        answer.get("cites").forEach(n -> cites.add(n.asText()));
        assertThat(cites).isNotEmpty().isEqualTo(cited);
    }

    @Test
    void searchAnswersHitsTotalFacetsAndACursor() throws Exception {
        JsonNode answer = json("/api/search?q=" + encode("origin:moscow") + "&limit=5&facets=origin,classification"
                + "&sort=created-oldest");

        assertThat(answer.get("query").asText()).isEqualTo("origin:moscow");
        assertThat(answer.get("sort").asText()).isEqualTo("created-oldest");
        assertThat(answer.get("total").asLong()).isEqualTo(19);
        assertThat(answer.get("totalExact").asBoolean()).isTrue();
        assertThat(answer.get("hits")).hasSize(5);
        assertThat(answer.get("hits").get(0).toString()).isEqualTo("{\"id\":\"07MOSCOW2981\",\"canonicalId\":"
                + "\"07MOSCOW2981\",\"created\":\"2007-06-20T07:07\",\"released\":\"2010-12-05T09:30\",\"classification\":"
                + "\"" + released.get("07MOSCOW2981").classification() + "\",\"origin\":\"Embassy Moscow\",\"subject\":"
                + JSON.writeValueAsString(released.get("07MOSCOW2981").subject()) + ",\"tags\":"
                + JSON.writeValueAsString(released.get("07MOSCOW2981").tags()) + ",\"url\":"
                + "\"https://cablegate.test/cable/2007/06/07MOSCOW2981.html\"}");
        assertThat(answer.get("facets").get("origin").toString())
                .isEqualTo("[{\"value\":\"Embassy Moscow\",\"count\":19}]");
        long counted = 0;
        for (JsonNode c : answer.get("facets").get("classification")) {
            counted += c.get("count").asLong();
        }
        assertThat(counted).isEqualTo(19);
        assertThat(answer.get("nextCursor").isTextual()).isTrue();
    }

    @Test
    void filtersNarrowBySeveralExactValues() throws Exception {
        JsonNode answer = json("/api/search?filter=" + encode("origin:Embassy Moscow") + "&filter=" + encode("tag:PREL")
                + "&limit=100");

        long expected = released.values().stream()
                .filter(c -> c.origin().equals("Embassy Moscow") && c.tags().contains("PREL")).count();
        assertThat(answer.get("total").asLong()).isEqualTo(expected).isPositive();
        assertThat(answer.get("filters").toString()).isEqualTo(
                "[{\"facet\":\"origin\",\"value\":\"Embassy Moscow\"},{\"facet\":\"tag\",\"value\":\"PREL\"}]");
    }

    @Test
    void cursorsReachEveryReleasedCableOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json("/api/search?limit=7" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.get("hits").forEach(h -> ids.add(h.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(26);
        assertThat(ids).hasSize(176).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(released.keySet());
    }

    @Test
    void listingsByReleaseDayCreationMonthTagOriginAndClassification() throws Exception {
        JsonNode day = json("/api/reldate/2010-11-28.json");
        assertThat(day.get("listing").toString())
                .isEqualTo("{\"kind\":\"reldate\",\"key\":\"2010-11-28\",\"value\":\"2010-11-28\"}");
        assertThat(day.get("total").asLong()).isEqualTo(16);
        day.get("hits").forEach(h -> assertThat(h.get("origin").asText()).isEqualTo("Embassy London"));

        assertThat(idSet(json("/api/date/2008-06.json?limit=1000"))).isEqualTo(expectedIds(
                c -> c.created().getYear() == 2008 && c.created().getMonthValue() == 6));
        assertThat(idSet(json("/api/tag/PREL.json?limit=1000"))).isEqualTo(expectedIds(c -> c.tags().contains("PREL")));

        JsonNode moscow = json("/api/origin/" + originSlug("Embassy Moscow") + ".json?limit=1000");
        assertThat(moscow.get("listing").get("value").asText()).isEqualTo("Embassy Moscow");
        assertThat(idSet(moscow)).isEqualTo(expectedIds(c -> c.origin().equals("Embassy Moscow")));

        JsonNode secret = json("/api/classification/3.json?limit=1000");
        assertThat(secret.get("listing").get("value").asText()).isEqualTo("SECRET");
        assertThat(idSet(secret)).isEqualTo(expectedIds(c -> c.classification().equals("SECRET")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // As on the 2011 site: /origin/1_0.html was USUN New York, /classification/N_0.html in ascending order.
        "/api/origin/1.json          | USUN New York",
        "/api/classification/1.json  | CONFIDENTIAL",
        "/api/classification/2.json  | CONFIDENTIAL//NOFORN",
        "/api/classification/4.json  | SECRET//NOFORN",
        "/api/classification/5.json  | UNCLASSIFIED",
        "/api/classification/6.json  | UNCLASSIFIED//FOR OFFICIAL USE ONLY"})
    void slugsFollowTheOriginalSite(String path, String value) throws Exception {
        assertThat(json(path).get("listing").get("value").asText()).isEqualTo(value);
    }

    @Test
    void listingsPageWithCursors() throws Exception {
        JsonNode first = json("/api/tag/PREL.json?limit=10&sort=created-oldest");
        JsonNode second = json("/api/tag/PREL.json?limit=10&sort=created-oldest&cursor="
                + encode(first.get("nextCursor").asText()));
        JsonNode both = json("/api/tag/PREL.json?limit=20&sort=created-oldest");

        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).isEqualTo(ids(both));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/api/search?q=iran+AND+(        | The query 'iran AND (' ends too early (use AND, OR, NOT, \"quotes\" for phrases, field:value, and \\ before special characters)",
        "/api/search?q=nofield:x         | There is no field 'nofield:'; the fields are subject: body: tag: origin: classification: id: from: to: cites: created: released: year: (a colon in a word is written \\:)",
        "/api/search?q=created:2008-13   | created: '2008-13' is not a valid date (Invalid value for MonthOfYear (valid values 1 - 12): 13)",
        "/api/search?sort=newest         | There is no sort 'newest'; the sorts are relevance, created-newest, created-oldest, released-newest, released-oldest",
        "/api/search?limit=1001          | limit must be a whole number from 0 to 1000, not '1001'",
        "/api/search?limit=ten           | limit must be a whole number from 0 to 1000, not 'ten'",
        "/api/search?filter=moscow       | The filter 'moscow' is not FACET:VALUE, e.g. origin:Embassy Moscow",
        "/api/search?filter=city:Moscow  | There is no facet 'city'; the facets are origin, tag, classification, year, created-month, released-day",
        "/api/search?facets=origin,city  | There is no facet 'city'; the facets are origin, tag, classification, year, created-month, released-day",
        "/api/search?cursor=xyz          | The cursor 'xyz' is not one this archive made",
        "/api/search.csv?q=iran+AND+(    | The query 'iran AND (' ends too early (use AND, OR, NOT, \"quotes\" for phrases, field:value, and \\ before special characters)",
        "/api/tag/PREL.jsonl?sort=x      | There is no sort 'x'; the sorts are relevance, created-newest, created-oldest, released-newest, released-oldest",
        "/feed/search.atom?q=%22open     | The query '\"open' cannot be read: an unclosed quote or a stray special character (use AND, OR, NOT, \"quotes\" for phrases, field:value, and \\ before special characters)"})
    void badRequestsAre400WithWhatIsWrong(String path, String message) throws Exception {
        HttpResponse<String> r = server.get(path);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/reldate/2010-02-30.json | There is no reldate listing '2010-02-30'",
        "/api/reldate/yesterday.csv   | There is no reldate listing 'yesterday'",
        "/api/date/2008-6.json        | There is no date listing '2008-6'",
        "/api/origin/0.json           | There is no origin listing '0'",
        "/api/origin/067.json         | There is no origin listing '067'",
        "/api/origin/999.jsonl        | There is no origin listing '999'",
        "/api/classification/7.json   | There is no classification listing '7'",
        "/feed/origin/999.atom        | There is no origin listing '999'",
        "/sitemap-9.xml               | There is no sitemap page '9'"})
    void unknownListingsAre404(String path, String message) throws Exception {
        HttpResponse<String> r = server.get(path);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    static Set<String> idSet(JsonNode page) {
        return new HashSet<>(ids(page));
    }

    /** Ids of the released cables that match. */
    static Set<String> expectedIds(java.util.function.Predicate<Cable> which) {
        Set<String> ids = new HashSet<>();
        released.values().stream().filter(which).forEach(c -> ids.add(c.id()));
        return ids;
    }
}
