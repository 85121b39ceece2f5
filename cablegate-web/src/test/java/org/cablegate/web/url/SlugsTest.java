package org.cablegate.web.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void originsKeepTheNumbersOfThe2011SiteAndNewOnesGetANameSlug() {
        Slugs slugs = Slugs.origins(List.of("Embassy Moscow", "Embassy Testville", "USUN New York", "Embassy Testville!"));

        assertThat(slugs.slug("Embassy Moscow")).isEqualTo("67");
        assertThat(slugs.slug("USUN New York")).isEqualTo("1");
        assertThat(slugs.slug("Embassy Testville")).isEqualTo("embassy-testville");
        assertThat(slugs.slug("Embassy Testville!")).isEqualTo("embassy-testville-2");
        assertThat(slugs.value("67")).hasValue("Embassy Moscow");
        assertThat(slugs.value("embassy-testville-2")).hasValue("Embassy Testville!");
        assertThat(slugs.value("68")).isEmpty();
    }

    @Test
    void classificationsKeepTheNumbersOfThe2011Site() {
        Slugs slugs = Slugs.classifications(List.of("SECRET", "CONFIDENTIAL", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                "TOP SECRET"));

        assertThat(slugs.slug("CONFIDENTIAL")).isEqualTo("1");
        assertThat(slugs.slug("SECRET")).isEqualTo("3");
        assertThat(slugs.slug("UNCLASSIFIED//FOR OFFICIAL USE ONLY")).isEqualTo("6");
        assertThat(slugs.slug("TOP SECRET")).isEqualTo("top-secret");
    }

    @Test
    void aTagIsOnePathSegment() {
        assertThat(Urls.tag("SARKOZY, NICOLAS", 2)).isEqualTo("/tag/SARKOZY%2C%20NICOLAS_2.html");
        assertThat(Urls.tag("PREL", 0)).isEqualTo("/tag/PREL_0.html");
    }
}
