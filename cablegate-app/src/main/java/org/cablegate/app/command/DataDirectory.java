package org.cablegate.app.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that reads or writes the archive. */
public final class DataDirectory {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "cablegate-data",
            description = "Data directory holding the vault and the public archive (default: ${DEFAULT-VALUE}).")
    Path path;

    public Path path() {
        return path;
    }
}
