package org.cablegate.archive.vault;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.index.WithdrawnCable;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;

/**
 * The release tables of the vault, as the releaser drives them. A release goes through three steps, each one vault
 * transaction, with the public archive's commit between the second and the third:
 * <ol>
 *   <li>{@link #begin}: the selection is resolved and recorded as a PENDING release with its cables and their times;
 *   <li>{@link #items}: the releaser reads those cables and indexes them, then commits the index with the release id;
 *   <li>{@link #complete}: the release is marked DONE and its cables as published.
 * </ol>
 * If the process dies between the steps, the releaser finds the PENDING release when it next opens and either
 * completes it (the index commit carries its id) or {@link #discard discards} it (the index never saw it).
 */
public final class ReleaseLog {
    private static final String COLUMNS =
            "id, name, time, selection, keep_original_times, count, state, added, changed, withdrawn";

    private final Vault vault;
    private final Connection db;

    ReleaseLog(Vault vault) {
        this.vault = vault;
        this.db = vault.connection();
    }

    /** Receives the cables of a release. */
    public interface ItemSink {
        void accept(ReleaseItem item) throws IOException;
    }

    public List<ReleaseRecord> all() throws VaultException {
        return query("SELECT " + COLUMNS + " FROM release ORDER BY id");
    }

    public Optional<ReleaseRecord> pending() throws VaultException {
        return query("SELECT " + COLUMNS + " FROM release WHERE state = 'PENDING' ORDER BY id").stream().findFirst();
    }

    public Optional<ReleaseRecord> lastDone() throws VaultException {
        return query("SELECT " + COLUMNS + " FROM release WHERE state = 'DONE' ORDER BY id DESC LIMIT 1").stream()
                .findFirst();
    }

    /** The release time a selected cable gets: its first release time if it had one, else its source's, else now. */
    private static final String RELEASED = """
            CASE WHEN c.released IS NOT NULL THEN c.released
                 WHEN ? AND c.original_released IS NOT NULL THEN c.original_released
                 ELSE ? END""";
    /** What publishing a selected cable changes in public: a {@code PublicVersion.Kind}. */
    private static final String KIND = """
            CASE WHEN c.published_version IS NULL AND c.withdrawn IS NOT NULL THEN 'RELEASED_AGAIN'
                 WHEN c.published_version IS NULL THEN 'FIRST_RELEASE'
                 WHEN c.published_version <> c.current_version THEN 'NEW_TEXT'
                 ELSE 'REDACTION_CHANGED' END""";
    /** The numbers of the redactions in force for a cable, newline-joined in order; empty: none. */
    private static final String REDACTIONS = redactionsInForce("c.id");
    /** The numbers of the redactions in force on the cable {@code cableId} names, one a line: what its text gets. */
    private static String redactionsInForce(String cableId) {
        return "coalesce((SELECT group_concat(r.id, char(10)) FROM (SELECT id FROM redaction WHERE cable_id = "
                + cableId + " AND removed_at IS NULL ORDER BY id) r), '')";
    }

    private static final String INSERT_SELECTED = "INSERT OR IGNORE INTO release_cable (release_id, cable_id, version,"
            + " released, kind, redactions) SELECT ?, c.id, c.current_version, " + RELEASED + ", " + KIND + ", "
            + REDACTIONS + " FROM cable c";

