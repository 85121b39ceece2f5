package org.cablegate.opensearch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenSearch distribution the tests run: the {@code integ-test-zip} from Maven Central, unpacked once beside the
 * build, with the {@code analysis-common} module added (the zip carries only the transport module, and the archive's
 * analysis needs the pattern tokenizer and the truncate and stop filters that analysis-common brings).
 *
 * <p>The pom copies both artifacts into {@code target/opensearch} and names that directory and the version in the
 * system properties {@code cablegate.opensearch.artifacts} and {@code cablegate.opensearch.version}. Without them a
 * test is skipped with a message saying what is missing; under {@code CI=true} it fails.
 */
final class Distribution {
    /** The plugin jar carries no descriptor: a module needs one beside it (the distribution's build writes it). */
    private static final String DESCRIPTOR = """
            description=Adds "built in" analyzers to OpenSearch.
            version=%1$s
            name=analysis-common
            classname=org.opensearch.analysis.common.CommonAnalysisPlugin
            java.version=11
            opensearch.version=%1$s
            custom.foldername=
            extended.plugins=
            has.native.controller=false
            """;

    private static Path home;

    private Distribution() {}

    /** The unpacked distribution's home directory; skips (fails under CI) when the artifacts are missing. */
    static synchronized Path home() {
        if (home == null) {
            home = unpack();
        }
        return home;
    }

    private static Path unpack() {
        String version = System.getProperty("cablegate.opensearch.version", "");
        String dir = System.getProperty("cablegate.opensearch.artifacts", "");
        if (version.isBlank() || dir.isBlank()) {
            return missing("the system properties cablegate.opensearch.version and cablegate.opensearch.artifacts "
                    + "(set by the module's pom; run the tests through Maven)");
        }
        Path artifacts = Path.of(dir);
        Path zip = artifacts.resolve("opensearch-" + version + ".zip");
        Path plugin = artifacts.resolve("analysis-common-" + version + ".jar");
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(plugin)) {
            return missing(zip + " and " + plugin + " (the pom's maven-dependency-plugin copies them there)");
        }
        try {
            Path base = base(artifacts);
            Path target = base.resolve("opensearch-" + version);
            Path done = base.resolve(".unpacked-" + version);
            if (!Files.exists(done)) {
                Nodes.deleteTree(target);
                unzip(zip, base);
                Path module = target.resolve("modules/analysis-common");
                Files.createDirectories(module);
                Files.copy(plugin, module.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(module.resolve("plugin-descriptor.properties"), DESCRIPTOR.formatted(version));
                Files.writeString(done, version);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /**
     * Where the distribution is unpacked and the nodes keep their directories: beside the build, or, when the nodes
     * run as another user, under the temporary directory, since that user must be able to reach them and a clone
     * may live where only root can (CI clones into a folder of its own, {@code /root} is closed to others). Named
     * after the build's directory, so that two clones never share one.
     */
    private static Path base(Path artifacts) throws IOException {
        if (Nodes.runAs().isEmpty()) {
            return artifacts;
        }
        String name = "cablegate-opensearch-" + Integer.toHexString(artifacts.toAbsolutePath().normalize().hashCode());
        Path base = Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
        Files.createDirectories(base);
        // Readable and traversable by the node user; only the nodes' own directories are given to it.
        base.toFile().setReadable(true, false);
        base.toFile().setExecutable(true, false);
        return base;
    }

    /** Unpacks with the executable bit on the launch scripts (ZipFile keeps no permissions). */
    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.getParent().getFileName().toString().equals("bin")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    static <T> T missing(String what) {
        String message = "OpenSearch cannot be started here: no " + what;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
