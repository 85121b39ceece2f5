package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiTest extends ServedSample {
    @Test
    void theDocumentIsOpenApi31() throws Exception {
        JsonNode doc = json("/api/openapi.json");

        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Cablegate data API");
    }

    @Test
    void everyDocumentedPathAnswers() throws Exception {
        JsonNode paths = json("/api/openapi.json").get("paths");
        Iterator<String> names = paths.fieldNames();
        int answered = 0;
        while (names.hasNext()) {
            String path = names.next();
            String url = example(path);
            HttpResponse<String> r = server.get(url);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            assertThat(paths.get(path).get("get").get("responses").has("200")).as(path).isTrue();
            answered++;
        }
        assertThat(answered).as("api 8, listings 15, feeds 6, crawlers 3").isEqualTo(8 + 15 + 6 + 3);
    }

    @Test
    void everyRegisteredRouteIsDocumented() throws Exception {
        Set<String> documented = new HashSet<>();
        json("/api/openapi.json").get("paths").fieldNames().forEachRemaining(documented::add);
        Set<String> registered = new HashSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().forEach(e -> registered.add(e.endpoint.path));

        assertThat(registered).isEqualTo(documented);
    }

    /** A URL for a documented path, with a value for each of its parameters that names a released cable or listing. */
    static String example(String path) {
        String kind = path.startsWith("/api/") ? path.split("/")[2] : "";
        String key = switch (kind) {
            case "reldate" -> "2010-11-28";
            case "date" -> "2008-06";
            case "tag" -> "PREL";
            case "origin" -> originSlug("Embassy Moscow");
            case "classification" -> "3";
            default -> "";
        };
        return path.replace("{id}", "08MOSCOW1647").replace("{key}", key).replace("{tag}", "PREL")
                .replace("{slug}", originSlug("Embassy Moscow")).replace("{n}", "1");
    }
}
