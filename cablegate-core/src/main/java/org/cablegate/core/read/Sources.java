package org.cablegate.core.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads any source the archive comes in, choosing the reader by what the path is: a {@code cables.csv} (plain or
 * {@code .gz}), a directory or archive ({@code .tar}, {@code .tar.xz}, {@code .zip}, {@code .7z}) of site pages, or
 * plain-text cables. Streams: nothing is held in memory beyond one record.
 */
public final class Sources {
    private Sources() {}

    /**
     * Reads every cable of {@code path} into {@code sink}. Broken records are rejected through the sink with their
     * position and reading goes on; an {@link IOException} means the path itself could not be read.
     */
    public static void read(Path path, CableSink sink) throws IOException {
        throw new UnsupportedOperationException("PLACEHOLDER: readers are being written");
    }
}
