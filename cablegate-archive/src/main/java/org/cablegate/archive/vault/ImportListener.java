package org.cablegate.archive.vault;

import java.nio.file.Path;
import org.cablegate.core.read.Rejection;

/** Hears how an import goes. Every method is called on the thread that runs the import, in order. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {};

    /** After each batch is written: how far into {@code source} reading is, and how many records were read in all. */
    default void progress(Path source, long bytesRead, long bytesTotal, long records) {}

    /** A record that was not imported, with where it was and why. */
    default void rejected(Rejection rejection) {}

    /** A transaction was committed: {@code records} records of this run are now safely in the vault. */
    default void committed(long records) {}
}
