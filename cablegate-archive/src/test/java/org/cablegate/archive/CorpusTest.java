package org.cablegate.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.cablegate.archive.index.Facet;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.SearchRequest;
import org.cablegate.archive.index.SearchResult;
import org.cablegate.archive.release.ReleaseListener;
import org.cablegate.archive.release.ReleaseRequest;
import org.cablegate.archive.release.ReleaseResult;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.IdsImport;
import org.cablegate.archive.vault.ImportListener;
import org.cablegate.archive.vault.ImportSummary;
import org.cablegate.archive.vault.Importer;
import org.cablegate.archive.vault.Selection;
import org.cablegate.archive.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cablegate.core.SharedCorpus;

/** The real corpus through import, release and search, with timings printed for the record. */
class CorpusTest {
    @TempDir
    Path dir;

    @Test
    void theRealCsvImportsReleasesAndSearches() throws Exception {
        Path csv = SharedCorpus.corpusFile("cables-2011-04.csv.gz");
        Path ids = SharedCorpus.corpusFile("cable2month.csv.gz");
        Path data = dir.resolve("data");
        try (Vault vault = Vault.open(data)) {
            long t0 = System.nanoTime();
            ImportSummary summary = new Importer(vault).run(List.of(csv), ImportListener.NONE);
            long t1 = System.nanoTime();
            assertThat(summary.read()).isEqualTo(6712);
            assertThat(summary.imported() + summary.rejected().size()).isEqualTo(6712);
            IdsImport known = vault.importIds(ids);
            long t2 = System.nanoTime();
            assertThat(known.read()).isEqualTo(251_287);
            ReleaseResult result;
            try (Releaser releaser = Releaser.open(vault)) {
                result = releaser.release(ReleaseRequest.of("all", Selection.all())
                        .at(LocalDateTime.parse("2011-04-11T12:00")), ReleaseListener.NONE);
            }
            long t3 = System.nanoTime();
            System.out.printf("corpus: import %d cables in %.2f s (%.0f cables/s); ids %.2f s; release %d in %.2f s"
                    + " (%.0f docs/s)%n", summary.imported(), (t1 - t0) / 1e9, summary.imported() / ((t1 - t0) / 1e9),
                    (t2 - t1) / 1e9, result.count(), (t3 - t2) / 1e9, result.count() / ((t3 - t2) / 1e9));
            assertThat(result.count()).isEqualTo(summary.imported());
            assertThat(vault.status().total()).isEqualTo(251_287);

            try (PublicArchive archive = PublicArchive.open(Releaser.publicDir(data))) {
                assertThat(archive.count()).isEqualTo(summary.imported());
                assertThat(ArchiveStatus.read(vault, archive).releasedLine())
                        .isEqualTo(String.format("released %,d / 251,287", summary.imported()));
                SearchResult moscow = archive.search(SearchRequest.of("id:08MOSCOW1647"));
                assertThat(moscow.total()).isEqualTo(1);
                SearchResult all = archive.search(SearchRequest.of("").withFacets(10));
                assertThat(all.facets().get(Facet.CLASSIFICATION).stream().mapToLong(c -> c.count()).sum())
                        .isEqualTo(summary.imported());
                for (String q : List.of("iran", "nuclear", "falklands", "subject:visit", "iran AND nuclear",
                        "\"human rights\"", "\"prime minister\"", "created:2009", "tag:PREL")) {
                    assertThat(archive.search(SearchRequest.of(q)).total()).as(q).isPositive();
                }
            }
        }
    }
}
