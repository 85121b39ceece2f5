package org.cablegate.archive.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cablegate.core.ids.IdMonthFile;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.cablegate.core.parse.KnownIds;

/**
 * The publisher's private store: one SQLite file, {@code <data>/vault.db}, holding every cable, every version of its
 * text, the whole set's ids, and the release log. Nothing public reads it; releases copy from it into the public
 * archive.
 *
 * <p>Storage settings, chosen for a bulk-append workload that must survive {@code kill -9} and power cuts: 64 KB
 * pages, rollback journal ({@code journal_mode=DELETE}), {@code synchronous=FULL}; see {@link #open}. The cost of the
 * rollback journal is that a long import transaction may make a concurrent reader ({@code cablegate status}) wait
 * for its commit (up to the busy timeout of 30 s); nothing that serves readers of the public archive reads the vault.
 *
 * <p>Not thread-safe: one thread at a time (the importer writes from the thread that called it).
 */
public final class Vault implements AutoCloseable {
    public static final String FILE_NAME = "vault.db";

    private final Path dataDir;
    private final Connection db;

    private Vault(Path dataDir, Connection db) {
        this.dataDir = dataDir;
        this.db = db;
    }

    /** Opens the vault of a data directory, creating both if needed. */
    public static Vault open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Connection db;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new VaultException("Cannot open the vault " + file + ": " + e.getMessage(), e);
        }
        try {
            try (Statement s = db.createStatement()) {
                // The largest page: a version row (7 KB of text on average) then fits in its leaf page instead of
                // spilling into a half-empty overflow page: a smaller file, and faster (measured: 403 MB and 3.5 s
                // against 471 MB / 406 MB and 7.7 s / 4.3 s with 16 KB / 4 KB pages for 50,000 cables). Takes effect
                // on a new file only.
                s.execute("PRAGMA page_size = 65536");
                // Rollback journal, not WAL: an import appends, and SQLite does not journal pages appended to the
                // file, so the text is written once; WAL writes it twice (log, then checkpoint). A transaction is
                // atomic either way: a killed process leaves a hot journal that the next open rolls back.
                s.execute("PRAGMA journal_mode = DELETE");
                // FULL: a commit is synced before it returns, so even a power cut loses no committed transaction and
                // cannot corrupt the file. Imports commit every 50,000 records, so the syncs cost little.
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA cache_size = -65536");
                s.execute("PRAGMA temp_store = MEMORY");
                s.execute("PRAGMA busy_timeout = 30000");
            }
            VaultSchema.ensure(db);
            return new Vault(dataDir, db);
        } catch (SQLException e) {
            try {
                db.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new VaultException("Cannot open the vault " + file + ": " + e.getMessage(), e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    Connection connection() {
        return db;
    }

    /**
     * Loads {@code REFID,month} for the whole set ({@code cable2month.csv}, plain or .gz). Idempotent: ids already
     * known are kept (their month updated if it changed).
     */
    public IdsImport importIds(Path file) throws IOException {
        long[] counts = new long[2];
        try {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT OR IGNORE INTO known_id (id, month) VALUES (?, ?)");
                    PreparedStatement update = db.prepareStatement(
                            "UPDATE known_id SET month = ? WHERE id = ? AND month <> ?")) {
                List<String> problems = IdMonthFile.read(file, idMonth -> {
                    try {
                        String month = idMonth.month().toString();
                        insert.setString(1, idMonth.id());
                        insert.setString(2, month);
                        counts[0]++;
                        if (insert.executeUpdate() == 1) {
                            counts[1]++;
                        } else {
                            update.setString(1, month);
                            update.setString(2, idMonth.id());
                            update.setString(3, month);
                            update.executeUpdate();
                        }
                    } catch (SQLException e) {
                        throw new UncheckedIOException(new VaultException("Cannot store ids: " + e.getMessage(), e));
                    }
                });
                db.commit();
                return new IdsImport(counts[0], counts[1], problems);
            }
        } catch (UncheckedIOException e) {
            rollbackQuietly();
            throw e.getCause();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new VaultException("Cannot store ids: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Switching back to auto-commit would commit half a file: undo it first.
            rollbackQuietly();
            throw e;
        } finally {
            autoCommit();
        }
    }

    /**
     * The whole set's ids with their months, as {@link #importIds} loaded them ({@link KnownIds#NONE} before): what the
     * parser needs so that a REF without a year never names a cable created after the citing one.
     */
    public KnownIds knownIds() throws VaultException {
        Map<String, Integer> months = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, month FROM known_id")) {
            while (rs.next()) {
                // month is 2008-06: the id carries the year, the parser asks the month.
                String month = rs.getString(2);
                months.put(rs.getString(1), Integer.parseInt(month.substring(month.length() - 2)));
            }
        } catch (SQLException e) {
            throw new VaultException("Cannot read the known ids: " + e.getMessage(), e);
        }
        return months.isEmpty() ? KnownIds.NONE : KnownIds.of(months);
    }

    public VaultStatus status() throws VaultException {
        try {
            long cables = count("SELECT count(*) FROM cable");
            long versions = count("SELECT count(*) FROM version");
            long known = count("SELECT count(*) FROM known_id");
            long unlisted = count("SELECT count(*) FROM cable WHERE id NOT IN (SELECT id FROM known_id)");
            long released = count("SELECT count(*) FROM cable WHERE published_version IS NOT NULL");
            ReleaseLog log = releaseLog();
            return new VaultStatus(cables, versions, known, known + unlisted, released, log.lastDone(), log.pending());
        } catch (SQLException e) {
            throw new VaultException("Cannot read the vault: " + e.getMessage(), e);
        }
    }

    /** The release log, oldest first. */
    public List<ReleaseRecord> releases() throws VaultException {
        return releaseLog().all();
    }

    /** The redactions: what is kept out of the public archive. */
    public Redactions redactions() {
        return new Redactions(this);
    }

    /** Releases asked for a time to come. */
    public ScheduledReleases scheduled() {
        return new ScheduledReleases(this);
    }

    /** What the releaser uses to select, record and finish releases. */
    public ReleaseLog releaseLog() {
        return new ReleaseLog(this);
    }

    public Optional<CableRecord> cable(String id) throws VaultException {
        try (PreparedStatement q = db.prepareStatement("SELECT * FROM cable WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long releaseId = rs.getLong("release_id");
                Optional<Long> release = rs.wasNull() ? Optional.empty() : Optional.of(releaseId);
                int published = rs.getInt("published_version");
                Optional<Integer> publishedVersion = rs.wasNull() ? Optional.empty() : Optional.of(published);
                return Optional.of(new CableRecord(rs.getString("id"), rs.getString("canonical_id"),
                        Columns.time(rs.getString("created")), rs.getString("origin"), rs.getString("classification"),
                        Columns.list(rs.getString("tags")), rs.getInt("current_version"),
                        Columns.optionalTime(rs.getString("original_released")),
                        Columns.optionalTime(rs.getString("released")), release, publishedVersion));
            }
        } catch (SQLException e) {
            throw new VaultException("Cannot read cable " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every stored text of a cable, oldest first. */
    public List<VersionRecord> versions(String id) throws VaultException {
        try (PreparedStatement q = db.prepareStatement("SELECT * FROM version WHERE cable_id = ? ORDER BY version")) {
            q.setString(1, id);
            List<VersionRecord> versions = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    SourceCable source = new SourceCable(rs.getString("cable_id"), Columns.time(rs.getString("created")),
                            Columns.optionalTime(rs.getString("released")), rs.getString("classification"),
                            rs.getString("origin"), rs.getString("header"), rs.getString("body"),
                            SourceFormat.valueOf(rs.getString("format")), rs.getString("location"));
                    versions.add(new VersionRecord(rs.getInt("version"), source,
                            HexFormat.of().formatHex(rs.getBytes("content_hash")), rs.getString("parsed"),
                            Instant.parse(rs.getString("imported_at"))));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the versions of " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * A SHA-256 over the vault's contents: every row of every table, in key order, except the time each version was
     * imported. Two vaults with the same digest hold the same cables, texts, parses, sources, ids and releases. An
     * import that was killed and run again must end with the digest of one that ran through.
     */
    public String digest() throws VaultException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digestTable(sha, "cable", "id", Set.of());
            digestTable(sha, "version", "cable_id, version", Set.of("imported_at"));
            digestTable(sha, "known_id", "id", Set.of());
            digestTable(sha, "release", "id", Set.of());
            digestTable(sha, "release_cable", "release_id, cable_id", Set.of());
            digestTable(sha, "redaction", "id", Set.of());
            digestTable(sha, "scheduled_release", "id", Set.of("requested_at"));
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException e) {
            throw new VaultException("Cannot read the vault: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void digestTable(MessageDigest sha, String table, String order, Set<String> skip) throws SQLException {
        sha.update(table.getBytes(StandardCharsets.UTF_8));
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            while (rs.next()) {
                sha.update((byte) 'R');
                for (int i = 1; i <= columns; i++) {
                    if (skip.contains(meta.getColumnName(i))) {
                        continue;
                    }
                    Object value = rs.getObject(i);
                    byte[] bytes;
                    byte kind;
                    if (value == null) {
                        kind = 'N';
                        bytes = new byte[0];
                    } else if (value instanceof byte[] b) {
                        kind = 'B';
                        bytes = b;
                    } else if (value instanceof Number n) {
                        kind = 'I';
                        bytes = Long.toString(n.longValue()).getBytes(StandardCharsets.US_ASCII);
                    } else {
                        kind = 'T';
                        bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                    }
                    sha.update(kind);
                    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                    sha.update((byte) ':');
                    sha.update(bytes);
                }
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    void rollbackQuietly() {
        try {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is failing already; the error being reported is the one that matters.
        }
    }

    void autoCommit() throws VaultException {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            if (endedBySqlite(e)) {
                return;
            }
            throw new VaultException("Cannot finish a vault transaction: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a transaction's end failed because SQLite had ended it already: a statement that fails for a full disk
     * (SQLITE_FULL) or an I/O error rolls the whole transaction back, and the error of that statement, which the
     * caller is reporting, is the one that matters. Without this the finishing step's "cannot commit - no transaction
     * is active" replaced it (issue 13: a full disk read as an SQL error).
     */
    static boolean endedBySqlite(SQLException e) {
        return String.valueOf(e.getMessage()).contains("no transaction is active");
    }

    @Override
    public void close() throws VaultException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new VaultException("Cannot close the vault: " + e.getMessage(), e);
        }
    }
}
