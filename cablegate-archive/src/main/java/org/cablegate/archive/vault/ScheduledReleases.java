package org.cablegate.archive.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Releases asked for a time to come ({@code cablegate release --at TIME} with a time in the future). Nothing is
 * selected until the release is made: a scheduled release publishes what its selection holds when it is due.
 * {@code cablegate serve} makes due ones by itself; {@code cablegate release --due} does for a cron job.
 */
public final class ScheduledReleases {
    private static final String COLUMNS = "id, name, time, selection, keep_original_times, state, release_id";

    private final Vault vault;
    private final Connection db;

    ScheduledReleases(Vault vault) {
        this.vault = vault;
        this.db = vault.connection();
    }

    /**
     * A release asked for a time to come.
     *
     * @param release the release it became, once made (empty also when it was due but selected nothing)
     */
    public record Scheduled(long id, String name, LocalDateTime time, Selection selection, boolean keepOriginalTimes,
            State state, Optional<Long> release) {
        public enum State {
            SCHEDULED,
            DONE,
            CANCELLED
        }

        public Scheduled {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(release, "release");
        }
    }

    public Scheduled add(String name, LocalDateTime time, Selection selection, boolean keepOriginalTimes)
            throws VaultException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO scheduled_release (name, time, selection,"
                + " keep_original_times, requested_at, state) VALUES (?, ?, ?, ?, ?, 'SCHEDULED')")) {
            insert.setString(1, name);
            insert.setString(2, Columns.time(time));
            insert.setString(3, selection.encode());
            insert.setInt(4, keepOriginalTimes ? 1 : 0);
            insert.setString(5, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            insert.executeUpdate();
            long id = vault.count("SELECT last_insert_rowid()");
            return new Scheduled(id, name, time, selection, keepOriginalTimes, Scheduled.State.SCHEDULED,
                    Optional.empty());
        } catch (SQLException e) {
            throw new VaultException("Cannot schedule the release: " + e.getMessage(), e);
        }
    }

    /** Every scheduled release, done and cancelled ones included, by time. */
    public List<Scheduled> all() throws VaultException {
        return query("SELECT " + COLUMNS + " FROM scheduled_release ORDER BY time, id");
    }

    /** The releases still to make whose time has come, oldest first. */
    public List<Scheduled> due(LocalDateTime now) throws VaultException {
        return query("SELECT " + COLUMNS + " FROM scheduled_release WHERE state = 'SCHEDULED' AND time <= ?"
                + " ORDER BY time, id", Columns.time(now));
    }

    /** Records that a scheduled release was made (as {@code release}, or found nothing to publish). */
    public void done(long id, Optional<Long> release) throws VaultException {
        update("UPDATE scheduled_release SET state = 'DONE', release_id = ? WHERE id = ? AND state = 'SCHEDULED'",
                release.orElse(null), id);
    }

    /** Cancels a release still to make; false when there is no such scheduled release. */
    public boolean cancel(long id) throws VaultException {
        return update("UPDATE scheduled_release SET state = 'CANCELLED' WHERE id = ? AND state = 'SCHEDULED'", id) == 1;
    }

    private int update(String sql, Object... args) throws VaultException {
        try (PreparedStatement u = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                u.setObject(i + 1, args[i]);
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new VaultException("Cannot update the scheduled releases: " + e.getMessage(), e);
        }
    }

    private List<Scheduled> query(String sql, Object... args) throws VaultException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            List<Scheduled> list = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long release = rs.getLong(7);
                    list.add(new Scheduled(rs.getLong(1), rs.getString(2), Columns.time(rs.getString(3)),
                            Selection.decode(rs.getString(4)), rs.getInt(5) != 0,
                            Scheduled.State.valueOf(rs.getString(6)), rs.wasNull() ? Optional.empty() : Optional.of(release)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new VaultException("Cannot read the scheduled releases: " + e.getMessage(), e);
        }
    }
}
