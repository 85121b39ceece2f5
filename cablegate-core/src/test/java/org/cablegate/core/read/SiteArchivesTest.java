package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cablegate.core.model.SourceCable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site pages from a directory and from every archive layout, whole and damaged. Archives are built per test. */
class SiteArchivesTest {
    /** The fixture pages in sorted path order: cable/1966, cable/2002, cable/2008, cable/2009. */
    private static final List<String> IN_PATH_ORDER =
            List.of("66BUENOSAIRES2481", "02ANKARA8852", "08MOSCOW1647", "09MALABO13");

    @TempDir
    Path dir;

    private static CollectingSink read(Path source) throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(source, sink);
        return sink;
    }

    @Test
    void readsADirectoryInPathOrderSkippingListingPages() throws IOException {
        CollectingSink sink = read(Fixtures.site());
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(sink.cables.get(2).location())
                .isEqualTo(Fixtures.site().resolve("cable/2008/06/08MOSCOW1647.html").toString());
    }

    @Test
    void readsTheCableFolderItself() throws IOException {
        assertThat(read(Fixtures.site().resolve("cable")).ids()).containsExactlyElementsOf(IN_PATH_ORDER);
    }

    @Test
    void readsATar() throws IOException {
        CollectingSink sink = read(Fixtures.tar(Fixtures.site(), dir.resolve("site.tar")));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(sink.cables.get(2).location()).isEqualTo("site.tar!cable/2008/06/08MOSCOW1647.html");
    }

    @Test
    void readsATarGzAndATgz() throws IOException {
        assertThat(read(Fixtures.tarGz(Fixtures.site(), dir.resolve("site.tar.gz"))).ids())
                .containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(read(Fixtures.tarGz(Fixtures.site(), dir.resolve("site.tgz"))).ids())
                .containsExactlyElementsOf(IN_PATH_ORDER);
    }

    @Test
    void readsATarXzWithTheSameTextAsTheDirectory() throws IOException {
        CollectingSink sink = read(Fixtures.tarXz(Fixtures.site(), dir.resolve("site.tar.xz"), false));
        CollectingSink fromDirectory = read(Fixtures.site());
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.cables).extracting(SourceCable::body)
                .containsExactlyElementsOf(fromDirectory.cables.stream().map(SourceCable::body).toList());
        assertThat(sink.progress).isNotEmpty();
    }

    @Test
    void readsAZip() throws IOException {
        CollectingSink sink = read(Fixtures.zip(Fixtures.site(), dir.resolve("site.zip"), false));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(sink.cables.get(0).location()).isEqualTo("site.zip!cable/1966/12/66BUENOSAIRES2481.html");
    }

    @Test
    void readsA7z() throws IOException {
        CollectingSink sink = read(Fixtures.sevenZ(Fixtures.site(), dir.resolve("site.7z")));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(sink.cables.get(3).location()).isEqualTo("site.7z!cable/2009/02/09MALABO13.html");
    }

    @Test
    void recognisesAnArchiveByItsContentWhenTheNameSaysNothing() throws IOException {
        assertThat(read(Fixtures.tarXz(Fixtures.site(), dir.resolve("download.bin"), false)).ids())
                .containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(read(Fixtures.zip(Fixtures.site(), dir.resolve("download2"), false)).ids())
                .containsExactlyElementsOf(IN_PATH_ORDER);
        assertThat(read(Fixtures.sevenZ(Fixtures.site(), dir.resolve("download3"))).ids())
                .containsExactlyElementsOf(IN_PATH_ORDER);
    }

    @Test
    void aTruncatedTarXzDeliversThePagesBeforeTheDamageThenOneRejection() throws IOException {
        // 256 KB of noise after the second page puts the cut well after the first two pages.
        Path whole = Fixtures.tarXz(Fixtures.site(), dir.resolve("whole.tar.xz"), true);
        Path cut = Fixtures.truncated(whole, 0.6, dir.resolve("site.tar.xz"));
        CollectingSink sink = read(cut);
        assertThat(sink.ids()).containsExactly("66BUENOSAIRES2481", "02ANKARA8852");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("site.tar.xz");
            assertThat(r.reason()).startsWith("tar.xz archive damaged or truncated at byte ")
                    .contains("(after entry static/gfx/noise.bin), after 2 cable pages; reading stopped: ");
        });
    }

    @Test
    void aTruncatedZipDeliversThePagesBeforeTheDamageThenOneRejection() throws IOException {
        Path whole = Fixtures.zip(Fixtures.site(), dir.resolve("whole.zip"), true);
        Path cut = Fixtures.truncated(whole, 0.5, dir.resolve("site.zip"));
        CollectingSink sink = read(cut);
        assertThat(sink.ids()).containsExactly("66BUENOSAIRES2481", "02ANKARA8852");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("site.zip");
            assertThat(r.reason()).startsWith("zip archive damaged or truncated at byte ");
        });
    }

    @Test
    void aTruncatedTarNamesTheEntryItBrokeIn() throws IOException {
        Path whole = Fixtures.tar(Fixtures.site(), dir.resolve("whole.tar"));
        // The fixture tar: cablegate.html, then the four pages; cut inside the third page.
        CollectingSink full = read(whole);
        assertThat(full.ids()).hasSize(4);
        Path cut = Fixtures.truncated(whole, 0.62, dir.resolve("site.tar"));
        CollectingSink sink = read(cut);
        assertThat(sink.ids()).containsExactly("66BUENOSAIRES2481", "02ANKARA8852");
        assertThat(sink.rejections).singleElement().satisfies(r ->
                assertThat(r.location()).isEqualTo("site.tar!cable/2008/06/08MOSCOW1647.html"));
    }

    @Test
    void aTruncated7zIsOneRejectionNamingTheArchive() throws IOException {
        Path whole = Fixtures.sevenZ(Fixtures.site(), dir.resolve("whole.7z"));
        CollectingSink sink = read(Fixtures.truncated(whole, 0.8, dir.resolve("site.7z")));
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("site.7z");
            assertThat(r.reason()).startsWith("not a readable 7z archive");
        });
    }

    @Test
    void garbageWithAnArchiveNameIsOneRejection() throws IOException {
        Path garbage = Files.write(dir.resolve("site.tar.xz"), Fixtures.noise(5000));
        CollectingSink sink = read(garbage);
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("site.tar.xz");
            assertThat(r.reason()).startsWith("not a readable tar.xz archive");
        });
    }

    @Test
    void anEntryCompressedWithAMethodThisBuildLacksIsARejectionNotACrash() throws Exception {
        // ZipEntriesFuzzTest (seed zstd-entry.zip): method 93 made commons-compress load zstd-jni, which is not on the
        // class path; the NoClassDefFoundError escaped the reader and ended the import.
        Path zip = dir.resolve("site.zip");
        Files.copy(Path.of(SiteArchivesTest.class.getResource("ZipEntriesFuzzTestInputs/zipEntries/zstd-entry.zip")
                .toURI()), zip);
        CollectingSink sink = new CollectingSink();
        Sources.read(zip, sink);

        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).extracting(Rejection::toString).containsExactly("site.zip: zip archive damaged or "
                + "truncated at byte 62 of the file, after 0 cable pages; reading stopped: an entry is compressed with a "
                + "method this build cannot read (it needs com.github.luben.zstd.ZstdInputStream)");
    }
}
