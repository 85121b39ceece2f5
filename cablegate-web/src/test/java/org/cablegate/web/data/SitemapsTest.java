package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The test server puts 50 URLs on a sitemap page: 176 cables take 4 pages. */
class SitemapsTest extends ServedSample {
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    List<String> locs(String path, String root) throws Exception {
        HttpResponse<byte[]> r = server.bytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/xml; charset=utf-8");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo(root);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        List<String> locs = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(NS, "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        return locs;
    }

    @Test
    void theIndexPointsAtPagesThatHoldEveryReleasedCableOnce() throws Exception {
        List<String> pages = locs("/sitemap.xml", "sitemapindex");
        assertThat(pages).containsExactly(TestServer.SITE + "/sitemap-1.xml", TestServer.SITE + "/sitemap-2.xml",
                TestServer.SITE + "/sitemap-3.xml", TestServer.SITE + "/sitemap-4.xml");

        List<String> urls = new ArrayList<>();
        for (String page : pages) {
            List<String> onPage = locs(page.substring(TestServer.SITE.length()), "urlset");
            assertThat(onPage.size()).isLessThanOrEqualTo(50);
            urls.addAll(onPage);
        }
        Set<String> expected = released.values().stream().map(ServedSample::cableUrl).collect(Collectors.toSet());
        assertThat(urls).hasSize(176).doesNotHaveDuplicates();
        assertThat(new HashSet<>(urls)).isEqualTo(expected);
    }

    @Test
    void robotsPointsAtTheSitemap() throws Exception {
        HttpResponse<String> r = server.get("/robots.txt");

        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", ""))
                .isEqualTo("text/plain;charset=utf-8"));
        assertThat(r.body()).isEqualTo("User-agent: *\nDisallow: /search\nDisallow: /api/search\n"
                + "Disallow: /feed/search.atom\nAllow: /\n\nSitemap: https://cablegate.test/sitemap.xml\n");
    }
}
