package org.cablegate.archive.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cablegate.core.model.SourceCable;

/**
 * Writes parsed records into the vault in large transactions, deciding for each whether it is a new cable, a new
 * version, or text the vault already has.
 *
 * <p>Idempotence: a record is "unchanged" when its content hash equals that of any stored version of its cable, not
 * only the current one. Running an import again therefore changes nothing, even when one source holds two texts of
 * one id, and even after a crash that committed the second text but not the first: the rerun finds both. Re-importing
 * an old file after a correction does not silently revert the correction either. The original release time is the
 * earliest any source carried, so the order in which sources (or a rerun) deliver it does not matter.
 *
 * <p>The state of every cable (versions' hashes, original release time) is loaded once at the start and kept up to
 * date in memory, so deciding costs no query per record, and parse threads can skip parsing texts already stored.
 */
final class ImportWriter implements AutoCloseable {
    /** Written by the writer thread only; {@code hashes} is also read by parse threads, hence copy-on-write. */
    private static final class State {
        int version;
        volatile byte[][] hashes = new byte[0][];
        String originalReleased;

        void add(byte[] hash) {
            byte[][] more = Arrays.copyOf(hashes, hashes.length + 1);
            more[hashes.length] = hash;
            hashes = more;
        }

        boolean has(byte[] hash) {
            for (byte[] h : hashes) {
                if (Arrays.equals(h, hash)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Vault vault;
    private final Connection db;
    private final String importedAt;
    private final int commitRecords;
    private final long commitChars;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final PreparedStatement insertVersion;
    private final PreparedStatement insertCable;
    private final PreparedStatement updateCable;
    private final PreparedStatement updateReleased;
    private long imported;
    private long unchanged;
    private long newVersions;
    private int pendingRecords;
    private long pendingChars;

    ImportWriter(Vault vault, String importedAt, int commitRecords, long commitChars) throws SQLException {
        this.vault = vault;
        this.db = vault.connection();
        this.importedAt = importedAt;
        this.commitRecords = commitRecords;
        this.commitChars = commitChars;
        loadStates();
        insertVersion = db.prepareStatement("""
                INSERT INTO version (cable_id, version, content_hash, created, released, classification, origin, header,
                                     body, format, location, canonical_id, parsed_created, parsed_classification,
                                     parsed_origin, subject, tags, sender, recipients, cites, parsed, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        insertCable = db.prepareStatement("""
                INSERT INTO cable (id, canonical_id, created, origin, classification, tags, current_version,
                                   original_released)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        updateCable = db.prepareStatement("""
                UPDATE cable SET canonical_id = ?, created = ?, origin = ?, classification = ?, tags = ?,
                                 current_version = ?, original_released = ?
                WHERE id = ?""");
        updateReleased = db.prepareStatement("UPDATE cable SET original_released = ? WHERE id = ?");
        db.setAutoCommit(false);
    }

    private void loadStates() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT v.cable_id, v.content_hash, c.current_version, c.original_released
                        FROM version v JOIN cable c ON c.id = v.cable_id""")) {
            while (rs.next()) {
                State state = states.computeIfAbsent(rs.getString(1), id -> new State());
                state.add(rs.getBytes(2));
                state.version = rs.getInt(3);
                state.originalReleased = rs.getString(4);
            }
        }
    }

    /**
     * Whether the vault holds this text of this cable already: then it needs no parsing. Thread-safe, for the parse
     * threads; what it says stays true (texts are only ever added).
     */
    boolean knows(String id, byte[] hash) {
        State state = states.get(id);
        return state != null && state.has(hash);
    }

    /** A text {@link #knows known} to be stored: at most its original release time changes. */
    void writeKnown(SourceCable s) throws SQLException {
        State state = states.get(s.id());
        String released = Columns.time(s.released());
        String earliest = Columns.earlier(state.originalReleased, released);
        if (earliest != null && !earliest.equals(state.originalReleased)) {
            state.originalReleased = earliest;
            updateReleased.setString(1, earliest);
            updateReleased.setString(2, s.id());
            updateReleased.executeUpdate();
        }
        unchanged++;
        pendingRecords++;
    }

    void write(ParsedCable p) throws SQLException {
        SourceCable s = p.source();
        String released = Columns.time(s.released());
        State state = states.get(s.id());
        if (state == null) {
            state = new State();
            state.version = 1;
            state.add(p.hash());
            state.originalReleased = released;
            states.put(s.id(), state);
            insertVersion(p, 1);
            insertCable.setString(1, s.id());
            insertCable.setString(2, p.canonicalId());
            insertCable.setString(3, Columns.time(p.created()));
            insertCable.setString(4, p.origin());
            insertCable.setString(5, p.classification());
            insertCable.setString(6, Columns.list(p.tags()));
            insertCable.setInt(7, 1);
            insertCable.setString(8, released);
            insertCable.executeUpdate();
            imported++;
        } else if (state.has(p.hash())) {
            writeKnown(s);
            return;
        } else {
            state.version++;
            state.add(p.hash());
            state.originalReleased = Columns.earlier(state.originalReleased, released);
            insertVersion(p, state.version);
            updateCable.setString(1, p.canonicalId());
            updateCable.setString(2, Columns.time(p.created()));
            updateCable.setString(3, p.origin());
            updateCable.setString(4, p.classification());
            updateCable.setString(5, Columns.list(p.tags()));
            updateCable.setInt(6, state.version);
            updateCable.setString(7, state.originalReleased);
            updateCable.setString(8, s.id());
            updateCable.executeUpdate();
            newVersions++;
        }
        pendingRecords++;
        pendingChars += s.header().length() + s.body().length();
    }

    private void insertVersion(ParsedCable p, int version) throws SQLException {
        SourceCable s = p.source();
        PreparedStatement v = insertVersion;
        v.setString(1, s.id());
        v.setInt(2, version);
        v.setBytes(3, p.hash());
        v.setString(4, Columns.time(s.created()));
        v.setString(5, Columns.time(s.released()));
        v.setString(6, s.classification());
        v.setString(7, s.origin());
        v.setString(8, s.header());
        v.setString(9, s.body());
        v.setString(10, s.format().name());
        v.setString(11, s.location());
        v.setString(12, p.canonicalId());
        v.setString(13, Columns.time(p.created()));
        v.setString(14, p.classification());
        v.setString(15, p.origin());
        v.setString(16, p.subject());
        v.setString(17, Columns.list(p.tags()));
        v.setString(18, p.from());
        v.setString(19, Columns.list(p.to()));
        v.setString(20, Columns.list(p.cites()));
        v.setString(21, p.parsedJson());
        v.setString(22, importedAt);
        v.executeUpdate();
    }

    boolean commitDue() {
        return pendingRecords >= commitRecords || pendingChars >= commitChars;
    }

    void commit() throws SQLException {
        db.commit();
        pendingRecords = 0;
        pendingChars = 0;
    }

    void rollback() {
        vault.rollbackQuietly();
    }

    long imported() {
        return imported;
    }

    long unchanged() {
        return unchanged;
    }

    long newVersions() {
        return newVersions;
    }

    @Override
    public void close() throws VaultException {
        try {
            insertVersion.close();
            insertCable.close();
            updateCable.close();
            updateReleased.close();
        } catch (SQLException e) {
            throw new VaultException("Cannot close vault statements: " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }
}
