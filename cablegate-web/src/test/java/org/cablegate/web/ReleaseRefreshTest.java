package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release made while the site runs shows on its pages, cached ones included, within seconds. */
class ReleaseRefreshTest {
    @TempDir
    Path dir;

    @Test
    void theSiteNoticesANewRelease() throws Exception {
        try (TestSite site = TestSite.start(dir, Duration.ofMillis(200))) {
            String moscow = "/cable/2008/06/08MOSCOW1647.html";
            String box = "/release-box.html"; // the counter is in the release box every page frames
            assertThat(site.text(box)).contains("185 / 187");
            assertThat(site.text(box)).as("served from the cache").contains("185 / 187");
            assertThat(site.get("/cable/2009/04/09TRIPOLI310.html").statusCode()).isEqualTo(404);
            for (int i = 0; i < 2; i++) { // the second answer from the cache
                assertThat(site.text("/api/status")).startsWith("{\"released\":185,");
            }
            String before = site.get(moscow).headers().firstValue("X-Cablegate-Release").orElseThrow();
            assertThat(site.get("/api/status").headers().firstValue("X-Cablegate-Release")).hasValue(before);

            site.releaseTheRest();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!site.text(box).contains("187 / 187") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(site.text(box)).contains("187 / 187");
            // The data answers cached for the release before are gone with it (issue 13 keeps them as pages are).
            assertThat(site.text("/api/status")).startsWith("{\"released\":187,");
            String after = site.get(moscow).headers().firstValue("X-Cablegate-Release").orElseThrow();
            assertThat(Long.parseLong(after)).isGreaterThan(Long.parseLong(before));
            assertThat(site.get("/api/status").headers().firstValue("X-Cablegate-Release")).hasValue(after);
            assertThat(site.get("/cable/2009/04/09TRIPOLI310.html").statusCode()).isEqualTo(200);
            assertThat(site.text("/cable/2005/10/05BRASILIA2806.html"))
                    .contains("<a href=\"/cable/2005/07/05BRASILIA1839.html\">");
        }
    }
}
