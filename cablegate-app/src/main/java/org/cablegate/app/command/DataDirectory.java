package org.cablegate.app.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Vault;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option shared by every command that reads or writes the archive, and the one rule about it:
 * a command that reads calls {@link #existing()} and never creates anything (issue 12: {@code search --data typo}
 * used to create an empty vault and answer "0 hits" with exit code 0); only a command with something to import calls
 * {@link #forImport(List)}, which creates the directory once its sources are known to exist.
 */
public final class DataDirectory {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "cablegate-data",
            description = "Data directory holding the vault and the public archive (default: ${DEFAULT-VALUE}).")
    Path path;

    /** The path as given, whether or not it exists. */
    public Path path() {
        return path;
    }

    /**
     * The data directory for a command that reads it: it must exist and hold a vault or a public archive.
     *
     * @throws Missing (exit code {@link ExitCode#FAILED}) naming the directory and what to do
     */
    public Path existing() {
        return existing(path);
    }

    /** The data directory for a command that reads or changes the vault (release, status): it must hold one. */
    public Path existingVault() {
        Path dir = existing(path);
        if (!Files.isRegularFile(dir.resolve(Vault.FILE_NAME))) {
            throw new Missing("no cablegate vault in " + dir.toAbsolutePath() + " (only a public archive); "
                    + "run `cablegate import` first");
        }
        return dir;
    }

    /** The data directory for an import of {@code sources}: each must exist; the directory is created if needed. */
    public Path forImport(List<Path> sources) throws IOException {
        return forImport(path, sources);
    }

    static Path existing(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Missing(dir + " is a file, not a cablegate data directory");
        }
        if (!Files.isDirectory(dir) || !holdsData(dir)) {
            throw new Missing("no cablegate data directory at " + dir.toAbsolutePath() + "; run `cablegate import` first");
        }
        return dir;
    }

    static Path forImport(Path dir, List<Path> sources) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Missing(dir + " is a file, not a cablegate data directory");
        }
        for (Path source : sources) {
            if (!Files.exists(source)) {
                throw new Missing("no such file or directory: " + source);
            }
            if (!Files.isReadable(source)) {
                throw new Missing("cannot read " + source + ": permission denied");
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** A vault, or a public archive alone (a web host may be given only {@code public/}). */
    private static boolean holdsData(Path dir) {
        return Files.isRegularFile(dir.resolve(Vault.FILE_NAME)) || Files.isDirectory(Releaser.publicDir(dir));
    }

    /** The data directory is not there or holds no cablegate data: one line for the operator, exit code 3. */
    public static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }
}
