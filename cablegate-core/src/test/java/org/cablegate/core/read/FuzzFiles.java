package org.cablegate.core.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch directory per fuzzing JVM: readers that take a path read each input from a file in it. */
final class FuzzFiles {
    private static final Path DIR = create();

    private FuzzFiles() {}

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("cablegate-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} as the file {@code name}, overwritten on every call. */
    static Path write(String name, byte[] bytes) throws IOException {
        Path file = DIR.resolve(name);
        Files.write(file, bytes);
        file.toFile().deleteOnExit();
        return file;
    }
}