    /**
     * Resolves the selection and records it as a PENDING release; empty when it selects nothing (then nothing is
     * recorded). Besides what it selects, every release takes the public cables whose redactions changed since they
     * were published; {@link Selection#withChangesOnly()} takes those and the new texts of public cables. A withdrawn cable is selected only by its id. Each cable
     * gets its release time here: the time it was first released if it was (a new version keeps it), else its
     * source's original time if {@code keepOriginalTimes} and it has one, else {@code time}.
     */
    public Optional<ReleaseRecord> begin(String name, LocalDateTime time, Selection selection, boolean keepOriginalTimes)
            throws VaultException {
        requireNoPending();
        try {
            db.setAutoCommit(false);
            long id = nextId();
            int count = select(id, time, selection, keepOriginalTimes);
            if (count == 0) {
                db.rollback();
                return Optional.empty();
            }
            ReleaseRecord record = new ReleaseRecord(id, name, time, selection.describe(), keepOriginalTimes, count,
                    ReleaseRecord.State.PENDING, 0, 0, 0);
            insert(record);
            db.commit();
            return Optional.of(record);
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot record the release: " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }

    /**
     * What {@link #begin} would publish, without recording anything: {@code release --dry-run}. The selection is
     * resolved in a transaction that is rolled back.
     */
    public ReleasePreview preview(LocalDateTime time, Selection selection, boolean keepOriginalTimes)
            throws VaultException {
        try {
            db.setAutoCommit(false);
            long id = nextId();
            int count = select(id, time, selection, keepOriginalTimes);
            ReleasePreview preview = new ReleasePreview(count,
                    tally(id, "rc.kind"), tally(id, "c.origin"), tally(id, "c.classification"),
                    tally(id, "substr(c.created, 1, 4)"),
                    ids(id, "rc.kind IN ('FIRST_RELEASE', 'RELEASED_AGAIN')"), ids(id, "rc.redactions <> ''"));
            db.rollback();
            return preview;
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot preview the release: " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }

    private SortedMap<String, Long> tally(long releaseId, String expression) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT " + expression + ", count(*) FROM release_cable rc"
                + " JOIN cable c ON c.id = rc.cable_id WHERE rc.release_id = ? GROUP BY 1")) {
            q.setLong(1, releaseId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private List<String> ids(long releaseId, String condition) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT rc.cable_id FROM release_cable rc JOIN cable c"
                + " ON c.id = rc.cable_id WHERE rc.release_id = ? AND " + condition + " ORDER BY c.created, c.id")) {
            q.setLong(1, releaseId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Inserts the selected cables and the pending changes as rows of release {@code id}; returns how many. */
    private int select(long id, LocalDateTime time, Selection selection, boolean keepOriginalTimes) throws SQLException {
        int count = 0;
        if (selection.selectsCables()) {
            StringBuilder sql = new StringBuilder(INSERT_SELECTED).append(
                    " WHERE (c.published_version IS NULL OR c.published_version <> c.current_version"
                            + " OR c.redactions_changed)");
            List<Object> args = new ArrayList<>(List.of(id, keepOriginalTimes ? 1 : 0, Columns.time(time)));
            conditions(selection, sql, args);
            sql.append(" ORDER BY c.created, c.id");
            if (selection.limit().isPresent()) {
                sql.append(" LIMIT ?");
                args.add(selection.limit().getAsInt());
            }
            count += update(sql.toString(), args);
        }
        // Changed redactions of public cables go out with every release: a redaction protects someone. New texts of
        // public cables follow the selection (a changes-only selection takes them all).
        count += update(INSERT_SELECTED + " WHERE c.published_version IS NOT NULL AND (c.redactions_changed"
                + (selection.changesOnly() ? " OR c.published_version <> c.current_version)" : ")"),
                List.of(id, keepOriginalTimes ? 1 : 0, Columns.time(time)));
        return count;
    }

    /** The selection's conditions on a cable {@code c}, appended to a WHERE clause: one place for both uses. */
    private void conditions(Selection selection, StringBuilder sql, List<Object> args) throws SQLException {
        if (selection.unreleasedOnly()) {
            sql.append(" AND c.published_version IS NULL AND c.withdrawn IS NULL");
        }
        if (selection.origin().isPresent()) {
            sql.append(" AND c.origin = ? COLLATE NOCASE");
            args.add(selection.origin().get());
        }
        if (selection.tag().isPresent()) {
            sql.append(" AND instr(char(10) || upper(c.tags) || char(10), char(10) || upper(?) || char(10)) > 0");
            args.add(selection.tag().get());
        }
        if (selection.createdBefore().isPresent()) {
            sql.append(" AND c.created < ?");
            args.add(Columns.time(selection.createdBefore().get().atStartOfDay()));
        }
        if (selection.ids().isPresent()) {
            fillSelectedIds(selection.ids().get());
            sql.append(" AND (c.id IN (SELECT id FROM temp.selected_id) OR c.canonical_id IN (SELECT id FROM temp.selected_id))");
        } else {
            // A withdrawn cable comes back only when the publisher names it.
            sql.append(" AND c.withdrawn IS NULL");
        }
    }

    /**
     * How many cables of the vault the selection's conditions match, public or not (its limit aside): tells a release
     * that found nothing to publish because nothing matched ({@code --origin Nowhere}, a typo) from one whose cables
     * are all public already (issue 12, finding 10: both said "every selected cable is already public").
     */
    public long matching(Selection selection) throws VaultException {
        try {
            StringBuilder sql = new StringBuilder("SELECT count(*) FROM cable c WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            // Public cables count too: that is the question. The limit and --unreleased-only narrow what is published, not
            // what matches.
            conditions(new Selection(selection.ids(), selection.origin(), selection.tag(), selection.createdBefore(),
                    OptionalInt.empty(), false, false), sql, args);
            try (PreparedStatement q = db.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    q.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new VaultException("Cannot count the cables that match " + selection.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private int update(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                insert.setObject(i + 1, args.get(i));
            }
            return insert.executeUpdate();
        }
    }

    /**
     * Records the withdrawal of the public cables among {@code ids} (published or corrected ids) as a PENDING release;
     * empty when none of them is public. The reason goes into the log (the release's selection), never into the public
     * archive.
     */
    public Optional<ReleaseRecord> beginWithdrawal(String name, LocalDateTime time, Set<String> ids, String reason)
            throws VaultException {
        requireNoPending();
        try {
            db.setAutoCommit(false);
            long id = nextId();
            fillSelectedIds(ids);
            int count = update("""
                    INSERT INTO release_cable (release_id, cable_id, version, released, kind, redactions)
                    SELECT ?, c.id, c.published_version, c.released, 'WITHDRAWN', '' FROM cable c
                    WHERE c.published_version IS NOT NULL
                      AND (c.id IN (SELECT id FROM temp.selected_id) OR c.canonical_id IN (SELECT id FROM temp.selected_id))""",
                    List.of(id));
            if (count == 0) {
                db.rollback();
                return Optional.empty();
            }
            ReleaseRecord record = new ReleaseRecord(id, name, time, "withdrawal of " + count
                    + (count == 1 ? " cable: " : " cables: ") + reason, false, count, ReleaseRecord.State.PENDING, 0, 0, 0);
            insert(record);
            db.commit();
            return Optional.of(record);
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot record the withdrawal: " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }

    private void requireNoPending() throws VaultException {
        Optional<ReleaseRecord> pending = pending();
        if (pending.isPresent()) {
            throw new VaultException("Release " + pending.get().id() + " is still pending; the releaser finishes or "
                    + "rolls it back when it opens");
        }
    }

    private long nextId() throws SQLException {
        return vault.count("SELECT coalesce(max(id), 0) + 1 FROM release");
    }

    private void insert(ReleaseRecord record) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO release (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, record.id());
            insert.setString(2, record.name());
            insert.setString(3, Columns.time(record.time()));
            insert.setString(4, record.selection());
            insert.setInt(5, record.keepOriginalTimes() ? 1 : 0);
            insert.setLong(6, record.count());
            insert.setString(7, record.state().name());
            insert.setLong(8, record.added());
            insert.setLong(9, record.changed());
            insert.setLong(10, record.withdrawn());
            insert.executeUpdate();
        }
    }

    private void fillSelectedIds(Set<String> ids) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS selected_id (id TEXT PRIMARY KEY) WITHOUT ROWID");
            s.execute("DELETE FROM temp.selected_id");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT OR IGNORE INTO temp.selected_id (id) VALUES (?)")) {
            for (String id : ids) {
                insert.setString(1, id.trim());
                insert.executeUpdate();
            }
        }
    }

    /**
     * Streams the cables a release publishes (not those it withdraws), with the text of the version it publishes,
     * newest first as far as cheaply possible. A release of a large part of the vault reads the texts backwards in the
     * order they lie in the file (a sequential read of gigabytes; sources list cables oldest first, so this is about
     * newest first); a small one looks its cables up and sorts them.
     *
     * <p>Why newest first: a search sorted newest first can then stop after the first page's worth of hits in each
     * segment, and one sorted oldest first skips ahead on the date points; in the other order a newest-first search
     * visits every hit (measured: 4 ms instead of 0.1 ms for all 251,287 cables).
     */
    public void items(long releaseId, ItemSink sink) throws IOException {
        String columns = """
                SELECT v.cable_id, v.canonical_id, v.version, v.parsed_created, rc.released, v.parsed_classification,
                       v.parsed_origin, v.subject, v.tags, v.sender, v.recipients, v.cites, v.header, v.body,
                       rc.kind, rc.redactions, v.created, v.released, v.classification, v.origin, v.format, v.location""";
        try {
            long count = vault.count("SELECT count(*) FROM release_cable WHERE release_id = " + releaseId);
            long versions = vault.count("SELECT count(*) FROM version");
            // CROSS JOIN makes SQLite loop over its left table: the whole version table in file order.
            String sql = count * 4 > versions
                    ? columns + """

                            FROM version v
                            CROSS JOIN release_cable rc ON rc.release_id = ? AND rc.cable_id = v.cable_id
                                                        AND rc.version = v.version AND rc.kind <> 'WITHDRAWN'
                            ORDER BY v.rowid DESC"""
                    : columns + """

                            FROM release_cable rc
                            JOIN version v ON v.cable_id = rc.cable_id AND v.version = rc.version
                            WHERE rc.release_id = ? AND rc.kind <> 'WITHDRAWN'
                            ORDER BY v.parsed_created DESC""";
            try (PreparedStatement q = db.prepareStatement(sql)) {
                q.setLong(1, releaseId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        PublicCable unredacted = new PublicCable(rs.getString(1), rs.getString(2), rs.getInt(3),
                                Columns.time(rs.getString(4)), Columns.time(rs.getString(5)), rs.getString(6),
                                rs.getString(7), rs.getString(8), Columns.list(rs.getString(9)), rs.getString(10),
                                Columns.list(rs.getString(11)), Columns.list(rs.getString(12)), rs.getString(13),
                                rs.getString(14), List.of());
                        SourceCable text = new SourceCable(rs.getString(1), Columns.time(rs.getString(17)),
                                Columns.optionalTime(rs.getString(18)), rs.getString(19), rs.getString(20),
                                rs.getString(13), rs.getString(14), SourceFormat.valueOf(rs.getString(21)),
                                rs.getString(22));
                        sink.accept(new ReleaseItem(unredacted, text, PublicVersion.Kind.valueOf(rs.getString(15)),
                                numbers(rs.getString(16))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new VaultException("Cannot read release " + releaseId + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> numbers(String column) {
        return Columns.list(column).stream().map(Long::valueOf).toList();
    }

    /** The ids a release withdraws. */
    public List<String> withdrawals(long releaseId) throws VaultException {
        try {
            return ids(releaseId, "rc.kind = 'WITHDRAWN'");
        } catch (SQLException e) {
            throw new VaultException("Cannot read release " + releaseId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The public changes of a cable made by finished releases before {@code beforeRelease}, oldest first: what its
     * history page shows besides the change being made now.
     */
    public List<PublicChange> history(String cableId, long beforeRelease) throws VaultException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT rc.release_id, CASE WHEN rc.kind = 'FIRST_RELEASE' THEN rc.released ELSE r.time END,
                       rc.kind, rc.version, rc.redactions
                FROM release_cable rc JOIN release r ON r.id = rc.release_id
                WHERE rc.cable_id = ? AND rc.release_id < ? AND r.state = 'DONE'
                ORDER BY rc.release_id""")) {
            q.setString(1, cableId);
            q.setLong(2, beforeRelease);
            List<PublicChange> changes = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(new PublicChange(rs.getLong(1), Columns.time(rs.getString(2)),
                            PublicVersion.Kind.valueOf(rs.getString(3)), rs.getInt(4), numbers(rs.getString(5))));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the history of " + cableId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cables that are withdrawn once release {@code releaseId} is published: those withdrawn before and not
     * released again by it, and those it withdraws.
     */
    public List<WithdrawnCable> withdrawnAfter(long releaseId) throws VaultException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT c.id, c.created, c.withdrawn FROM cable c
                WHERE c.withdrawn IS NOT NULL AND c.id NOT IN
                      (SELECT cable_id FROM release_cable WHERE release_id = ? AND kind <> 'WITHDRAWN')
                UNION ALL
                SELECT c.id, c.created, r.time FROM release_cable rc
                JOIN cable c ON c.id = rc.cable_id JOIN release r ON r.id = rc.release_id
                WHERE rc.release_id = ? AND rc.kind = 'WITHDRAWN' AND c.withdrawn IS NULL
                ORDER BY 1""")) {
            q.setLong(1, releaseId);
            q.setLong(2, releaseId);
            List<WithdrawnCable> list = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    list.add(new WithdrawnCable(rs.getString(1), Columns.time(rs.getString(2)),
                            Columns.time(rs.getString(3))));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the withdrawn cables: " + e.getMessage(), e);
        }
    }

    /** What a release adds, changes and withdraws, counted from its rows: {added, changed, withdrawn}. */
    public long[] counts(long releaseId) throws VaultException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT coalesce(sum(kind IN ('FIRST_RELEASE', 'RELEASED_AGAIN')), 0),
                       coalesce(sum(kind IN ('NEW_TEXT', 'REDACTION_CHANGED')), 0),
                       coalesce(sum(kind = 'WITHDRAWN'), 0)
                FROM release_cable WHERE release_id = ?""")) {
            q.setLong(1, releaseId);
            try (ResultSet rs = q.executeQuery()) {
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        } catch (SQLException e) {
            throw new VaultException("Cannot count release " + releaseId + ": " + e.getMessage(), e);
        }
    }

    /** Marks a pending release DONE, its cables published or withdrawn, and its counts. Idempotent. */
    public void complete(long releaseId) throws VaultException {
        inOneTransaction(releaseId, "finish", """
                UPDATE cable SET released = coalesce(cable.released, rc.released),
                                 release_id = coalesce(cable.release_id, rc.release_id),
                                 published_version = CASE WHEN rc.kind = 'WITHDRAWN' THEN NULL ELSE rc.version END,
                                 withdrawn = CASE WHEN rc.kind = 'WITHDRAWN'
                                                  THEN (SELECT time FROM release WHERE id = rc.release_id) END,
                                 -- A redaction made or removed after the release selected the cable is not in
                                 -- what it published: the mark stays for the next release to publish it.
                                 redactions_changed = CASE WHEN rc.kind = 'WITHDRAWN'
                                                             OR rc.redactions = """ + redactionsInForce("cable.id") + """
                                                           THEN 0 ELSE 1 END
                FROM release_cable rc
                WHERE rc.release_id = ? AND rc.cable_id = cable.id""",
                """
                UPDATE release SET state = 'DONE',
                  added = (SELECT count(*) FROM release_cable rc WHERE rc.release_id = release.id
                           AND rc.kind IN ('FIRST_RELEASE', 'RELEASED_AGAIN')),
                  changed = (SELECT count(*) FROM release_cable rc WHERE rc.release_id = release.id
                             AND rc.kind IN ('NEW_TEXT', 'REDACTION_CHANGED')),
                  withdrawn = (SELECT count(*) FROM release_cable rc WHERE rc.release_id = release.id
                               AND rc.kind = 'WITHDRAWN')
                WHERE id = ? AND state = 'PENDING'""");
    }

    /** Forgets a pending release that never reached the public archive. */
    public void discard(long releaseId) throws VaultException {
        inOneTransaction(releaseId, "roll back", "DELETE FROM release_cable WHERE release_id = ?",
                "DELETE FROM release WHERE id = ? AND state = 'PENDING'");
    }

    /** Runs statements whose one parameter is the release id, all or none. */
    private void inOneTransaction(long releaseId, String what, String... statements) throws VaultException {
        try {
            db.setAutoCommit(false);
            for (String sql : statements) {
                try (PreparedStatement statement = db.prepareStatement(sql)) {
                    statement.setLong(1, releaseId);
                    statement.executeUpdate();
                }
            }
            db.commit();
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot " + what + " release " + releaseId + ": " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }

    private List<ReleaseRecord> query(String sql) throws VaultException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<ReleaseRecord> records = new ArrayList<>();
            while (rs.next()) {
                records.add(new ReleaseRecord(rs.getLong(1), rs.getString(2), Columns.time(rs.getString(3)),
                        rs.getString(4), rs.getInt(5) != 0, rs.getLong(6), ReleaseRecord.State.valueOf(rs.getString(7)),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
            return records;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the release log: " + e.getMessage(), e);
        }
    }
}
