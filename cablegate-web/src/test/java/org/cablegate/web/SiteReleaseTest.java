package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.cablegate.web.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page is rendered from one release, even in the moment between a release and the site's refresh. */
class SiteReleaseTest {
    @TempDir
    Path dir;

    @Test
    void aPageRenderedBeforeTheRefreshReadsTheNewReleaseWhole() throws Exception {
        try (TestSite running = TestSite.start(dir, Duration.ofHours(1))) {
            Site site = new Site(running.archive, URI.create("https://cablegate.example"));
            assertThat(text(site, "/release-box.html")).contains("185 / 187");
            long first = site.release();

            running.releaseTheRest();
            running.archive.refresh();

            // The archive is at the new release; the site has not refreshed. Its pages still agree with themselves:
            // the counter, the listing and the cable page are all of the new release.
            assertThat(site.release()).isEqualTo(first);
            assertThat(text(site, "/release-box.html")).contains("187 / 187").doesNotContain("185 / 187");
            assertThat(site.render("/cable/2009/04/09TRIPOLI310.html").status()).isEqualTo(200);
            assertThat(text(site, "/")).contains("187 of 187 released so far");

            assertThat(site.refresh()).isTrue();
            assertThat(site.release()).isGreaterThan(first);
            assertThat(site.refresh()).isFalse();
            assertThat(text(site, "/release-box.html")).contains("187 / 187");
        }
    }

    private static String text(Site site, String path) throws Exception {
        return new String(site.render(path).body(), StandardCharsets.UTF_8);
    }
}
