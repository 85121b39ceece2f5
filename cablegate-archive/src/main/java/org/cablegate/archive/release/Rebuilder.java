package org.cablegate.archive.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.cablegate.archive.index.ArchiveWriter;
import org.cablegate.archive.index.PublicArchive;
import org.cablegate.archive.index.PublicRelease;
import org.cablegate.archive.vault.ReleaseLog;
import org.cablegate.archive.vault.ReleaseRecord;
import org.cablegate.archive.vault.Vault;

/**
 * Rebuilds the public archive of a data directory from the vault and its release log (issue 13: {@code cablegate
 * release --rebuild}), for a public archive that is damaged or lost. Every release the log holds as done is replayed
 * in order into a new directory beside {@code public/}, with the same public records a release builds
 * ({@link PublicRecords}: the redactions each release recorded, the history as of it), the same withdrawals, and one
 * commit that records the same release log; the new directory is then switched in for the old one.
 *
 * <p>While it runs it holds the old archive's write lock (through a {@link Releaser}), so that no release interleaves.
 * It does not need the old archive to be readable, only its directory to be lockable. A crash leaves
 * {@code public.rebuild/} (deleted by the next run) and the old {@code public/} as they were, or, between the two
 * renames of the switch, {@code public.old/} and the whole new {@code public.rebuild/}, which the next run finishes.
 */
public final class Rebuilder {
    /** Beside {@code public/}: the archive being built. */
    public static final String REBUILD_DIR = "public.rebuild";
    /** Beside {@code public/}: the archive being replaced, for the moment of the switch. */
    public static final String OLD_DIR = "public.old";

    private Rebuilder() {}

    /** What a rebuild did: the releases replayed and the cables public after it. */
    public record Result(int releases, long lastRelease, long documents) {}

    /**
     * Rebuilds the public archive of {@code vault}'s data directory.
     *
     * @throws IOException if the vault has a release pending (finish or roll it back with any release first), or the
     *                     new archive cannot be written
     */
    public static Result rebuild(Vault vault, ReleaseListener listener) throws IOException {
        Path dataDir = vault.dataDir();
        Path current = Releaser.publicDir(dataDir);
        Path building = dataDir.resolve(REBUILD_DIR);
        Path old = dataDir.resolve(OLD_DIR);
        finishSwitch(current, building, old);
        ReleaseLog log = vault.releaseLog();
        if (log.pending().isPresent()) {
            throw new IOException("Release " + log.pending().get().id() + " is pending: run `cablegate release --due` "
                    + "(or any release) to finish or roll it back, then rebuild");
        }
        deleteTree(building);
        Files.createDirectories(current);
        // The old archive's write lock, held while the new one is built: no release interleaves with the rebuild, and
        // none is lost by the switch. A lock file only: it is taken of an archive too damaged to open.
        try (Directory dir = FSDirectory.open(current); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            build(vault, log, building, listener);
        } catch (LockObtainFailedException e) {
            throw new IOException("The public archive " + current + " is being written (a release or a rebuild is "
                    + "running); rebuild once it is done", e);
        }
        switchIn(current, building, old);
        try (PublicArchive rebuilt = PublicArchive.open(current)) {
            return new Result(doneReleases(log).size(), rebuilt.lastRelease(), rebuilt.count());
        }
    }

    private static List<ReleaseRecord> doneReleases(ReleaseLog log) throws IOException {
        List<ReleaseRecord> done = new ArrayList<>();
        for (ReleaseRecord r : log.all()) {
            if (r.state() == ReleaseRecord.State.DONE) {
                done.add(r);
            }
        }
        return done;
    }

    private static void build(Vault vault, ReleaseLog log, Path building, ReleaseListener listener) throws IOException {
        List<ReleaseRecord> done = doneReleases(log);
        PublicRecords records = new PublicRecords(vault);
        try (ArchiveWriter writer = ArchiveWriter.open(building, Releaser.defaultRamBufferMb())) {
            List<PublicRelease> published = new ArrayList<>();
            boolean replacedOrWithdrawn = false;
            for (ReleaseRecord r : done) {
                listener.selected(r);
                long[] handed = {0};
                boolean[] replaced = {false};
                log.items(r.id(), item -> {
                    if (item.republish()) {
                        writer.replace(records.build(item, r.id(), r.time()));
                        replaced[0] = true;
                    } else {
                        writer.add(records.build(item, r.id(), r.time()));
                    }
                    records.takeWarnings().forEach(listener::warning);
                    if (++handed[0] % 1024 == 0) {
                        listener.indexed(handed[0], r.count());
                    }
                });
                List<String> withdrawn = log.withdrawals(r.id());
                for (String id : withdrawn) {
                    writer.delete(id);
                }
                replacedOrWithdrawn |= replaced[0] || !withdrawn.isEmpty();
                listener.indexed(handed[0], r.count());
                published.add(new PublicRelease(r.id(), r.name(), r.time(), r.added(), r.changed(), r.withdrawn()));
                listener.published(r);
            }
            if (replacedOrWithdrawn) {
                // As every release does: no segment of the commit keeps a replaced or withdrawn text.
                listener.expunging();
                writer.expungeDeletes();
            }
            long last = done.isEmpty() ? 0 : done.get(done.size() - 1).id();
            writer.commit(last, vault.status().total(), published, log.withdrawnAfter(last));
        }
    }

    private static void switchIn(Path current, Path building, Path old) throws IOException {
        deleteTree(old);
        if (Files.exists(current)) {
            Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, current, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** A switch a crash interrupted between its two renames: the old archive moved away, the new one whole. */
    private static void finishSwitch(Path current, Path building, Path old) throws IOException {
        if (!Files.exists(current) && Files.isDirectory(old) && Files.isDirectory(building)) {
            Files.move(building, current, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
