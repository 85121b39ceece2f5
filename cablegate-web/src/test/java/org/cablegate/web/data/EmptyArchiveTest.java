package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cablegate.archive.index.PublicArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before the first release the archive has no index yet: every route still answers, with nothing in it. */
class EmptyArchiveTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteAnswersBeforeTheFirstRelease() throws Exception {
        try (PublicArchive archive = PublicArchive.open(dir.resolve("public")); TestServer server = new TestServer(archive)) {
            assertThat(server.get("/api/status").body())
                    .isEqualTo("{\"released\":0,\"setSize\":0,\"lastRelease\":0,\"lastReleaseTime\":null}\n");
            assertThat(server.get("/api/search?q=iran").body()).isEqualTo("{\"query\":\"iran\",\"filters\":[],"
                    + "\"sort\":\"relevance\",\"total\":0,\"totalExact\":true,\"hits\":[],\"facets\":{},\"nextCursor\":null}\n");
            assertThat(server.get("/api/search.csv").body()).isEqualTo(Downloads.CSV_HEADER + "\r\n");
            assertThat(server.get("/api/cable/08MOSCOW1647.json").statusCode()).isEqualTo(404);
            assertThat(server.get("/api/origin/1.json").statusCode()).isEqualTo(404);
            String feed = server.get("/feed/latest.atom").body();
            assertThat(feed).contains("<updated>1970-01-01T00:00:00Z</updated>").doesNotContain("<entry>");
            assertThat(server.get("/sitemap.xml").body()).contains("<loc>https://cablegate.test/sitemap-1.xml</loc>");
            assertThat(server.get("/sitemap-1.xml").body()).endsWith("<urlset xmlns=\"http://www.sitemaps.org/schemas/"
                    + "sitemap/0.9\">\n</urlset>\n");
            assertThat(server.get("/api/status").headers().firstValue("ETag").orElseThrow()).startsWith("W/\"0-");
        }
    }
}
