-- Switchboard schema, version 1.
--
-- Migration convention (read before adding one):
--   * Files live in the module that owns the tables, under src/main/resources/db/migration, named
--     V<n>__<what_it_does>.sql with <n> a whole number one above the highest existing version
--     across all modules (V2__city_incidents.sql, V3__calltaking_transcripts.sql, ...). Flyway
--     scans db/migration on the whole classpath, so every module's scripts join one sequence.
--   * A migration that has been committed is never edited, only followed by a new one; Flyway
--     refuses to start on a checksum mismatch.
--   * Each script runs in one transaction (SQLite DDL is transactional); a failure leaves the
--     database at the previous version. No PRAGMA statements in migrations: connection settings
--     belong to dev.switchboard.store.Database.
--   * Tables are STRICT; instants are INTEGER epoch milliseconds (UTC) named *_at or *_ms.
--   * event_log is append-only and hash-chained: never add UPDATE or DELETE paths to it, and never
--     add columns that take part in the hash (see dev.switchboard.store.eventlog.ChainHash).

-- The memory of every training session and of the audit trail. One chain per session_id:
-- seq starts at 1, prev_hash of seq 1 is 32 zero bytes, hash = SHA-256(prev_hash || fields).
CREATE TABLE event_log (
    id           INTEGER PRIMARY KEY,
    session_id   TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    sim_time_ms  INTEGER NOT NULL,
    wall_time_ms INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    prev_hash    BLOB    NOT NULL CHECK (length(prev_hash) = 32),
    hash         BLOB    NOT NULL CHECK (length(hash) = 32),
    UNIQUE (session_id, seq)
) STRICT;

CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN
    SELECT RAISE(ABORT, 'event_log is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN
    SELECT RAISE(ABORT, 'event_log is append-only: DELETE is not allowed');
END;

-- Local accounts. Passwords only as Argon2id PHC strings.
CREATE TABLE account (
    id                  TEXT    PRIMARY KEY,
    username            TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    display_name        TEXT    NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('TRAINEE', 'SUPERVISOR', 'INSTRUCTOR')),
    active              INTEGER NOT NULL CHECK (active IN (0, 1)),
    password_hash       TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL,
    failed_logons       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    last_logon_at       INTEGER
) STRICT;

-- Workstation settings as text, typed by dev.switchboard.core.settings.Setting.
CREATE TABLE setting (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- The catalogue of training sessions shown on the Home screen; what happened is in event_log.
CREATE TABLE training_session (
    id           TEXT    PRIMARY KEY,
    trainee_id   TEXT    NOT NULL,
    trainee_name TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER,
    status       TEXT    NOT NULL,
    score        REAL
) STRICT;

CREATE INDEX training_session_started ON training_session (started_at DESC);
CREATE INDEX training_session_trainee_started ON training_session (trainee_id, started_at DESC);
