package org.cablegate.archive.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.cablegate.archive.ArchiveStatus;
import org.cablegate.archive.Fixtures;
import org.cablegate.archive.index.ArchiveWriter;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.archive.index.Hit;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.index.SortOrder;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaserTest {
    static final LocalDateTime T1 = LocalDateTime.parse("2010-11-28T18:00");
    static final LocalDateTime T2 = LocalDateTime.parse("2010-12-05T09:30");

    static final List<SourceCable> CABLES = List.of(
            Fixtures.cable("08MOSCOW1647", "2008-06-10T11:11", "CONFIDENTIAL", "Embassy Moscow", "PREL RS",
                    "RUSSIA AND IRAN: NUCLEAR TALKS", "Iran's nuclear program was discussed with the prime minister."),
            Fixtures.cable("08MOSCOW2000", "2008-09-01T09:00", "SECRET", "Embassy Moscow", "PREL PHUM RS",
                    "HUMAN RIGHTS IN RUSSIA", "Police detained human rights activists in Moscow."),
            Fixtures.cable("09MOSCOW100", "2009-01-15T10:30", "SECRET//NOFORN", "Embassy Moscow", "ENRG RS",
                    "GAS PIPELINE", "The oil and gas pipeline to Europe."),
            Fixtures.cable("09LONDON200", "2009-03-02T08:00", "UNCLASSIFIED", "Embassy London", "PREL UK IR",
                    "IRAN SANCTIONS", "The UK supports sanctions on Iran."),
            Fixtures.cable("07BUENOSAIRES300", "2007-11-20T16:45", "CONFIDENTIAL", "Embassy Buenos Aires", "PREL AR UK",
                    "FALKLANDS", "Argentina raised the Falklands again."),
            Fixtures.cable("10STATE1234", "2010-02-01T23:59", "SECRET", "Secretary of State", "PTER KTFN",
                    "TERRORISM FINANCING", "Terrorism financing networks in the Gulf."),
            Fixtures.cable("06BAGHDAD500", "2006-05-05T05:05", "SECRET", "Embassy Baghdad", "PREL PGOV IZ",
                    "VISIT OF THE PRIME MINISTER", "The prime minister's visit to Baghdad."),
            Fixtures.cable("09MOSCOW200", "2009-07-07T07:07", "CONFIDENTIAL//NOFORN", "Embassy Moscow", "PGOV RS",
                    "VISIT OF PRESIDENT", "The president's visit. Police were present."));

    @TempDir
    Path dir;

    Path data;
    Vault vault;
    PublicArchive archive;

    @BeforeEach
    void importCables() throws IOException {
        data = dir.resolve("data");
        vault = Vault.open(data);
        new Importer(vault).run(List.of(Fixtures.writeCsv(dir.resolve("cables.csv"), CABLES)), ImportListener.NONE);
        archive = PublicArchive.open(Releaser.publicDir(data));
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
        vault.close();
    }

    ReleaseResult release(Selection selection, LocalDateTime time) throws IOException {
        try (Releaser releaser = Releaser.open(vault)) {
            return releaser.release(ReleaseRequest.of("test", selection).at(time), ReleaseListener.NONE);
        }
    }

    List<String> released() throws Exception {
        archive.refresh();
        return archive.search(SearchRequest.of("").withLimit(100).withSort(SortOrder.CREATED_OLDEST)).hits().stream()
                .map(Hit::id).toList();
    }

    @Test
    void releasingAllPublishesEveryCableWithTheBatchTime() throws Exception {
        ReleaseResult result = release(Selection.all(), T1);

        assertThat(result.count()).isEqualTo(8);
        assertThat(result.added()).isEqualTo(8);
        ReleaseRecord record = result.release().orElseThrow();
        assertThat(record).isEqualTo(new ReleaseRecord(1, "test", T1, "all", false, 8, ReleaseRecord.State.DONE, 8, 0, 0));
        assertThat(released()).hasSize(8);
        assertThat(archive.lastRelease()).isEqualTo(1);
        PublicCable moscow = archive.get("08MOSCOW1647").orElseThrow();
        assertThat(moscow.released()).isEqualTo(T1);
        assertThat(moscow.body()).isEqualTo(CABLES.get(0).body());
        assertThat(moscow.header()).isEqualTo(CABLES.get(0).header());
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().released()).contains(T1);
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().publishedVersion()).contains(1);
        assertThat(vault.status().released()).isEqualTo(8);
        assertThat(vault.releases()).containsExactly(record);
        assertThat(release(Selection.all(), T2).release()).as("nothing left to publish").isEmpty();
        assertThat(vault.releases()).hasSize(1);
    }

    @Test
    void releasedCablesKnowWhatTheyCiteAndTheSizeOfTheWholeSet() throws Exception {
        SourceCable plain = Fixtures.cable("08MOSCOW2500", "2008-09-10T10:00", "CONFIDENTIAL", "Embassy Moscow", "PREL RS",
                "FOLLOW-UP ON IRAN", "As reported before.");
        SourceCable citing = new SourceCable(plain.id(), plain.created(), plain.released(), plain.classification(),
                plain.origin(), plain.header(), plain.body().replace("\n\nClassified By",
                        "\n\nREF: A. MOSCOW 1647 B. 08 MOSCOW 2000 C. 08 MOSCOW 1647\n\nClassified By"),
                plain.format(), plain.location());
        new Importer(vault).run(List.of(Fixtures.writeCsv(dir.resolve("citing.csv"), List.of(citing))),
                ImportListener.NONE);
        vault.importIds(Files.writeString(dir.resolve("cable2month.csv"), "99UNKNOWN1,1\n99UNKNOWN2,2\n"));

        release(Selection.all(), T1);
        archive.refresh();

        // Each cited cable once, in the order first cited.
        assertThat(archive.get("08MOSCOW2500").orElseThrow().cites()).containsExactly("08MOSCOW1647", "08MOSCOW2000");
        assertThat(archive.get("08MOSCOW1647").orElseThrow().cites()).isEmpty();
        assertThat(archive.search(SearchRequest.of("cites:08MOSCOW1647")).hits()).extracting(Hit::id)
                .containsExactly("08MOSCOW2500");
        assertThat(archive.setSize()).isEqualTo(11).isEqualTo(vault.status().total());
    }

    @Test
    void selectionsTakeExactlyWhatTheyName() throws Exception {
        assertThat(release(Selection.all().withOrigin("embassy MOSCOW").withCreatedBefore(LocalDate.of(2009, 1, 16)), T1)
                .count()).isEqualTo(3);
        assertThat(released()).containsExactly("08MOSCOW1647", "08MOSCOW2000", "09MOSCOW100");

        assertThat(release(Selection.all().withIds(List.of("06BAGHDAD500", "08MOSCOW1647", "99NOWHERE1")), T2).count())
                .as("08MOSCOW1647 is public already").isEqualTo(1);
        assertThat(release(Selection.all().withLimit(2), T2).count()).isEqualTo(2);
        assertThat(released()).containsExactly("06BAGHDAD500", "07BUENOSAIRES300", "08MOSCOW1647", "08MOSCOW2000",
                "09MOSCOW100", "09LONDON200");
        assertThat(release(Selection.all().withCreatedBefore(LocalDate.of(2009, 7, 7)), T2).release()).isEmpty();
        assertThat(release(Selection.all().withCreatedBefore(LocalDate.of(2009, 7, 8)), T2).count()).isEqualTo(1);
        assertThat(vault.releases()).extracting(ReleaseRecord::selection).containsExactly(
                "origin embassy MOSCOW, created before 2009-01-16", "3 listed ids", "first 2 by creation",
                "created before 2009-07-08");
        assertThat(vault.releases()).extracting(ReleaseRecord::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(vault.releases()).extracting(ReleaseRecord::count).containsExactly(3L, 1L, 2L, 1L);
    }

    @Test
    void selectsByTagIgnoringCase() throws Exception {
        assertThat(release(Selection.all().withTag("prel"), T1).count()).isEqualTo(5);
        assertThat(released()).containsExactly("06BAGHDAD500", "07BUENOSAIRES300", "08MOSCOW1647", "08MOSCOW2000",
                "09LONDON200");
    }

    @Test
    void unreleasedCablesNeverAppearInHitsFacetsOrGet() throws Exception {
        release(Selection.all().withOrigin("Embassy London"), T1);

        SearchResult everything = archive.search(SearchRequest.of("").withFacets(50));
        assertThat(everything.total()).isEqualTo(1);
        assertThat(everything.facets().get(Facet.ORIGIN)).containsExactly(new FacetCount("Embassy London", 1));
        assertThat(everything.facets().get(Facet.CLASSIFICATION)).containsExactly(new FacetCount("UNCLASSIFIED", 1));
        assertThat(everything.facets().get(Facet.YEAR)).containsExactly(new FacetCount("2009", 1));
        for (String query : List.of("moscow", "police", "falklands", "origin:moscow", "tag:ptlr", "\"prime minister\"",
                "id:08MOSCOW1647", "classification:secret", "created:2008")) {
            assertThat(archive.search(SearchRequest.of(query).withFacets(50)).total()).as(query).isZero();
        }
        assertThat(archive.get("08MOSCOW1647")).isEmpty();
        assertThat(archive.count()).isEqualTo(1);
    }

    @Test
    void keepingOriginalTimesUsesTheTimeTheSourceCarried() throws Exception {
        Path pages = Files.createDirectories(dir.resolve("site"));
        new Importer(vault).run(List.of(Fixtures.writeSitePage(pages, CABLES.get(0), "2010-11-28 21:09")),
                ImportListener.NONE);
        try (Releaser releaser = Releaser.open(vault)) {
            releaser.release(ReleaseRequest.of("originals", Selection.all().withOrigin("Embassy Moscow"))
                    .keepingOriginalTimes().at(T2), ReleaseListener.NONE);
        }
        assertThat(archive.get("08MOSCOW1647").orElseThrow().released()).isEqualTo(LocalDateTime.parse("2010-11-28T21:09"));
        assertThat(archive.get("08MOSCOW2000").orElseThrow().released()).isEqualTo(T2);
        assertThat(vault.releases().get(0).keepOriginalTimes()).isTrue();
        assertThat(archive.search(SearchRequest.of("released:2010-11")).total()).isEqualTo(1);
    }

    @Test
    void aNewVersionOfAReleasedCableReplacesItAndKeepsItsFirstReleaseTime() throws Exception {
        release(Selection.all(), T1);
        SourceCable moscow = CABLES.get(0);
        SourceCable corrected = new SourceCable(moscow.id(), moscow.created(), moscow.released(), moscow.classification(),
                moscow.origin(), moscow.header(), moscow.body().replace("prime minister", "foreign minister"),
                moscow.format(), moscow.location());
        new Importer(vault).run(List.of(Fixtures.writeCsv(dir.resolve("v2.csv"), List.of(corrected))), ImportListener.NONE);

        try (Releaser releaser = Releaser.open(vault)) {
            assertThat(releaser.release(ReleaseRequest.of("new only", Selection.all().withUnreleasedOnly()).at(T2),
                    ReleaseListener.NONE).release()).isEmpty();
            ReleaseResult result = releaser.release(ReleaseRequest.of("corrections", Selection.all()).at(T2),
                    ReleaseListener.NONE);
            assertThat(result.added()).isZero();
            assertThat(result.replaced()).isEqualTo(1);
        }
        archive.refresh();
        assertThat(archive.count()).isEqualTo(8);
        PublicCable now = archive.get("08MOSCOW1647").orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.released()).isEqualTo(T1);
        assertThat(archive.search(SearchRequest.of("\"foreign minister\"")).total()).isEqualTo(1);
        assertThat(archive.search(SearchRequest.of("\"prime minister\" AND nuclear")).total()).isZero();
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().publishedVersion()).contains(2);
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().releaseId()).contains(1L);
    }

    @Test
    void aReaderSeesAWholeReleaseOrNothingOfIt() throws Exception {
        new Importer(vault).run(List.of(Fixtures.writeCsv(dir.resolve("more.csv"), Fixtures.generated(3000))),
                ImportListener.NONE);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    archive.refresh();
                    seen.add(archive.search(SearchRequest.of("").withLimit(0)).total());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        List<Long> duringIndexing = new ArrayList<>();
        // A tiny RAM buffer makes Lucene write many segments to disk before the commit: none may be visible.
        try (Releaser releaser = Releaser.open(vault, 2, 1, Clock.systemUTC())) {
            releaser.release(ReleaseRequest.of("big", Selection.all()).at(T1), new ReleaseListener() {
                @Override
                public void indexed(long indexed, long total) {
                    try {
                        archive.refresh();
                        duringIndexing.add(archive.count());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        done.set(true);
        reader.join();
        archive.refresh();
        assertThat(archive.count()).isEqualTo(3008);
        assertThat(duringIndexing).isNotEmpty().containsOnly(0L);
        assertThat(seen).isNotEmpty();
        assertThat(Set.copyOf(seen)).isSubsetOf(Set.of(0L, 3008L));
    }

    @Test
    void onlyOneReleaserAtATime() throws IOException {
        try (Releaser first = Releaser.open(vault)) {
            assertThatThrownBy(() -> Releaser.open(vault)).isInstanceOf(IOException.class)
                    .hasMessageContaining("a release is running");
        }
    }

    @Test
    void aPendingReleaseTheIndexNeverSawIsRolledBackAndItsIdGivenAgain() throws Exception {
        vault.releaseLog().begin("interrupted", T1, Selection.all(), false);
        assertThat(vault.status().pending()).isPresent();

        try (Releaser releaser = Releaser.open(vault)) {
            assertThat(releaser.recovery()).hasValueSatisfying(m -> assertThat(m).contains("rolled back"));
            assertThat(vault.status().pending()).isEmpty();
            assertThat(vault.releases()).isEmpty();
            ReleaseResult again = releaser.release(ReleaseRequest.of("again", Selection.all()).at(T1),
                    ReleaseListener.NONE);
            assertThat(again.release().orElseThrow().id()).isEqualTo(1);
        }
    }

    @Test
    void aPendingReleaseTheIndexCommittedIsFinished() throws Exception {
        ReleaseRecord pending = vault.releaseLog().begin("interrupted", T1, Selection.all(), false).orElseThrow();
        try (ArchiveWriter writer = ArchiveWriter.open(Releaser.publicDir(data), 16)) {
            vault.releaseLog().items(pending.id(), item -> writer.add(item.unredacted()));
            writer.commit(pending.id());
        }

        try (Releaser releaser = Releaser.open(vault)) {
            assertThat(releaser.recovery()).hasValueSatisfying(m -> assertThat(m).contains("now finished"));
        }
        assertThat(vault.releases()).extracting(ReleaseRecord::state).containsExactly(ReleaseRecord.State.DONE);
        assertThat(vault.status().released()).isEqualTo(8);
        assertThat(released()).hasSize(8);
    }

    @Test
    void anArchiveFromAnotherVaultIsRefused(@TempDir Path other) throws Exception {
        release(Selection.all(), T1);
        try (Vault stranger = Vault.open(other)) {
            Files.createDirectories(Releaser.publicDir(other));
            copy(Releaser.publicDir(data), Releaser.publicDir(other));
            assertThatThrownBy(() -> Releaser.open(stranger)).isInstanceOf(IOException.class)
                    .hasMessageContaining("do not belong together");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void statusCountsReleasedAgainstTheWholeSet() throws Exception {
        Path ids = dir.resolve("cable2month.csv");
        Files.writeString(ids, "08MOSCOW1647,6\n66BUENOSAIRES2481,12\n10STATE1,2\n");
        vault.importIds(ids);
        assertThat(ArchiveStatus.read(vault, archive).releasedLine()).isEqualTo("released 0 / 10");

        release(Selection.all().withLimit(3), T1);
        archive.refresh();
        ArchiveStatus status = ArchiveStatus.read(vault, archive);
        assertThat(status.releasedLine()).isEqualTo("released 3 / 10");
        assertThat(status.lastRelease().orElseThrow().id()).isEqualTo(1);
        assertThat(status.vault().cables()).isEqualTo(8);
    }
}
