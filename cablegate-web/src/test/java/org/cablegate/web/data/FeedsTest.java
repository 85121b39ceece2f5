package org.cablegate.web.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cablegate.core.model.Cable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class FeedsTest extends ServedSample {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One entry as a reader of the feed sees it. */
    record Entry(String id, String title, OffsetDateTime updated, String link, String author, List<String> categories) {}

    /**
     * Parses the feed with the JDK's XML parser and checks what RFC 4287 requires of it and of each entry: exactly one
     * id, title and updated (an RFC 3339 time), an author, a link to an alternate.
     */
    List<Entry> feed(String path, String expectedId, String expectedTitle) throws Exception {
        HttpResponse<byte[]> r = server.bytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(only(feed, "id")).isEqualTo(TestServer.SITE + expectedId);
        assertThat(only(feed, "title")).isEqualTo(expectedTitle);
        OffsetDateTime.parse(only(feed, "updated"));
        assertThat(only(child(feed, "author"), "name")).isEqualTo("Cablegate");
        assertThat(links(feed, "self")).containsExactly(TestServer.SITE + expectedId);
        List<Entry> entries = new ArrayList<>();
        for (Element e : children(feed, "entry")) {
            List<String> categories = new ArrayList<>();
            children(e, "category").forEach(c -> categories.add(c.getAttribute("term")));
            List<String> alternates = links(e, "alternate");
            assertThat(alternates).hasSize(1);
            entries.add(new Entry(only(e, "id"), only(e, "title"), OffsetDateTime.parse(only(e, "updated")),
                    alternates.get(0), only(child(e, "author"), "name"), categories));
        }
        if (!entries.isEmpty()) {
            assertThat(OffsetDateTime.parse(only(feed, "updated"))).isEqualTo(entries.get(0).updated());
        }
        return entries;
    }

    @Test
    void latestReleasesAreTheFiftyNewestLinkedToTheirPages() throws Exception {
        List<Entry> entries = feed("/feed/latest.atom", "/feed/latest.atom", "Cablegate: latest releases");

        assertThat(entries).hasSize(50);
        assertThat(entries).extracting(Entry::updated).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates();
        for (Entry e : entries) {
            Cable c = released.get(cableId(e));
            assertThat(e.link()).isEqualTo(cableUrl(c)).isEqualTo(e.id());
            assertThat(e.title()).isEqualTo(c.subject().isEmpty() ? c.id() : c.id() + ": " + c.subject());
            assertThat(e.author()).isEqualTo(c.origin());
            assertThat(e.categories()).isEqualTo(c.tags());
            // The second release is the newest: 160 cables, so the 50 newest are all of it.
            assertThat(e.updated()).isEqualTo(OffsetDateTime.parse("2010-12-05T09:30:00Z"));
        }
    }

    @Test
    void aTagFeedHoldsOnlyThatTag() throws Exception {
        List<Entry> entries = feed("/feed/tag/PREL.atom", "/feed/tag/PREL.atom", "Cablegate: tag PREL");

        assertThat(entries).hasSize(50).allSatisfy(e -> assertThat(e.categories()).contains("PREL"));
    }

    @Test
    void anOriginFeedUsesTheOriginsNumber() throws Exception {
        String slug = originSlug("Embassy London");
        List<Entry> entries = feed("/feed/origin/" + slug + ".atom", "/feed/origin/" + slug + ".atom",
                "Cablegate: Embassy London");

        assertThat(entries).hasSize(16).allSatisfy(e -> {
            assertThat(e.author()).isEqualTo("Embassy London");
            assertThat(e.updated()).isEqualTo(OffsetDateTime.parse("2010-11-28T18:00:00Z"));
        });
    }

    @Test
    void aSearchFeedHoldsItsNewestHits() throws Exception {
        List<Entry> entries = feed("/feed/search.atom?q=iran&filter=origin:Embassy+London",
                "/feed/search.atom?q=iran&filter=origin:Embassy+London", "Cablegate: search iran");

        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(cableId(e)));
        assertThat(ids).isEqualTo(new HashSet<>(ApiTest.ids(json("/api/search?q=iran&filter=origin:Embassy+London"
                + "&limit=100"))));
        assertThat(ids).hasSize(4);
    }

    @Test
    void aFeedOfNothingIsStillValid() throws Exception {
        assertThat(feed("/feed/tag/NOSUCHTAG.atom", "/feed/tag/NOSUCHTAG.atom", "Cablegate: tag NOSUCHTAG")).isEmpty();
    }

    /** From the entry's link, /cable/YYYY/MM/<ID>.html. */
    static String cableId(Entry e) {
        return e.link().substring(e.link().lastIndexOf('/') + 1, e.link().length() - ".html".length());
    }

    static String only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getLocalName() + " has one " + name).hasSize(1);
        return found.get(0).getTextContent();
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getLocalName() + " has one " + name).hasSize(1);
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static List<String> links(Element parent, String rel) {
        List<String> hrefs = new ArrayList<>();
        for (Element link : children(parent, "link")) {
            if (link.getAttribute("rel").equals(rel)) {
                hrefs.add(link.getAttribute("href"));
            }
        }
        return hrefs;
    }
}
