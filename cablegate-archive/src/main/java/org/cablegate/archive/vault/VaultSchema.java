package org.cablegate.archive.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of the vault. Times are ISO text to the minute ({@code 2008-06-10T11:11}, UTC), which sorts as time
 * does; lists (tags, addressees) are joined with a newline, which never occurs inside one.
 */
final class VaultSchema {
    /**
     * Bumped when the tables change; an older program refuses a newer vault instead of damaging it. 2: version.cites.
     * 3: redactions, withdrawals, scheduled releases, what each release did to each cable (the public history).
     */
    static final int VERSION = 3;

    /**
     * From schema 2 to 3, in place: a data directory made before the publisher's desk keeps working. Every release
     * made until then published cables, so a cable's first row in release_cable was its first release and any later
     * row a new text.
     */
    private static final String[] TO_3 = {
        "ALTER TABLE cable ADD COLUMN withdrawn TEXT",                  // when it was withdrawn; NULL: it is not
        // 1 when a redaction of a published cable was made or removed since it was last published: the next release
        // publishes it again.
        "ALTER TABLE cable ADD COLUMN redactions_changed INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE release ADD COLUMN added INTEGER NOT NULL DEFAULT 0",      // cables public for the first time
        "ALTER TABLE release ADD COLUMN changed INTEGER NOT NULL DEFAULT 0",    // new texts and redaction changes
        "ALTER TABLE release ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0",
        // What the release did to the cable (a PublicVersion.Kind) and which redactions its public text had.
        "ALTER TABLE release_cable ADD COLUMN kind TEXT NOT NULL DEFAULT 'FIRST_RELEASE'",
        "ALTER TABLE release_cable ADD COLUMN redactions TEXT NOT NULL DEFAULT ''",
        """
        UPDATE release_cable SET kind = 'NEW_TEXT'
        WHERE EXISTS (SELECT 1 FROM release_cable earlier
                      WHERE earlier.cable_id = release_cable.cable_id AND earlier.release_id < release_cable.release_id)""",
        "UPDATE release SET added = (SELECT count(*) FROM release_cable rc WHERE rc.release_id = release.id"
                + " AND rc.kind = 'FIRST_RELEASE'), changed = (SELECT count(*) FROM release_cable rc"
                + " WHERE rc.release_id = release.id AND rc.kind = 'NEW_TEXT')",
        // Spans of text kept out of the public archive. A removed one stays, with who removed it and when: the log of
        // what was ever redacted.
        """
        CREATE TABLE redaction (
          id         INTEGER PRIMARY KEY,               -- the number `cablegate unredact` takes
          cable_id   TEXT NOT NULL,
          kind       TEXT NOT NULL,                     -- a RedactionRule kind: TEXT, EVERY_TEXT, PARAGRAPH, SPAN, SUBJECT
          value      TEXT NOT NULL,                     -- the words, the paragraph number, FROM:TO
          version    INTEGER NOT NULL,                  -- the version whose text it was made on (a span's offsets)
          covered    TEXT NOT NULL,                     -- the words it covered in that text
          reason     TEXT NOT NULL,
          made_by    TEXT NOT NULL,
          made_at    TEXT NOT NULL,                     -- ISO time to the second, UTC
          removed_by TEXT,
          removed_at TEXT
        )""",
        "CREATE INDEX redaction_by_cable ON redaction (cable_id)",
        // Releases asked for a time to come: `cablegate serve` or `cablegate release --due` makes them when due.
        """
        CREATE TABLE scheduled_release (
          id                  INTEGER PRIMARY KEY,
          name                TEXT NOT NULL,
          time                TEXT NOT NULL,            -- when it is due, and the release time it gets
          selection           TEXT NOT NULL,            -- Selection.encode()
          keep_original_times INTEGER NOT NULL,
          requested_at        TEXT NOT NULL,
          state               TEXT NOT NULL CHECK (state IN ('SCHEDULED', 'DONE', 'CANCELLED')),
          release_id          INTEGER                   -- the release it became
        )"""
    };

