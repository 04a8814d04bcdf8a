-- PostgreSQL twin of db/migration/V5__recordings.sql: the same tables with PostgreSQL's types (BIGINT for SQLite's
-- 64-bit INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB, identity columns for INTEGER PRIMARY KEY).
-- Keep it in step with the SQLite script; PostgresMigrationsTest checks every version has a twin.

-- Audio recordings of training sessions. The WAV files live under <data>/recordings; this table says which
-- session they belong to and, once a recording is closed, its length and SHA-256 so tampering shows.
CREATE TABLE recording (
    session_id   TEXT    NOT NULL,
    file         TEXT    NOT NULL,             -- relative to the recordings folder, '/'-separated
    kind         TEXT    NOT NULL,             -- e.g. 'call-audio'
    sample_rate  BIGINT  NOT NULL,
    channels     BIGINT  NOT NULL,
    started_at   BIGINT  NOT NULL,
    duration_ms  BIGINT ,
    sha256       TEXT,
    status       TEXT    NOT NULL,             -- 'recording', 'complete', 'interrupted'
    PRIMARY KEY (session_id, file)
);

CREATE INDEX training_session_status ON training_session (status);
