package org.cablegate.web.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared/corpus} for tests that read the real corpus, as cablegate-archive's test helper of the same name
 * does (test classes of another module are not visible here): the system property {@code cablegate.shared} set by
 * surefire, then {@code ../../shared} and {@code ../shared}. Missing: the test is skipped, except under CI
 * ({@code CI=true}), where it fails.
 */
final class SharedCorpus {
    private SharedCorpus() {}

    /** One file of {@code shared/corpus}; skips the calling test (fails under CI) when it is not there. */
    static Path corpusFile(String name) {
        for (Path shared : candidates()) {
            Path file = shared.resolve("corpus").resolve(name);
            if (Files.isRegularFile(file)) {
                return file.toAbsolutePath().normalize();
            }
        }
        String message = "No corpus file " + name + " found; looked in " + candidates()
                + " (set -Dcablegate.shared=/path/to/shared)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
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
}
