package org.cablegate.archive.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The redactions of the vault. Making or removing one changes nothing public by itself: a cable that is public is
 * marked as changed, and the next release publishes it again with its new public text.
 */
public final class Redactions {
    private static final String COLUMNS =
            "id, cable_id, kind, value, version, covered, reason, made_by, made_at, removed_by, removed_at";

    private final Vault vault;
    private final Connection db;

    Redactions(Vault vault) {
        this.vault = vault;
        this.db = vault.connection();
    }

    /**
     * Stores a batch of redactions, all or none, and marks the public cables among them as changed.
     *
     * @return the stored redactions, with their numbers, in the order given
     */
    public List<Redaction> add(List<Redaction.Request> requests, String by, Instant at) throws VaultException {
        List<Redaction> made = new ArrayList<>();
        String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO redaction (cable_id, kind, value, version,"
                    + " covered, reason, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Redaction.Request r : requests) {
                    insert.setString(1, r.cableId());
                    insert.setString(2, r.kind());
                    insert.setString(3, r.value());
                    insert.setInt(4, r.version());
                    insert.setString(5, r.covered());
                    insert.setString(6, r.reason());
                    insert.setString(7, by);
                    insert.setString(8, when);
                    insert.executeUpdate();
                    long id = vault.count("SELECT last_insert_rowid()");
                    made.add(new Redaction(id, r.cableId(), r.kind(), r.value(), r.version(), r.covered(), r.reason(),
                            by, Instant.parse(when), Optional.empty(), Optional.empty()));
                    markChanged(r.cableId());
                }
            }
            db.commit();
            return made;
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot store the redactions: " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
    }

    /** Removes a redaction (it stays in the log as removed); empty when there is no such active redaction. */
    public Optional<Redaction> remove(long id, String by, Instant at) throws VaultException {
        Optional<Redaction> found = get(id);
        if (found.isEmpty() || !found.get().active()) {
            return Optional.empty();
        }
        String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE redaction SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL")) {
                update.setString(1, by);
                update.setString(2, when);
                update.setLong(3, id);
                update.executeUpdate();
            }
            markChanged(found.get().cableId());
            db.commit();
        } catch (SQLException e) {
            vault.rollbackQuietly();
            throw new VaultException("Cannot remove redaction " + id + ": " + e.getMessage(), e);
        } finally {
            vault.autoCommit();
        }
        return get(id);
    }

    private void markChanged(String cableId) throws SQLException {
        try (PreparedStatement mark = db.prepareStatement(
                "UPDATE cable SET redactions_changed = 1 WHERE id = ? AND published_version IS NOT NULL")) {
            mark.setString(1, cableId);
            mark.executeUpdate();
        }
    }

    public Optional<Redaction> get(long id) throws VaultException {
        List<Redaction> found = query("SELECT " + COLUMNS + " FROM redaction WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** Every redaction of a cable, removed ones included, oldest first. */
    public List<Redaction> of(String cableId) throws VaultException {
        return query("SELECT " + COLUMNS + " FROM redaction WHERE cable_id = ? ORDER BY id", cableId);
    }

    /** Every redaction, removed ones included, by cable then age. */
    public List<Redaction> all() throws VaultException {
        return query("SELECT " + COLUMNS + " FROM redaction ORDER BY cable_id, id");
    }

    private List<Redaction> query(String sql, Object... args) throws VaultException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            List<Redaction> list = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the redactions: " + e.getMessage(), e);
        }
    }

    private static Redaction read(ResultSet rs) throws SQLException {
        String removedAt = rs.getString(11);
        return new Redaction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Instant.parse(rs.getString(9)),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(removedAt).map(Instant::parse));
    }
}
