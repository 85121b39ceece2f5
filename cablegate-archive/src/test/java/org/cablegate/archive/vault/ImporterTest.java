package org.cablegate.archive.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cablegate.archive.Fixtures;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.Releaser;
import org.cablegate.core.model.Reference;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    static final SourceCable MOSCOW = Fixtures.cable("08MOSCOW1647", "2008-06-10T11:11", "SECRET", "Embassy Moscow",
            "PREL PGOV RS", "CORE GROUP DINNER", "The Core Group dinner was held at the residence.");
    static final SourceCable LONDON = Fixtures.cable("09LONDON200", "2009-03-02T08:00", "UNCLASSIFIED", "Embassy London",
            "PREL UK IR", "IRAN SANCTIONS", "The UK supports sanctions on Iran.");
    static final SourceCable PARIS = Fixtures.cable("07PARIS300", "2007-11-20T16:45", "CONFIDENTIAL", "Embassy Paris",
            "ECON FR", "TRADE TALKS", "France and the trade talks.");

    @TempDir
    Path dir;

    Vault vault;

    @BeforeEach
    void open() throws IOException {
        vault = Vault.open(dir.resolve("data"));
    }

    @AfterEach
    void close() throws IOException {
        vault.close();
    }

    ImportSummary importFiles(Path... files) throws IOException {
        return new Importer(vault).run(List.of(files), ImportListener.NONE);
    }

    Path csv(String name, SourceCable... cables) throws IOException {
        return Fixtures.writeCsv(dir.resolve(name), List.of(cables));
    }

    static SourceCable withBody(SourceCable c, String body) {
        return new SourceCable(c.id(), c.created(), c.released(), c.classification(), c.origin(), c.header(), body,
                c.format(), c.location());
    }

    @Test
    void importsEveryRecordWithItsSourceFieldsAndWhereItCameFrom() throws IOException {
        ImportSummary summary = importFiles(csv("cables.csv", MOSCOW, LONDON, PARIS));

        assertThat(summary).isEqualTo(new ImportSummary(3, 3, 0, 0, List.of()));
        VaultStatus status = vault.status();
        assertThat(status.cables()).isEqualTo(3);
        assertThat(status.versions()).isEqualTo(3);
        assertThat(status.released()).isZero();
        CableRecord moscow = vault.cable("08MOSCOW1647").orElseThrow();
        assertThat(moscow.created()).isEqualTo(LocalDateTime.parse("2008-06-10T11:11"));
        assertThat(moscow.origin()).isEqualTo("Embassy Moscow");
        assertThat(moscow.classification()).isEqualTo("SECRET");
        assertThat(moscow.currentVersion()).isEqualTo(1);
        assertThat(moscow.originalReleased()).isEmpty();
        assertThat(moscow.released()).isEmpty();
        List<VersionRecord> versions = vault.versions("08MOSCOW1647");
        assertThat(versions).hasSize(1);
        SourceCable stored = versions.get(0).source();
        assertThat(stored.header()).isEqualTo(MOSCOW.header());
        assertThat(stored.body()).isEqualTo(MOSCOW.body());
        assertThat(stored.location()).isEqualTo("cables.csv row 1");
        assertThat(versions.get(0).contentHash()).hasSize(64);
        assertThat(versions.get(0).parsedJson()).startsWith("{\"id\":\"08MOSCOW1647\"").doesNotContain("bodyText");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = csv("cables.csv", MOSCOW, LONDON, PARIS);
        importFiles(file);
        String first = vault.digest();

        ImportSummary again = importFiles(file);

        assertThat(again).isEqualTo(new ImportSummary(3, 0, 3, 0, List.of()));
        assertThat(vault.digest()).isEqualTo(first);
        assertThat(vault.status().versions()).isEqualTo(3);
    }

    @Test
    void changedTextAddsAVersionAndAnOldTextDoesNotComeBack() throws IOException {
        Path original = csv("v1.csv", MOSCOW, LONDON);
        importFiles(original);
        SourceCable corrected = withBody(MOSCOW, MOSCOW.body().replace("residence", "embassy"));

        ImportSummary summary = importFiles(csv("v2.csv", corrected, LONDON));

        assertThat(summary).isEqualTo(new ImportSummary(2, 0, 1, 1, List.of()));
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().currentVersion()).isEqualTo(2);
        List<VersionRecord> versions = vault.versions("08MOSCOW1647");
        assertThat(versions).extracting(VersionRecord::version).containsExactly(1, 2);
        assertThat(versions.get(1).source().body()).contains("at the embassy");
        assertThat(versions.get(1).source().location()).isEqualTo("v2.csv row 1");

        String digest = vault.digest();
        assertThat(importFiles(original)).isEqualTo(new ImportSummary(2, 0, 2, 0, List.of()));
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().currentVersion()).isEqualTo(2);
        assertThat(vault.digest()).isEqualTo(digest);
    }

    @Test
    void changedClassificationIsAVersionButChangedLineBreaksAreNot() throws IOException {
        importFiles(csv("v1.csv", MOSCOW));
        SourceCable reflowed = withBody(MOSCOW, MOSCOW.body().replace("\n", "\n\n").replace(" ", "  ") + "\n");
        assertThat(importFiles(csv("v2.csv", reflowed)).unchanged()).isEqualTo(1);

        SourceCable declassified = new SourceCable(MOSCOW.id(), MOSCOW.created(), MOSCOW.released(), "CONFIDENTIAL",
                MOSCOW.origin(), MOSCOW.header(), MOSCOW.body(), MOSCOW.format(), MOSCOW.location());
        assertThat(importFiles(csv("v3.csv", declassified)).newVersions()).isEqualTo(1);
        assertThat(vault.cable(MOSCOW.id()).orElseThrow().classification()).isEqualTo("CONFIDENTIAL");
    }

    @Test
    void twoTextsOfOneIdInOneSourceAreTwoVersionsAndARerunKeepsThem() throws IOException {
        SourceCable second = withBody(MOSCOW, MOSCOW.body() + "\nADDENDUM\n");
        Path file = csv("dup.csv", MOSCOW, LONDON, second);
        assertThat(importFiles(file)).isEqualTo(new ImportSummary(3, 2, 0, 1, List.of()));
        String digest = vault.digest();
        assertThat(importFiles(file)).isEqualTo(new ImportSummary(3, 0, 3, 0, List.of()));
        assertThat(vault.digest()).isEqualTo(digest);
    }

    @Test
    void theSameTextFromASitePageKeepsItsReleaseTimeWithoutANewVersion() throws IOException {
        importFiles(csv("cables.csv", MOSCOW, LONDON));
        Path pages = Files.createDirectories(dir.resolve("site"));
        Path page = Fixtures.writeSitePage(pages, MOSCOW, "2010-12-01 21:09");

        ImportSummary summary = importFiles(page);

        assertThat(summary).isEqualTo(new ImportSummary(1, 0, 1, 0, List.of()));
        CableRecord moscow = vault.cable("08MOSCOW1647").orElseThrow();
        assertThat(moscow.currentVersion()).isEqualTo(1);
        assertThat(moscow.originalReleased()).contains(LocalDateTime.parse("2010-12-01T21:09"));
        assertThat(vault.versions("08MOSCOW1647").get(0).source().released()).isEmpty();

        // A later page build with a later date does not move the original time; an earlier one does.
        Fixtures.writeSitePage(pages, MOSCOW, "2011-01-05 10:00");
        importFiles(page);
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().originalReleased())
                .contains(LocalDateTime.parse("2010-12-01T21:09"));
        Fixtures.writeSitePage(pages, MOSCOW, "2010-11-28 18:00");
        importFiles(page);
        assertThat(vault.cable("08MOSCOW1647").orElseThrow().originalReleased())
                .contains(LocalDateTime.parse("2010-11-28T18:00"));
    }

    @Test
    void aSitePageFirstRecordsItsReleaseTimeWithTheVersion() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("site"));
        importFiles(Fixtures.writeSitePage(pages, PARIS, "2010-11-28 18:00"));
        CableRecord paris = vault.cable("07PARIS300").orElseThrow();
        assertThat(paris.originalReleased()).contains(LocalDateTime.parse("2010-11-28T18:00"));
        assertThat(vault.versions("07PARIS300").get(0).source().released())
                .contains(LocalDateTime.parse("2010-11-28T18:00"));
        assertThat(importFiles(csv("cables.csv", PARIS)).unchanged()).isEqualTo(1);
    }

    @Test
    void rejectedRecordsAreCountedWithWhereAndWhyAndTheRestIsImported() throws IOException {
        Path file = csv("cables.csv", MOSCOW, LONDON);
        String broken = "\"3\",\"not a date\",\"09PARIS1\",\"Embassy Paris\",\"SECRET\",\"\",\"h\",\"b\"\n";
        Files.writeString(file, Files.readString(file) + broken + Files.readString(csv("more.csv", PARIS))
                .replace("\"1\",", "\"4\","), StandardCharsets.UTF_8);
        List<Rejection> heard = new ArrayList<>();

        ImportSummary summary = new Importer(vault).run(List.of(file), new ImportListener() {
            @Override
            public void rejected(Rejection r) {
                heard.add(r);
            }
        });

        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.imported()).isEqualTo(3);
        assertThat(summary.rejected()).hasSize(1);
        assertThat(summary.rejected().get(0).location()).contains("cables.csv").contains("3");
        assertThat(heard).isEqualTo(summary.rejected());
        assertThat(vault.cable("07PARIS300")).isPresent();
    }

    @Test
    void aMissingSourceFailsAfterKeepingWhatCameBefore() throws IOException {
        Path good = csv("cables.csv", MOSCOW);
        assertThatThrownBy(() -> importFiles(good, dir.resolve("missing.csv"))).isInstanceOf(NoSuchFileException.class);
        assertThat(vault.cable("08MOSCOW1647")).isPresent();
    }

    @Test
    void knownIdsMakeTheDenominatorWithTheVaultsOwnIds() throws IOException {
        importFiles(csv("cables.csv", MOSCOW, LONDON, PARIS));
        Path ids = dir.resolve("cable2month.csv");
        Files.writeString(ids, "08MOSCOW1647,6\n09LONDON200,3\n66BUENOSAIRES2481,12\n10STATE1,2\nbroken line\n");

        IdsImport loaded = vault.importIds(ids);

        assertThat(loaded.read()).isEqualTo(4);
        assertThat(loaded.added()).isEqualTo(4);
        assertThat(loaded.problems()).singleElement().asString().contains("line 5");
        VaultStatus status = vault.status();
        assertThat(status.knownIds()).isEqualTo(4);
        assertThat(status.total()).isEqualTo(5); // 4 listed + 07PARIS300, which the list lacks
        String digest = vault.digest();
        assertThat(vault.importIds(ids).added()).isZero();
        assertThat(vault.digest()).isEqualTo(digest);
    }

    @Test
    void aVaultReopensWithWhatItHeld() throws IOException {
        importFiles(csv("cables.csv", MOSCOW, LONDON));
        String digest = vault.digest();
        vault.close();
        vault = Vault.open(dir.resolve("data"));
        assertThat(vault.digest()).isEqualTo(digest);
        assertThat(vault.status().cables()).isEqualTo(2);
        assertThat(vault.cable("nope")).isEqualTo(Optional.empty());
    }

    /** A cable of January 2009 whose REF line cites {@code ref}. */
    static SourceCable citing(String ref) {
        SourceCable c = Fixtures.cable("09LONDON50", "2009-01-20T10:00", "CONFIDENTIAL", "Embassy London", "PREL UK",
                "PARIS TALKS", "The talks went well.");
        return withBody(c, c.body().replace("SUBJECT: PARIS TALKS\n", "SUBJECT: PARIS TALKS\nREF: " + ref + "\n"));
    }

    /** The cited ids of the vault's parse of a cable, as stored. */
    List<String> citedIds(String id) throws IOException {
        String json = vault.versions(id).get(0).parsedJson();
        List<String> ids = new ArrayList<>();
        int from = json.indexOf("\"references\"");
        Matcher m = Pattern.compile("\"id\":\"(\\w*)\"").matcher(json.substring(from, json.indexOf(']', from)));
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    @Test
    void resolvesTheYearOfARefWithTheIdsOfTheVault() throws IOException {
        // 09LONDON50 (January 2009) cites "PARIS 120" without a year. The id list says 09PARIS120 was created in March
        // 2009, after the citing cable, so the REF means 08PARIS120; without the list the cable's own year is taken.
        Path csv = csv("citing.csv", citing("PARIS 120"));
        importFiles(csv);
        assertThat(citedIds("09LONDON50")).containsExactly("09PARIS120");

        try (Vault withIds = Vault.open(dir.resolve("with-ids"))) {
            Path ids = Files.writeString(dir.resolve("cable2month.csv"), "08PARIS120,11\n09PARIS120,3\n09LONDON50,1\n");
            assertThat(withIds.importIds(ids).added()).isEqualTo(3);
            new Importer(withIds).run(List.of(csv), ImportListener.NONE);
            Vault before = vault;
            vault = withIds;
            try {
                assertThat(citedIds("09LONDON50")).containsExactly("08PARIS120");
            } finally {
                vault = before;
            }
            // The page and the API re-parse the public text without the id list: they cite what the import resolved.
            try (Releaser releaser = Releaser.open(withIds)) {
                releaser.release(ReleaseRequest.of("all", Selection.all()), ReleaseListener.NONE);
            }
            try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(dir.resolve("with-ids")))) {
                var page = archive.get("09LONDON50").orElseThrow();
                assertThat(page.cites()).containsExactly("08PARIS120");
                assertThat(page.parsed().references()).extracting(Reference::id)
                        .containsExactly("08PARIS120");
            }
        }
    }

    @Test
    void reportsTheUnknownStationsRefLinesCite() throws IOException {
        // SECDEF sent no cable of the 251,287 (07ABUDHABI1479 cites "SECDEF 31828"): cited, resolved to no id, counted.
        ImportSummary summary = importFiles(csv("citing.csv", citing("A. SECDEF 31828 B. STATE 1234 C. SECDEF 22")));
        assertThat(summary.unknownStations()).containsExactly(Map.entry("SECDEF", 2));
        assertThat(citedIds("09LONDON50")).containsExactly("09STATE1234");
    }
}
