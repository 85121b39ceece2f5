package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.redact.RedactionRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readers see of the publisher's changes, on the real sample site: a redaction of a released cable changes its
 * page, plain text, JSON, snippets, feed and search together at the next release; the history page lists each public
 * version and diffs them with the mark, never the words; lifting the redaction makes a third version; a withdrawn
 * cable answers 410 and leaves every listing; the release log shows it all.
 */
class PublicChangesTest {
    static final String MOSCOW = "08MOSCOW1647";
    static final String PAGE = "/cable/2008/06/08MOSCOW1647.html";
    static final String HISTORY = "/cable/2008/06/08MOSCOW1647/history.html";

    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start(dir, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aRedactionChangesEveryPublicFormOfTheCableAtTheNextRelease() throws Exception {
        assertThat(site.text(PAGE)).contains("Onishchenko").doesNotContain("changed since first published");
        assertThat(site.text("/api/search?q=onishchenko")).contains("\"total\":1,");

        List<Redaction> made = redact(RedactionRule.everyText("Onishchenko"));
        assertThat(site.text(PAGE)).as("nothing changes before the release").contains("Onishchenko");
        release("redaction", TestSite.RELEASED.plusDays(2));

        String page = awaitChange(PAGE, "Onishchenko");
        assertThat(page).contains("Gennadiy XXXXXXXXXXXX, Russia").contains("changed since first published")
                .contains("href=\"" + HISTORY + "\"");
        assertThat(site.text("/cable/2008/06/08MOSCOW1647.txt")).doesNotContain("Onishchenko").contains("XXXXXXXXXXXX");
        assertThat(site.text("/api/cable/08MOSCOW1647.json")).doesNotContain("Onishchenko").contains("XXXXXXXXXXXX");
        assertThat(site.text("/api/search?q=onishchenko")).contains("\"total\":0,");
        assertThat(site.text("/search?q=%22chief+medical+officer%22")).contains("08MOSCOW1647").doesNotContain("Onishchenko");
        assertThat(site.text("/feed/changes.atom")).contains(HISTORY).contains("redaction changed");

        String history = site.text(HISTORY);
        assertThat(history).contains("first release").contains("redaction changed").doesNotContain("Onishchenko");
        assertThat(history).contains("<h2>From version 1 to version 2</h2>");
        assertThat(site.text("/api/cable/08MOSCOW1647/history.json")).doesNotContain("Onishchenko")
                .contains("\"kind\":\"first release\"").contains("\"kind\":\"redaction changed\"");

        new RedactionDesk(vaultOpen()).unredact(made.get(0).id(), "editor", Instant.now());
        closeVault();
        release("lifted", TestSite.RELEASED.plusDays(3));
        awaitChange(PAGE, "Gennadiy XXXXXXXXXXXX");
        String diff = site.text(HISTORY + "?from=2&to=3");
        assertThat(diff).contains("<del>XXXXXXXXXXXX</del><ins>Onishchenko</ins>");
        assertThat(site.text(HISTORY)).contains("<td>3</td>");
        assertThat(site.get(HISTORY + "?from=1&to=9").statusCode()).isEqualTo(404);
        assertThat(site.get(HISTORY + "?from=x").statusCode()).isEqualTo(404);
    }

    @Test
    void aWithdrawnCableAnswers410AndLeavesEveryListing() throws Exception {
        assertThat(site.text("/origin/67_0.html")).contains(MOSCOW);
        try (Vault vault = Vault.open(site.dataDir); Releaser releaser = Releaser.open(vault)) {
            releaser.withdraw(Set.of(MOSCOW), "at the source's request", Optional.of(TestSite.RELEASED.plusDays(1)),
                    ReleaseListener.NONE);
        }
        HttpResponse<byte[]> gone = awaitStatus(PAGE, 410);
        String body = new String(gone.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("was withdrawn").contains("2011-04-12 12:00").doesNotContain("Onishchenko")
                .doesNotContain("SCENESETTER");
        assertThat(site.get("/cable/2008/06/08MOSCOW1647.txt").statusCode()).isEqualTo(410);
        assertThat(site.get("/cable/08MOSCOW1647.html").statusCode()).isEqualTo(410);
        assertThat(site.get("/api/cable/08MOSCOW1647.json").statusCode()).isEqualTo(410);
        assertThat(site.text("/origin/67_0.html")).doesNotContain(MOSCOW);
        assertThat(site.text("/api/search?q=id:08MOSCOW1647")).contains("\"total\":0,");
        assertThat(site.text("/feed/latest.atom")).doesNotContain(MOSCOW);
        assertThat(site.text("/sitemap-1.xml")).doesNotContain(MOSCOW);
        String releases = site.text("/releases.html");
        assertThat(releases).contains("<td>withdrawal</td>").contains("<td>1</td>").doesNotContain("source's request");
        assertThat(site.text("/api/releases.json")).contains("\"id\":\"08MOSCOW1647\"").contains("\"withdrawn\":1");
        assertThat(site.text("/feed/releases.atom")).contains("0 new, 0 changed, 1 withdrawn.");
    }

    private Vault vault;

    private Vault vaultOpen() throws Exception {
        vault = Vault.open(site.dataDir);
        return vault;
    }

    private void closeVault() throws Exception {
        vault.close();
    }

    private List<Redaction> redact(RedactionRule rule) throws Exception {
        try (Vault v = Vault.open(site.dataDir)) {
            return new RedactionDesk(v).redact(List.of(new RedactionDesk.Ask(MOSCOW, rule, "protect a source")),
                    "tester", Instant.parse("2011-04-12T10:00:00Z"));
        }
    }

    private void release(String name, java.time.LocalDateTime at) throws Exception {
        try (Vault v = Vault.open(site.dataDir); Releaser releaser = Releaser.open(v)) {
            releaser.release(ReleaseRequest.of(name, Selection.all().withChangesOnly()).at(at), ReleaseListener.NONE);
        }
    }

    /** The page once the site shows the new release: it no longer contains {@code old}. */
    private String awaitChange(String path, String old) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        String page = site.text(path);
        while (page.contains(old) && System.nanoTime() < end) {
            Thread.sleep(50);
            page = site.text(path);
        }
        return page;
    }

    private HttpResponse<byte[]> awaitStatus(String path, int status) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        HttpResponse<byte[]> r = site.get(path);
        while (r.statusCode() != status && System.nanoTime() < end) {
            Thread.sleep(50);
            r = site.get(path);
        }
        assertThat(r.statusCode()).isEqualTo(status);
        return r;
    }
}
