package org.cablegate.app.command;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.cablegate.archive.release.Releaser;
import org.cablegate.archive.vault.Vault;

/**
 * What is wrong with a damaged data directory, and how to recover, in one message (issue 13): SQLite's
 * {@code [SQLITE_CORRUPT] The database disk image is malformed} and Lucene's {@code Problem reading index.
 * (resource=…)} say neither which part of the data is gone nor what the publisher can do about it.
 *
 * <p>The two parts fail apart: the vault is the publisher's private store, which nothing else holds (every version,
 * redaction and the release log), so it comes back only from a backup; the public archive is what readers are served,
 * and the vault is not needed to serve it.
 */
final class Damage {
    private Damage() {}

    /** The message for a vault that SQLite cannot read as a database, if that is what {@code e} says. */
    static Optional<String> ofVault(Path dataDir, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null && (sql.getMessage().contains("SQLITE_CORRUPT")
                    || sql.getMessage().contains("SQLITE_NOTADB"))) {
                String what = sql.getMessage().contains("SQLITE_NOTADB") ? "it is not an SQLite database (overwritten?)"
                        : "it is truncated or corrupt";
                return Optional.of("the vault " + dataDir.resolve(Vault.FILE_NAME) + " is damaged: " + what + " (SQLite: "
                        + sqliteReason(sql.getMessage()) + "). It alone holds every version, redaction and the release "
                        + "log: restore it from a backup. The public archive " + Releaser.publicDir(dataDir)
                        + " is not affected: `cablegate serve` goes on serving it");
            }
        }
        return Optional.empty();
    }

    /** The message for a public archive Lucene cannot open (a file missing, corrupt, of another version), if so. */
    static Optional<String> ofPublicArchive(Path dataDir, Throwable e) {
        Path dir = Releaser.publicDir(dataDir);
        String recover = ". Readers cannot be served from it: restore " + dir + " from a backup or from a copy on "
                + "another web host (the vault is not affected)";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
                String file = t instanceof NoSuchFileException n && n.getFile() != null ? n.getFile() : t.getMessage();
                return Optional.of("the public archive " + dir + " is damaged: its file "
                        + Path.of(file.replaceAll(" \\(.*", "")).getFileName() + " is missing" + recover);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CorruptIndexException c) {
                return Optional.of("the public archive " + dir + " is damaged: " + c.getMessage() + recover);
            }
            if (t instanceof IndexFormatTooOldException || t instanceof IndexFormatTooNewException) {
                return Optional.of("the public archive " + dir + " was written by another version of Lucene: "
                        + t.getMessage() + recover);
            }
        }
        return Optional.empty();
    }

    /**
     * The message for a write refused because the data directory (or a file of it) is read-only, if that is what
     * {@code e} says: SQLite's {@code SQLITE_READONLY}, or the file system's refusal to create or change a file.
     * Nothing was changed by the command that failed: a release left pending is rolled back by the next run.
     */
    static Optional<String> ofReadOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            boolean sqlite = t instanceof SQLException && (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN"));
            boolean files = t instanceof AccessDeniedException
                    || t instanceof FileSystemException && (m.contains("Read-only file system")
                            || m.contains("Operation not permitted"));
            if (sqlite || files) {
                String where = t instanceof FileSystemException f && f.getFile() != null
                        ? f.getFile() : "the vault";
                String reason = sqlite ? "SQLite: " + sqliteReason(m)
                        : t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "access denied";
                return Optional.of("cannot write " + where + ": the data directory is read-only (" + reason
                        + "). Nothing was changed: make it writable and run the command again");
            }
        }
        return Optional.empty();
    }

    /**
     * The message for a write that failed because the disk is full, if that is what {@code e} says: SQLite's
     * {@code SQLITE_FULL}, or the file system's "No space left on device". As for a read-only directory, the command
     * changed nothing that is public or committed: a release is rolled back by the next run, an import keeps the
     * batches it committed and its rerun skips them (issue 13).
     */
    static Optional<String> ofDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            boolean sqlite = t instanceof SQLException && (m.contains("SQLITE_FULL") || m.contains("disk is full"));
            boolean files = t instanceof IOException && m.contains("No space left on device");
            if (sqlite || files) {
                String where = t instanceof FileSystemException f && f.getFile() != null ? f.getFile() : sqlite
                        ? "the vault" : "the data directory";
                return Optional.of("cannot write " + where + ": the disk is full (" + (sqlite ? "SQLite: "
                        + sqliteReason(m) : "No space left on device") + "). Nothing public was changed: free some "
                        + "space and run the command again");
            }
        }
        return Optional.empty();
    }

    /** {@code [SQLITE_CORRUPT] The database disk image is malformed (database disk image is malformed)} → the last. */
    private static String sqliteReason(String message) {
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? message.substring(open + 1, close) : message;
    }

    /** {@code e}, or an IOException whose message says what is damaged and how to recover. */
    static Exception explain(Path dataDir, Exception e) {
        Optional<String> damage = ofVault(dataDir, e).or(() -> ofPublicArchive(dataDir, e));
        return damage.<Exception>map(m -> new IOException(m, e)).orElse(e);
    }
}
