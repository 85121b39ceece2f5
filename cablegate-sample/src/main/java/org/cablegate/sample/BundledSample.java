package org.cablegate.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small real sample shipped inside the jar, so that a fresh clone runs the demo and the generator without
 * {@code ../shared}: 186 real cables as site pages and as {@code cables.csv}, and the id list of the whole set.
 * Readers work on paths, so a resource is copied once to a temporary file.
 */
public enum BundledSample {
    /** The 186 cables as pages of the original site, in the archive form mirrors downloaded. */
    SITE_PAGES("cablegate-sample-pages.tar.xz"),
    /** The same 186 cables in the layout of the 2011 full release. */
    CABLES_CSV("cables-sample.csv.gz"),
    /** {@code REFID,month} for all 251,287 cables of the whole set. */
    ALL_IDS("cable2month.csv.gz");

    private final String fileName;
    private Path extracted;

    BundledSample(String fileName) {
        this.fileName = fileName;
    }

    /** A readable file holding this part of the sample. */
    public synchronized Path path() {
        if (extracted == null) {
            try (InputStream in = BundledSample.class.getResourceAsStream(fileName)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled sample " + fileName + " is missing from the jar");
                }
                Path dir = Files.createTempDirectory("cablegate-sample");
                extracted = dir.resolve(fileName);
                Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
                // Deleted at exit in the reverse order of these calls: the file, then its directory.
                dir.toFile().deleteOnExit();
                extracted.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return extracted;
    }
}
