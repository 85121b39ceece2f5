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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.release.RedactionDesk;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.redact.RedactionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a release publishes a redaction and then a withdrawal commits, a reader hammering the counter, a listing and
 * a search sees each answer whole of one release: the state before or the state after, never a mix.
 */
class DeskAtomicityTest {
    static final Pattern COUNTER = Pattern.compile("(\\d+) / 187");
    static final Pattern RELEASE = Pattern.compile("W/\"([0-9a-z]+)-");

    @TempDir
    Path dir;

    @Test
    void readersSeeTheStateBeforeOrAfterNeverAMix() throws Exception {
        try (TestSite site = TestSite.start(dir, Duration.ofMillis(10))) {
            Matcher first = Pattern.compile("/cable/\\d{4}/\\d{2}/(\\w+)\\.html").matcher(site.text("/origin/67_0.html"));
            String withdrawn = null;
            while (first.find() && (withdrawn == null || withdrawn.equals("08MOSCOW1647"))) {
                withdrawn = first.group(1);
            }
            assertThat(withdrawn).startsWith("0");
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> mixes = new ConcurrentLinkedQueue<>();
            AtomicInteger before = new AtomicInteger();
            AtomicInteger after = new AtomicInteger();
            String gone = withdrawn;
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        // The listing and its counter, one page: 185 public with the cable, 184 without.
                        String listing = site.text("/origin/67_0.html");
                        Matcher m = COUNTER.matcher(listing);
                        if (m.find()) {
                            boolean listed = listing.contains(gone);
                            if ((m.group(1).equals("185")) != listed) {
                                mixes.add("listing: counter " + m.group(1) + ", listed " + listed);
                            }
                        }
                        // A search and the release its ETag names: the name is findable in releases 1 only.
                        HttpResponse<byte[]> search = site.get("/api/search?q=onishchenko&facets=origin");
                        String body = new String(search.body(), StandardCharsets.UTF_8);
                        Matcher r = RELEASE.matcher(search.headers().firstValue("etag").orElse(""));
                        if (r.find()) {
                            long release = Long.parseLong(r.group(1), 36);
                            boolean found = body.contains("\"total\":1,");
                            if ((release == 1) != found) {
                                mixes.add("search in release " + release + ": found " + found);
                            }
                            (release == 1 ? before : after).incrementAndGet();
                        }
                        String status = site.text("/api/status");
                        if (status.contains("\"lastRelease\":3") != status.contains("\"released\":184")) {
                            mixes.add("status " + status.strip());
                        }
                    } catch (Exception e) {
                        mixes.add("failed: " + e);
                    }
                }
            });
            reader.start();
            Thread.sleep(200);
            try (Vault vault = Vault.open(site.dataDir)) {
                new RedactionDesk(vault).redact(List.of(new RedactionDesk.Ask("08MOSCOW1647",
                        RedactionRule.everyText("Onishchenko"), "a source")), "tester", Instant.now());
                try (Releaser releaser = Releaser.open(vault)) {
                    releaser.release(ReleaseRequest.of("redaction", Selection.all().withChangesOnly())
                            .at(TestSite.RELEASED.plusDays(1)), ReleaseListener.NONE);
                    Thread.sleep(200);
                    releaser.withdraw(Set.of(withdrawn), "test", Optional.of(TestSite.RELEASED.plusDays(2)),
                            ReleaseListener.NONE);
                }
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (!site.text("/api/status").contains("\"released\":184") && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            stop.set(true);
            reader.join();
            assertThat(mixes).isEmpty();
            assertThat(before.get()).as("answers of the release before").isPositive();
            assertThat(after.get()).as("answers of the releases after").isPositive();
        }
    }
}
