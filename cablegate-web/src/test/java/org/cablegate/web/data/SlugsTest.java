package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.junit.jupiter.api.Test;

class SlugsTest {
    static final String SITE = "cablegate-site-2011-04-11.tar.xz";
    /** A link of the 2011 site's sidebar: {@code <a href='/origin/67_0.html'>Embassy Moscow</a>}. */
    static final Pattern ORIGIN_LINK = Pattern.compile("<a href='/origin/(\\d+)_0\\.html'>([A-Za-z][^<&]*)</a>");

    @Test
    void numbersAreTheOrderOfTheReleasedValues() {
        Slugs slugs = Slugs.of(List.of("Embassy Moscow", "USUN New York", "Consulate Adana", "Embassy Moscow"),
                List.of("SECRET", "CONFIDENTIAL"));

        assertThat(slugs.origins()).containsExactly("USUN New York", "Embassy Moscow", "Consulate Adana");
        assertThat(slugs.origin("USUN New York")).contains("1");
        assertThat(slugs.origin("Consulate Adana")).contains("3");
        assertThat(slugs.origin("Embassy Tripoli")).isEmpty();
        assertThat(slugs.originOf("2")).contains("Embassy Moscow");
        assertThat(slugs.classification("CONFIDENTIAL")).contains("1");
        assertThat(slugs.classificationOf("2")).contains("SECRET");
        for (String notOne : List.of("0", "4", "02", "+2", "-1", "", "2.0", "99999999999")) {
            assertThat(slugs.originOf(notOne)).as(notOne).isEmpty();
        }
    }

    /**
     * The rule against the real site: the origins of every cable page of the 2011-04-11 site, numbered by
     * {@link Slugs}, give the numbers of that site's own origin links.
     */
    @Test
    void theRuleGivesThe2011SitesNumbers() throws Exception {
        Path site = SharedCorpus.corpusFile(SITE);
        Set<String> origins = new HashSet<>();
        Sources.read(site, new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                origins.add(cable.origin());
            }

            @Override
            public void reject(Rejection rejection) {}
        });
        Map<String, String> linked = originLinks(site, "origin/1_0.html");

        assertThat(linked).hasSize(186);
        Slugs slugs = Slugs.of(origins, List.of());
        Map<String, String> numbered = new TreeMap<>();
        linked.keySet().forEach(name -> numbered.put(name, slugs.origin(name).orElse("none")));
        assertThat(numbered).isEqualTo(linked);
        assertThat(slugs.origin("Embassy Moscow")).contains("67");
    }

    /** The name → number of the origin links on one page of the site. */
    static Map<String, String> originLinks(Path site, String page) throws Exception {
        try (InputStream in = new XZCompressorInputStream(new BufferedInputStream(Files.newInputStream(site)));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(page)) {
                    String html = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, String> links = new TreeMap<>();
                    Matcher m = ORIGIN_LINK.matcher(html);
                    while (m.find()) {
                        links.put(m.group(2), m.group(1));
                    }
                    return links;
                }
            }
        }
        throw new AssertionError(page + " is not in " + site);
    }
}
