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
            assertThat(site.text(moscow)).contains("185 / 187");
            assertThat(site.text(moscow)).as("served from the cache").contains("185 / 187");
            assertThat(site.get("/cable/2009/04/09TRIPOLI310.html").statusCode()).isEqualTo(404);

            site.releaseTheRest();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!site.text(moscow).contains("187 / 187") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(site.text(moscow)).contains("187 / 187");
            assertThat(site.get("/cable/2009/04/09TRIPOLI310.html").statusCode()).isEqualTo(200);
            assertThat(site.text("/cable/2005/10/05BRASILIA2806.html"))
                    .contains("<a href=\"/cable/2005/07/05BRASILIA1839.html\">");
        }
    }
}
