package org.cablegate.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (the real corpus, seed and reference files) for tests that read it.
 *
 * <p>Looked up in this order: the system property {@code cablegate.shared} (set by surefire in the parent pom), then
 * {@code ../../shared} and {@code ../shared} from the working directory (a module, or the project root). Without it a
 * test is skipped with a message saying where it looked — except under CI ({@code CI=true}), where a missing corpus
 * means the checkout is wrong and the test fails.
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    /** The {@code shared} directory; skips the calling test (fails under CI) when it cannot be found. */
    public static Path shared() {
        return find().orElseGet(() -> missing("shared directory (with corpus/)"));
    }

    /** The {@code shared/corpus} directory; skips the calling test (fails under CI) when it cannot be found. */
    public static Path corpus() {
        return shared().resolve("corpus");
    }

    /** One file of {@code shared/corpus}, e.g. {@code cables-2011-04.csv.gz}; skips/fails like {@link #corpus()}. */
    public static Path corpusFile(String name) {
        Path file = corpus().resolve(name);
        if (!Files.isRegularFile(file)) {
            return missing("corpus file " + file);
        }
        return file;
    }

    private static Optional<Path> find() {
        for (Path candidate : candidates()) {
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> paths = new ArrayList<>();
        String property = System.getProperty("cablegate.shared");
        if (property != null && !property.isBlank()) {
            paths.add(Path.of(property));
        }
        paths.add(Path.of("../../shared"));
        paths.add(Path.of("../shared"));
        return paths;
    }

    private static <T> T missing(String what) {
        String message = "No " + what + " found; looked at " + candidates()
                + " (set -Dcablegate.shared=/path/to/shared)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
