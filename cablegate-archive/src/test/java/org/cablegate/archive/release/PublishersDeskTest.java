package org.cablegate.archive.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cablegate.archive.index.BadQueryException;
import org.cablegate.archive.index.IndexAudit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.ReleasePreview;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.model.Cable;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.core.redact.Redactor;
import org.cablegate.sample.BundledSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher's desk on real cables (the bundled sample): redactions, their release, withdrawals, the public
 * history, dry runs and scheduled releases, with the index checked term by term for what must not be in it.
 */
class PublishersDeskTest {
    static final LocalDateTime T1 = LocalDateTime.parse("2011-01-10T12:00");
    static final LocalDateTime T2 = LocalDateTime.parse("2011-02-01T09:00");
    static final LocalDateTime T3 = LocalDateTime.parse("2011-03-01T09:00");
    /**
     * 08MOSCOW1647 names Gennadiy Onishchenko twice and Ruslan Khalfin once, names no other cable of the sample has,
     * and its classifier, Daniel A. Russell.
     */
    static final String MOSCOW = "08MOSCOW1647";

    @TempDir
    Path dir;

    Path data;
    Vault vault;
    PublicArchive archive;

    @BeforeEach
    void releaseTheSample() throws IOException {
        data = dir.resolve("data");
        vault = Vault.open(data);
        new Importer(vault).run(List.of(BundledSample.CABLES_CSV.path()), ImportListener.NONE);
        try (Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("first", Selection.all()).at(T1), ReleaseListener.NONE);
        }
        archive = PublicArchive.open(Releaser.publicDir(data));
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
        vault.close();
    }

    @Test
    void aRedactionIsPublishedByTheNextReleaseAndLeavesNoTraceInTheIndex() throws Exception {
        assertThat(hits("onishchenko")).isEqualTo(1);
        List<Redaction> made = redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.everyText("Onishchenko"), "protect"),
                new RedactionDesk.Ask(MOSCOW, RedactionRule.text("Ruslan  Khalfin"), "protect"),
                new RedactionDesk.Ask(MOSCOW, RedactionRule.text("Daniel A. Russell"), "protect"),
                // Rules are exact: the signer's name in capitals is a rule of its own.
                new RedactionDesk.Ask(MOSCOW, RedactionRule.text("RUSSELL"), "protect"));
        assertThat(made).extracting(Redaction::covered).containsExactly("Onishchenko … Onishchenko", "Ruslan Khalfin",
                "Daniel A. Russell", "RUSSELL");
        archive.refresh();
        assertThat(hits("onishchenko")).as("nothing public changes before a release").isEqualTo(1);

        ReleaseResult result = release(ReleaseRequest.of("redactions", Selection.all().withChangesOnly()).at(T2));

        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.added()).isZero();
        archive.refresh();
        PublicCable c = archive.get(MOSCOW).orElseThrow();
        assertThat(c.body()).doesNotContain("Onishchenko").doesNotContain("Khalfin").doesNotContain("Russell")
                .contains("Minister " + Redactor.MARK + " and with Gennadiy " + Redactor.MARK + ", Russia's");
        Cable parsed = c.parsed();
        assertThat(parsed.classifiedBy()).doesNotContain("Russell").contains(Redactor.MARK);
        assertThat(parsed.signer()).doesNotContainIgnoringCase("Russell");
        for (String q : List.of("onishchenko", "onishch*", "onishchenko~1", "\"gennadiy onishchenko\"", "khalfin",
                "body:khalf*", "russell AND id:" + MOSCOW)) {
            assertThat(hits(q)).as(q).isZero();
        }
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of("onishchenko", "khalfin")))
                .isEmpty();
        assertThat(IndexAudit.deletedDocuments(Releaser.publicDir(data))).isZero();
        assertThat(c.history()).extracting(PublicVersion::number, PublicVersion::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, PublicVersion.Kind.FIRST_RELEASE),
                org.assertj.core.groups.Tuple.tuple(2, PublicVersion.Kind.REDACTION_CHANGED));
        // The first version was public with the names, but a history never shows a word redacted today.
        assertThat(c.history().get(0).body()).doesNotContain("Onishchenko").contains(Redactor.MARK);
        assertThat(c.history().get(1).time()).isEqualTo(T2);
        assertThat(archive.view().releases()).extracting(r -> r.changed()).containsExactly(0L, 1L);
    }

    @Test
    void unredactingPublishesAThirdVersionWithTheWordsBack() throws Exception {
        List<Redaction> made = redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.everyText("Onishchenko"), "protect"));
        release(ReleaseRequest.of("redaction", Selection.all().withChangesOnly()).at(T2));
        assertThat(new RedactionDesk(vault).unredact(made.get(0).id(), "editor", Instant.now())).isPresent();

        release(ReleaseRequest.of("lifted", Selection.all().withChangesOnly()).at(T3));

        archive.refresh();
        PublicCable c = archive.get(MOSCOW).orElseThrow();
        assertThat(c.body()).contains("Onishchenko");
        assertThat(c.history()).hasSize(3);
        assertThat(c.history().get(1).body()).doesNotContain("Onishchenko").contains(Redactor.MARK);
        assertThat(c.history().get(2).kind()).isEqualTo(PublicVersion.Kind.REDACTION_CHANGED);
        assertThat(hits("onishchenko")).isEqualTo(1);
        assertThat(vault.redactions().of(MOSCOW).get(0).removedBy()).contains("editor");
    }

    @Test
    void theSubjectAndAParagraphAreRedactedInEveryFieldDerivedFromThem() throws Exception {
        redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.subject(), "subject names the group"),
                new RedactionDesk.Ask(MOSCOW, RedactionRule.paragraph(3), "paragraph names a source"));
        release(ReleaseRequest.of("redactions", Selection.all().withChangesOnly()).at(T2));

        archive.refresh();
        PublicCable c = archive.get(MOSCOW).orElseThrow();
        assertThat(c.subject()).isEqualTo(Redactor.MARK);
        assertThat(c.parsed().paragraphs().get(2).text()).isEqualTo(Redactor.MARK);
        assertThat(hits("subject:scenesetter AND id:" + MOSCOW)).isZero();
        assertThat(hits("solana AND id:" + MOSCOW)).isZero();
        assertThat(hits("\"joint delivery with solana\"")).isZero();
        assertThat(archive.search(SearchRequest.of("id:" + MOSCOW)).hits().get(0).subject()).isEqualTo(Redactor.MARK);
        // The paragraph's words stand in other cables too; its sentences stand nowhere.
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of("joint delivery with solana",
                "scenesetter for counterterrorism working group"))).isEmpty();
    }

    @Test
    void aWithdrawnCableReleasedAgainIsPublishedWithItsNewRedactions() throws Exception {
        String held = "09TRIPOLI310";
        try (Releaser releaser = Releaser.open(vault)) {
            releaser.withdraw(Set.of(held), "held back for review", Optional.of(T2), ReleaseListener.NONE);
        }
        List<String> words = List.of(vault.versions(held).get(0).source().body().split("\\W+"));
        String word = words.stream().filter(w -> w.length() > 7).findFirst().orElseThrow();
        redact(new RedactionDesk.Ask(held, RedactionRule.everyText(word), "test"));
        release(ReleaseRequest.of("again", Selection.all().withIds(List.of(held))).at(T3));

        archive.refresh();
        PublicCable c = archive.get(held).orElseThrow();
        assertThat(c.body()).doesNotContain(word);
        assertThat(c.history()).extracting(PublicVersion::kind).containsExactly(PublicVersion.Kind.FIRST_RELEASE,
                PublicVersion.Kind.WITHDRAWN, PublicVersion.Kind.RELEASED_AGAIN);
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of(word))).isEmpty();
    }

    @Test
    void aWithdrawnCableIsGoneFromEverySearchAndComesBackOnlyWhenNamed() throws Exception {
        long before = archive.count();
        ReleaseResult out;
        try (Releaser releaser = Releaser.open(vault)) {
            out = releaser.withdraw(Set.of(MOSCOW, "99NOSUCH1"), "withdrawn by the publisher", Optional.of(T2),
                    ReleaseListener.NONE);
        }
        assertThat(out.withdrawn()).isEqualTo(1);
        archive.refresh();
        assertThat(archive.get(MOSCOW)).isEmpty();
        assertThat(archive.count()).isEqualTo(before - 1);
        assertThat(archive.view().withdrawn(MOSCOW)).hasValueSatisfying(w -> assertThat(w.withdrawn()).isEqualTo(T2));
        assertThat(hits("onishchenko")).isZero();
        assertThat(hits("id:" + MOSCOW)).isZero();
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of("onishchenko", "khalfin", MOSCOW))).isEmpty();
        assertThat(vault.releases().get(1).selection()).contains("withdrawn by the publisher");

        assertThat(release(ReleaseRequest.of("all again", Selection.all()).at(T3)).release())
                .as("a withdrawn cable is not brought back by a release that does not name it").isEmpty();
        ReleaseResult back = release(ReleaseRequest.of("back", Selection.all().withIds(List.of(MOSCOW))).at(T3));
        assertThat(back.added()).isEqualTo(1);
        archive.refresh();
        assertThat(archive.view().withdrawn(MOSCOW)).isEmpty();
        assertThat(archive.get(MOSCOW).orElseThrow().history()).extracting(PublicVersion::kind).containsExactly(
                PublicVersion.Kind.FIRST_RELEASE, PublicVersion.Kind.WITHDRAWN, PublicVersion.Kind.RELEASED_AGAIN);
        assertThat(archive.view().releases()).extracting(r -> r.added() + "/" + r.changed() + "/" + r.withdrawn())
                .containsExactly("186/0/0", "0/0/1", "1/0/0");
    }

    @Test
    void aCorrectedTextLeavesNoTermOfTheOldOneButKeepsItInTheHistory() throws Exception {
        var v1 = vault.versions(MOSCOW).get(0).source();
        var v2 = new org.cablegate.core.model.SourceCable(v1.id(), v1.created(), v1.released(), v1.classification(),
                v1.origin(), v1.header(), v1.body().replace("Onishchenko", "the Chief Medical Officer"), v1.format(),
                "correction");
        new Importer(vault).run(List.of(org.cablegate.archive.Fixtures.writeCsv(dir.resolve("v2.csv"), List.of(v2))),
                ImportListener.NONE);
        release(ReleaseRequest.of("correction", Selection.all().withChangesOnly()).at(T2));

        archive.refresh();
        assertThat(hits("onishchenko")).isZero();
        assertThat(hits("onishch*")).isZero();
        PublicCable c = archive.get(MOSCOW).orElseThrow();
        assertThat(c.history()).extracting(PublicVersion::kind).containsExactly(PublicVersion.Kind.FIRST_RELEASE,
                PublicVersion.Kind.NEW_TEXT);
        assertThat(c.history().get(0).body()).contains("Onishchenko");
        // Only the history's text holds the old word: no term, no doc value, no stored field, no superseded record.
        assertThat(IndexAudit.find(Releaser.publicDir(data), Set.of("onishchenko")))
                .extracting(IndexAudit.Finding::where).isNotEmpty().allMatch(w -> w.startsWith("text historyBody of "));
    }

    @Test
    void aDryRunSaysWhatWouldBePublishedAndWritesNothing() throws Exception {
        String digest = vault.digest();
        redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.text("Onishchenko"), "protect"));
        String afterRedaction = vault.digest();
        ReleasePreview preview;
        try (Releaser releaser = Releaser.open(vault)) {
            preview = releaser.preview(ReleaseRequest.of("look", Selection.all()).at(T2));
        }
        assertThat(digest).isNotEqualTo(afterRedaction);
        assertThat(vault.digest()).isEqualTo(afterRedaction);
        assertThat(preview.count()).isEqualTo(1);
        assertThat(preview.byKind()).containsExactly(java.util.Map.entry("REDACTION_CHANGED", 1L));
        assertThat(preview.byOrigin()).containsExactly(java.util.Map.entry("Embassy Moscow", 1L));
        assertThat(preview.byYear()).containsExactly(java.util.Map.entry("2008", 1L));
        assertThat(preview.firstTime()).isEmpty();
        assertThat(preview.withRedactions()).containsExactly(MOSCOW);
        assertThat(vault.releases()).hasSize(1);
    }

    @Test
    void aScheduledReleaseIsMadeWhenItIsDueWithItsOwnTime() throws Exception {
        try (Releaser releaser = Releaser.open(vault)) {
            releaser.withdraw(Set.of(MOSCOW), "review", Optional.of(T2), ReleaseListener.NONE);
        }
        vault.scheduled().add("scheduled", T3, Selection.all().withIds(List.of(MOSCOW)), false);
        try (Releaser releaser = Releaser.open(vault)) {
            assertThat(releaser.releaseDue(T3.minusMinutes(1), ReleaseListener.NONE)).isEmpty();
            List<ReleaseResult> made = releaser.releaseDue(T3.plusMinutes(5), ReleaseListener.NONE);
            assertThat(made).hasSize(1);
            assertThat(made.get(0).release().orElseThrow().time()).isEqualTo(T3);
            assertThat(releaser.releaseDue(T3.plusMinutes(10), ReleaseListener.NONE)).isEmpty();
        }
        assertThat(vault.scheduled().all().get(0).state()).isEqualTo(
                org.cablegate.archive.vault.ScheduledReleases.Scheduled.State.DONE);
        archive.refresh();
        assertThat(archive.get(MOSCOW)).isPresent();
    }

    @Test
    void aRuleThatRedactsNothingIsRefusedAndABatchIsAllOrNothing() throws Exception {
        assertThatThrownBy(() -> redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.text("Onishchenko"), "ok"),
                new RedactionDesk.Ask(MOSCOW, RedactionRule.text("Nobody Of That Name"), "typo")))
                .isInstanceOf(RedactionDesk.Refused.class).hasMessageContaining("matches nothing")
                .satisfies(e -> assertThat(((RedactionDesk.Refused) e).index()).isEqualTo(1));
        assertThatThrownBy(() -> redact(new RedactionDesk.Ask("99NOSUCH1", RedactionRule.subject(), "x")))
                .hasMessageContaining("no cable 99NOSUCH1");
        assertThat(vault.redactions().all()).isEmpty();
    }

    @Test
    void aRedactionMadeWhileAReleaseRunsIsPublishedByTheNextOne() throws Exception {
        redact(new RedactionDesk.Ask(MOSCOW, RedactionRule.everyText("Onishchenko"), "protect"));
        try (Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("busy", Selection.all().withChangesOnly()).at(T2), new ReleaseListener() {
                @Override
                public void selected(ReleaseRecord release) {
                    // Another publisher, another process: `cablegate redact` while this release is indexing.
                    try (Vault other = Vault.open(data)) {
                        new RedactionDesk(other).redact(List.of(new RedactionDesk.Ask(MOSCOW,
                                RedactionRule.text("Ruslan  Khalfin"), "protect")), "second", Instant.now());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
        archive.refresh();
        // The release published what it selected: the first redaction, not the one made after it selected.
        assertThat(hits("onishchenko")).isZero();
        assertThat(hits("khalfin")).isEqualTo(1);

        // Before the fix, finishing the release cleared the cable's "redactions changed" mark, and the second
        // redaction waited for some later change of the cable: a name left public with nothing pending to say so.
        ReleaseResult next = release(ReleaseRequest.of("next", Selection.all().withChangesOnly()).at(T3));
        assertThat(next.count()).isEqualTo(1);
        archive.refresh();
        assertThat(hits("khalfin")).isZero();
    }

    private List<Redaction> redact(RedactionDesk.Ask... asks) throws Exception {
        return new RedactionDesk(vault).redact(List.of(asks), "tester", Instant.parse("2011-01-20T10:00:00Z"));
    }

    private ReleaseResult release(ReleaseRequest request) throws IOException {
        try (Releaser releaser = Releaser.open(vault)) {
            return releaser.release(request, ReleaseListener.NONE);
        }
    }

    private long hits(String query) throws IOException, BadQueryException {
        return archive.search(SearchRequest.of(query)).total();
    }
}
