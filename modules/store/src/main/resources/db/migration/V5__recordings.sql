-- Audio recordings of training sessions. The WAV files live under <data>/recordings; this table says which
-- session they belong to and, once a recording is closed, its length and SHA-256 so tampering shows.
CREATE TABLE recording (
    session_id   TEXT    NOT NULL,
    file         TEXT    NOT NULL,             -- relative to the recordings folder, '/'-separated
    kind         TEXT    NOT NULL,             -- e.g. 'call-audio'
    sample_rate  INTEGER NOT NULL,
    channels     INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,
    duration_ms  INTEGER,
    sha256       TEXT,
    status       TEXT    NOT NULL,             -- 'recording', 'complete', 'interrupted'
    PRIMARY KEY (session_id, file)
) STRICT;

CREATE INDEX training_session_status ON training_session (status);
