package org.cablegate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the reader: by name, by content, and what is not a source at all. */
class SourcesTest {
    @TempDir
    Path dir;

    private static CollectingSink read(Path source) throws IOException {
        CollectingSink sink = new CollectingSink();
        Sources.read(source, sink);
        return sink;
    }

    @Test
    void aMissingPathIsAnIOExceptionNamingIt() {
        Path missing = dir.resolve("nowhere/cables.csv");
        assertThatThrownBy(() -> read(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file or directory");
    }

    @Test
    void anEmptyFileIsARejection() throws IOException {
        for (String name : new String[] {"cables.csv", "site.tar.xz", "cable.txt", "whatever"}) {
            CollectingSink sink = read(Files.createFile(dir.resolve(name)));
            assertThat(sink.cables).isEmpty();
            assertThat(sink.rejections).containsExactly(new Rejection(name, "empty file"));
        }
    }

    @Test
    void binaryGarbageIsARejectionNamingTheFile() throws IOException {
        CollectingSink sink = read(Files.write(dir.resolve("cables.dat"), Fixtures.noise(10_000)));
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("cables.dat");
            assertThat(r.reason()).startsWith("not a cable source: binary or unknown content");
        });
    }

    @Test
    void binaryGarbageNamedCsvIsOneRejectedRow() throws IOException {
        CollectingSink sink = read(Files.write(dir.resolve("cables.csv"), Fixtures.noise(10_000)));
        assertThat(sink.cables).isEmpty();
        assertThat(sink.rejections).isNotEmpty().allSatisfy(r -> assertThat(r.location()).startsWith("cables.csv row"));
    }

    @Test
    void recognisesACsvByItsFirstRecord() throws IOException {
        Path file = dir.resolve("cables");
        Files.copy(Fixtures.resource("csv/four-cables.csv"), file);
        assertThat(read(file).ids()).containsExactlyElementsOf(Fixtures.IDS);
    }

    @Test
    void recognisesAGzippedCsvByItsContent() throws IOException {
        Path file = dir.resolve("cables.gz");
        Files.copy(Fixtures.resource("csv/four-cables.csv.gz"), file);
        assertThat(read(file).ids()).containsExactlyElementsOf(Fixtures.IDS);
    }

    @Test
    void readsASingleSitePage() throws IOException {
        assertThat(read(Fixtures.resource("site/cable/2009/02/09MALABO13.html")).ids()).containsExactly("09MALABO13");
    }

    @Test
    void recognisesPlainTextByItsContent() throws IOException {
        Path file = dir.resolve("cable");
        Files.copy(Fixtures.resource("text/08MOSCOW1647-no-metadata.txt"), file);
        assertThat(read(file).ids()).containsExactly("08MOSCOW1647");
    }

    @Test
    void aDirectoryWithoutCablesIsARejection() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(read(empty).rejections).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("no cable source in this directory"));
    }

    @Test
    void sniffsTheKinds() {
        assertThat(SourceKind.ofText("\"1\",\"12/28/1966 18:06\"".getBytes())).isEqualTo(SourceKind.CSV);
        assertThat(SourceKind.ofText("<?xml version='1.0'?><html>".getBytes())).isEqualTo(SourceKind.SITE_PAGE);
        assertThat(SourceKind.ofText("S E C R E T MOSCOW 001647\n".getBytes())).isEqualTo(SourceKind.TEXT);
        assertThat(SourceKind.ofText(Fixtures.noise(1024))).isEqualTo(SourceKind.UNKNOWN);
    }
}
