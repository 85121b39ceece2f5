package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePageTest {
    @TempDir
    Path dir;

    private static SourceCable page(String relative) throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(Fixtures.resource("site/" + relative), sink);
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables).hasSize(1);
        return sink.cables.get(0);
    }

    @Test
    void readsTheTopBoxTrustingTheLinkTextNotTheTitle() throws IOException {
        SourceCable cable = page("cable/2008/06/08MOSCOW1647.html");
        assertThat(cable.id()).isEqualTo("08MOSCOW1647");
        assertThat(cable.created()).isEqualTo(LocalDateTime.of(2008, 6, 10, 11, 11));
        assertThat(cable.released()).contains(LocalDateTime.of(2011, 2, 1, 21, 9));
        // The link says SECRET; its title attribute says 'confidential'.
        assertThat(cable.classification()).isEqualTo("SECRET");
        assertThat(cable.origin()).isEqualTo("Embassy Moscow");
        assertThat(cable.format()).isEqualTo(SourceFormat.SITE_PAGE);
        assertThat(cable.location()).isEqualTo("08MOSCOW1647.html");
    }

    @Test
    void readsHeaderAndBodyFromTheTwoPreBlocksDecodingNewlines() throws IOException {
        SourceCable cable = page("cable/2008/06/08MOSCOW1647.html");
        assertThat(cable.header()).startsWith("VZCZCXYZ0000\nOO RUEHWEB\n\nDE RUEHMO #1647/01 1621120\n")
                .endsWith("RUEATRS/DEPT OF TREASURY WASHDC IMMEDIATE");
        assertThat(cable.body()).startsWith("S E C R E T MOSCOW 001647 \n \nSIPDIS \n");
    }

    @Test
    void readsTheTopBoxsTimesAndRefusesYearsBeforeAThousandAsTheCsvReaderDoes() {
        assertThat(SitePage.parseTime("2008-06-10 11:11")).contains(java.time.LocalDateTime.of(2008, 6, 10, 11, 11));
        // Found by the hour of fuzzing: read from a page, 0983-12-28 became a CSV row that could not be read back.
        assertThat(SitePage.parseTime("0983-12-28 18:06")).isEmpty();
        assertThat(CsvReader.parseCreated("12/28/983 18:06")).isEmpty();
    }

    @Test
    void dropsTagLinksButKeepsTheirText() throws IOException {
        assertThat(page("cable/2008/06/08MOSCOW1647.html").body())
                .contains("\nTAGS: PREL PTER PINR MARR ECON RS\nSUBJECT: SCENESETTER");
    }

    @Test
    void removesNumberedParagraphPermalinksWithTheirPilcrow() throws IOException {
        assertThat(page("cable/2008/06/08MOSCOW1647.html").body())
                .contains("\n\n2. (C) The Core Group dinner").doesNotContain("¶").doesNotContain("<a");
    }

    @Test
    void keepsThePilcrowOfLetteredReferenceItemsAsTheCsvHasIt() throws IOException {
        assertThat(page("cable/2002/12/02ANKARA8852.html").body())
                .contains("REF: A. ANKARA 6856 \n     ¶B. ANKARA 8252 \n     ¶C. ANKA").doesNotContain("<a");
    }

    @Test
    void dropsHtmlTagsSomePageBuildsLeftInTheText() throws IOException {
        // 09MALABO13 has <br> at the end of every line of its page.
        assertThat(page("cable/2009/02/09MALABO13.html").body()).doesNotContain("<br>")
                .startsWith("UNCLAS MALABO 000013 \n \nSIPDIS \n");
    }

    @Test
    void pageTextEqualsTheCsvTextOfTheSameCables() throws IOException {
        CollectingSink csv = new CollectingSink();
        Sources.read(Fixtures.resource("csv/four-cables.csv"), csv);
        CollectingSink site = new CollectingSink();
        Sources.read(Fixtures.site(), site);
        Map<String, SourceCable> rows =
                csv.cables.stream().collect(Collectors.toMap(SourceCable::id, Function.identity()));
        assertThat(site.cables).hasSize(4).allSatisfy(page -> {
            SourceCable row = rows.get(page.id());
            assertThat(page.header()).as(page.id()).isEqualTo(row.header());
            assertThat(page.body()).as(page.id()).isEqualTo(row.body());
            assertThat(page.created()).isEqualTo(row.created());
            assertThat(page.classification()).isEqualTo(row.classification());
            assertThat(page.origin()).isEqualTo(row.origin());
        });
    }

    @Test
    void keepsAngleBracketTextThatIsNotMarkup() {
        // 08STATE43817: "<<Israel>> destroyed"; 09ULAANBAATAR234: "<<220571>>"; 10MADRID87: a lone "<".
        String html = "<<Israel>> destroyed &lt;b&gt; <br>x < y <_protect>0 < /a>end";
        assertThat(PageText.decode(html, 0, html.length())).isEqualTo("<<Israel>> destroyed <b> x < y <_protect>0 end");
    }

    @Test
    void decodesNamedNumericAndLegacyEntities() {
        assertThat(HtmlEntities.decodeAll("a&#x000A;b&#10;c&amp;d&eacute;&#233;&apos;&unknown;"))
                .isEqualTo("a\nb\nc&dé\u00e9'&unknown;");
        // The page builds left a cable's own & raw; HTML5 (and the CSV build) read legacy names without ';'.
        // 07SAOPAULO601: "&note of protest" is "¬e of protest" in the CSV.
        assertThat(HtmlEntities.decodeAll("a &note of, &pounding, AT&T, &codeth=5, &not"))
                .isEqualTo("a ¬e of, £ing, AT&T, &codeth=5, ¬");
        assertThat(HtmlEntities.decodeAll("&#150; &#x110000; &#0;")).isEqualTo("\u2013 \uFFFD \uFFFD");
    }

    @Test
    void rejectsACablePageWithoutATopBox() throws IOException {
        Path site = dir.resolve("site");
        Fixtures.write(site, "cable/2008/06/08MOSCOW9999.html", "<html><body><h3>Not found</h3></body></html>");
        Files.copy(Fixtures.resource("site/cable/2008/06/08MOSCOW1647.html"),
                site.resolve("cable/2008/06/08MOSCOW1647.html"));
        CollectingSink sink = new CollectingSink();
        Sources.read(site, sink);
        assertThat(sink.ids()).containsExactly("08MOSCOW1647");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(site.resolve("cable/2008/06/08MOSCOW9999.html").toString());
            assertThat(r.reason()).contains("no top box");
        });
    }

    @Test
    void rejectsATopBoxWithAnUnreadableDate() {
        String html = "<table class='cable'><tr><td>08MOSCOW1</td><td>June 2008</td><td></td><td>SECRET</td>"
                + "<td>Embassy Moscow</td></tr></table><pre>h</pre><pre>b</pre>";
        assertThat(SitePage.parse(html, "x.html")).isEqualTo(new SitePage.Rejected(
                "unparseable created date 'June 2008' (expected YYYY-MM-DD HH:MM) for 08MOSCOW1"));
    }

    @Test
    void aRunOfCarriageReturnsBeforeALineFeedIsOneLineEnd() throws IOException {
        // SitePageFuzzTest (seed cr-runs-before-lf.html): a page whose lines end "\r\r\n" kept "\r\n" in its body.
        Path page = Fixtures.resource("site/cable/2009/02/09MALABO13.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        CollectingSink plain = new CollectingSink();
        new SitePages(plain).page("p.html", html.getBytes(StandardCharsets.UTF_8));
        CollectingSink doubled = new CollectingSink();
        new SitePages(doubled).page("p.html", html.replace("\n", "\r\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(doubled.cables.get(0).body()).isEqualTo(plain.cables.get(0).body()).doesNotContain("\r");
        assertThat(doubled.cables.get(0).header()).isEqualTo(plain.cables.get(0).header());
    }
}