    /** Schema 2, as every vault began. */
    private static final String[] TABLES = {
        // One row per cable: what the parse of its current version says, plus its release state. Small rows, keyed by id.
        """
        CREATE TABLE cable (
          id                TEXT PRIMARY KEY NOT NULL,  -- reference id as published
          canonical_id      TEXT NOT NULL,              -- corrected id of a malformed one, else = id
          created           TEXT NOT NULL,
          origin            TEXT NOT NULL,
          classification    TEXT NOT NULL,
          tags              TEXT NOT NULL,              -- of the current version, newline-joined
          current_version   INTEGER NOT NULL,
          original_released TEXT,                       -- earliest release time any source carried (site pages)
          released          TEXT,                       -- when it was first published here; NULL: never
          release_id        INTEGER,                    -- the release that first published it
          published_version INTEGER                     -- the version the public archive holds; NULL: none
        ) WITHOUT ROWID""",
        // Every text a cable has had: the source fields as read, the parse of them, and where they came from.
        // A rowid table, as rows are large (the text), appended in import order.
        """
        CREATE TABLE version (
          cable_id       TEXT NOT NULL,
          version        INTEGER NOT NULL,              -- 1, 2, ... per cable
          content_hash   BLOB NOT NULL,                 -- SHA-256 of the source fields (see ContentHash)
          created        TEXT NOT NULL,                 -- source fields, as read
          released       TEXT,
          classification TEXT NOT NULL,
          origin         TEXT NOT NULL,
          header         TEXT NOT NULL,
          body           TEXT NOT NULL,
          format         TEXT NOT NULL,                 -- CSV, SITE_PAGE, PLAIN_TEXT
          location       TEXT NOT NULL,                 -- where it was read: file and row or entry
          canonical_id   TEXT NOT NULL,                 -- the parse, as far as the public archive needs it: the
          parsed_created TEXT NOT NULL,                 -- parser may derive metadata a source lacks (plain text)
          parsed_classification TEXT NOT NULL,
          parsed_origin  TEXT NOT NULL,
          subject        TEXT NOT NULL,
          tags           TEXT NOT NULL,
          sender         TEXT NOT NULL,
          recipients     TEXT NOT NULL,
          cites          TEXT NOT NULL,                 -- ids of the cables its REF lines cite, newline-joined
          parsed         TEXT NOT NULL,                 -- the parse as CableJson, without the texts of the body
          imported_at    TEXT NOT NULL,                 -- start of the import run; bookkeeping, not content
          PRIMARY KEY (cable_id, version)
        )""",
        // The whole set's ids (cable2month.csv): the denominator of "released N / 251,287".
        """
        CREATE TABLE known_id (
          id    TEXT PRIMARY KEY NOT NULL,
          month TEXT NOT NULL                           -- 2008-06
        ) WITHOUT ROWID""",
        // The release log. No AUTOINCREMENT: a rolled-back release's id is given again, so a release that was
        // killed and rerun ends exactly as one that ran through.
        """
        CREATE TABLE release (
          id                  INTEGER PRIMARY KEY,
          name                TEXT NOT NULL,
          time                TEXT NOT NULL,
          selection           TEXT NOT NULL,            -- the selection in words
          keep_original_times INTEGER NOT NULL,
          count               INTEGER NOT NULL,
          state               TEXT NOT NULL CHECK (state IN ('PENDING', 'DONE'))
        )""",
        // What each release published: which version of which cable, with which release time.
        """
        CREATE TABLE release_cable (
          release_id INTEGER NOT NULL,
          cable_id   TEXT NOT NULL,
          version    INTEGER NOT NULL,
          released   TEXT NOT NULL,
          PRIMARY KEY (release_id, cable_id)
        ) WITHOUT ROWID"""
    };

    private VaultSchema() {}

    /** Creates the tables in a new vault, or checks that an existing one is of a version this program knows. */
    static void ensure(Connection db) throws SQLException {
        int found;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            found = rs.getInt(1);
        }
        if (found == VERSION) {
            return;
        }
        if (found > VERSION) {
            throw new SQLException("the vault was written by a newer cablegate (schema " + found + ", this one knows "
                    + VERSION + ")");
        }
        if (found == 1) {
            // Schema 1 lacked the cited ids; no vault of it was ever deployed, so there is no migration to write.
            throw new SQLException("the vault was written by an older cablegate (schema " + found + ", this one knows "
                    + VERSION + "): import its sources again into a new data directory");
        }
        // A new vault is made as schema 2 and migrated like an old one: one path, tested by every test.
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (found == 0) {
                for (String table : TABLES) {
                    s.execute(table);
                }
            }
            for (String step : TO_3) {
                s.execute(step);
            }
            s.execute("PRAGMA user_version = " + VERSION);
            db.commit();
        } catch (SQLException e) {
            try {
                db.rollback();
                db.setAutoCommit(auto);
            } catch (SQLException ended) {
                // SQLite rolled the transaction back itself (a full disk): the error to report is the first.
                e.addSuppressed(ended);
            }
            throw e;
        }
        db.setAutoCommit(auto);
    }
}
