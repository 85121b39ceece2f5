package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a page cannot be made, the reader gets a plain 500 that says so, with no detail of the failure. */
class ServerErrorTest {
    @TempDir
    Path dir;

    @Test
    void aFailureIsA500WithoutDetails() throws Exception {
        try (TestSite site = TestSite.start(dir, Duration.ofMinutes(10))) {
            site.archive.close(); // every read of the index now fails

            HttpResponse<byte[]> r = site.get("/cable/2008/06/08MOSCOW1647.html");
            String page = new String(r.body(), StandardCharsets.UTF_8);

            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(page).contains("<h1>The page could not be made</h1>").doesNotContain("Exception")
                    .doesNotContain("lucene");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        }
    }
}
