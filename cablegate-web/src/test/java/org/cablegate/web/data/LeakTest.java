package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.core.model.Cable;
import org.junit.jupiter.api.Test;
import org.cablegate.web.url.Slugs;

/** Embassy Tripoli's 10 cables are in the vault, unreleased: no answer may show them or count them. */
class LeakTest extends ServedSample {
    static final String TRIPOLI = SampleArchive.HELD_BACK;

    Set<String> heldBackIds() {
        assertThat(heldBack).hasSize(10);
        return heldBack.keySet();
    }

    @Test
    void anUnreleasedCableIsNotFoundExactlyAsAnUnknownOneIs() throws Exception {
        HttpResponse<byte[]> unknown = server.bytes("/api/cable/99NOWHERE1.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String id : heldBackIds()) {
            HttpResponse<byte[]> r = server.bytes("/api/cable/" + id + ".json");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo(unknown.body());
            assertThat(withoutDate(r)).isEqualTo(withoutDate(unknown));
        }
    }

    static Map<String, List<String>> withoutDate(HttpResponse<?> r) {
        Map<String, List<String>> headers = new TreeMap<>(r.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void noSearchFindsOrCountsThem() throws Exception {
        for (Cable c : heldBack.values()) {
            assertThat(json("/api/search?q=id:" + c.id()).get("total").asLong()).isZero();
            // The words of its subject find only released cables.
            if (!c.subject().isBlank()) {
                String q = ApiTest.encode("subject:\"" + c.subject().replaceAll("[^A-Za-z0-9 ]", " ").trim() + "\"");
                assertThat(ApiTest.ids(json("/api/search?limit=1000&q=" + q))).doesNotContainAnyElementsOf(heldBackIds());
            }
        }
        JsonNode all = json("/api/search?facets=all&facetLimit=1000&limit=1000");
        assertThat(all.get("total").asLong()).isEqualTo(176);
        assertThat(ApiTest.ids(all)).doesNotContainAnyElementsOf(heldBackIds());
        List<String> origins = new ArrayList<>();
        all.get("facets").get("origin").forEach(o -> origins.add(o.get("value").asText()));
        assertThat(origins).doesNotContain(TRIPOLI).contains("Embassy Moscow");
        long tagged = 0;
        for (JsonNode t : all.get("facets").get("tag")) {
            if (t.get("value").asText().equals("LY")) {
                tagged = t.get("count").asLong();
            }
        }
        assertThat(tagged).as("LY (Libya) counts released cables only")
                .isEqualTo(released.values().stream().filter(c -> c.tags().contains("LY")).count());
        assertThat(json("/api/search?q=" + ApiTest.encode("origin:tripoli")).get("total").asLong()).isZero();
    }

    @Test
    void noDownloadFeedOrSitemapHoldsThem() throws Exception {
        List<String> answers = new ArrayList<>();
        answers.add(server.get("/api/search.csv").body());
        answers.add(server.get("/api/search.jsonl?q=libya").body());
        answers.add(server.get("/api/tag/LY.csv").body());
        answers.add(server.get("/feed/latest.atom").body());
        answers.add(server.get("/feed/tag/LY.atom").body());
        answers.add(server.get("/feed/search.atom?q=libya+OR+tripoli+OR+qadhafi").body());
        for (int page = 1; page <= 4; page++) {
            answers.add(server.get("/sitemap-" + page + ".xml").body());
        }
        for (String answer : answers) {
            for (Cable c : heldBack.values()) {
                assertThat(answer).doesNotContain("/" + c.id() + ".html").doesNotContain(c.id() + ",")
                        .doesNotContain("\"" + c.id() + "\"");
            }
            assertThat(answer).doesNotContain(TRIPOLI);
        }
    }

    @Test
    void noOriginNumberStandsForThem() throws Exception {
        // Every number the 2011 site gave (it had 186 origins then, fewer than 300 in the full set).
        Set<String> origins = new HashSet<>();
        for (int n = 1; n <= 300; n++) {
            HttpResponse<String> r = server.get("/api/origin/" + n + ".json?limit=0");
            if (r.statusCode() != 404) {
                origins.add(JSON.readTree(r.body()).get("listing").get("value").asText());
            }
        }
        assertThat(origins).doesNotContain(TRIPOLI)
                .isEqualTo(new HashSet<>(released.values().stream().map(Cable::origin).toList()));
    }

    @Test
    void onlyReleasedOriginsAndClassificationsHaveNames() throws Exception {
        ReleasedValues values;
        try (PublicArchive.View view = archive.view()) {
            values = ReleasedValues.of(view);
        }

        String tripoli = Slugs.origins(List.of(TRIPOLI)).slug(TRIPOLI);
        assertThat(values.originOf(tripoli)).isEmpty();
        assertThat(values.originOf(originSlug("Embassy Moscow"))).contains("Embassy Moscow");
        assertThat(values.classificationOf("3")).contains("SECRET");
        assertThat(server.get("/api/origin/" + tripoli + ".json").statusCode()).isEqualTo(404);
        assertThat(server.get("/feed/origin/" + tripoli + ".atom").statusCode()).isEqualTo(404);
    }

    @Test
    void aTagOnlyTheyCarryListsNothing() throws Exception {
        Set<String> releasedTags = new HashSet<>();
        released.values().forEach(c -> releasedTags.addAll(c.tags()));
        List<String> onlyTheirs = heldBack.values().stream().flatMap(c -> c.tags().stream())
                .filter(t -> !releasedTags.contains(t)).distinct().toList();
        // Issue 12: a tag no released cable carries is a 404, as its page is; one only held-back cables carry is
        // answered exactly as a tag nobody carries.
        String unknown = server.get("/api/tag/NOSUCHTAG.json").body();
        for (String tag : onlyTheirs) {
            HttpResponse<String> listing = server.get("/api/tag/" + tag + ".json");
            assertThat(listing.statusCode()).isEqualTo(404);
            assertThat(listing.body()).isEqualTo(unknown.replace("NOSUCHTAG", tag));
        }
    }
}
