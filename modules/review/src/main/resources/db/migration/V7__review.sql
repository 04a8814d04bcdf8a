-- Supervisor review (modules/review): the transcript search index, per-session figures for lists, CSV and
-- progress charts, and the supervisor's notes, assessment and their append-only history.

-- Which sessions the review has indexed, with the figures read from their event log once.
-- answer_ms, location_ms and dispatch_ms count from the moment the call was offered; null when it never happened.
CREATE TABLE review_session_index (
    session_id  TEXT    PRIMARY KEY,
    indexed_at  INTEGER NOT NULL,
    answer_ms   INTEGER,
    location_ms INTEGER,
    dispatch_ms INTEGER,
    score       REAL,
    items_json  TEXT    NOT NULL,             -- [{"id","label","weight","earned"}...] from call.scored
    utterances  INTEGER NOT NULL
) STRICT;

-- Full-text search over call transcripts: one row per call.utterance entry.
CREATE VIRTUAL TABLE review_transcript USING fts5(
    text,
    session_id UNINDEXED,
    speaker UNINDEXED,
    start_ms UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A supervisor's note pinned to a moment of the session (ms since the recording started).
CREATE TABLE review_note (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL CHECK (at_ms >= 0),
    author_id   TEXT    NOT NULL,
    author_name TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX review_note_session ON review_note (session_id, at_ms);

-- The overall comment, grade and sign-off of a session. grade is one of COMPETENT, NEEDS_PRACTICE,
-- NOT_YET_COMPETENT or null while not graded.
CREATE TABLE review_assessment (
    session_id      TEXT    PRIMARY KEY,
    grade           TEXT CHECK (grade IS NULL OR grade IN ('COMPETENT', 'NEEDS_PRACTICE', 'NOT_YET_COMPETENT')),
    comment         TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL,
    signed_off_by   TEXT,
    signed_off_at   INTEGER
) STRICT;

-- Once a session is signed off its notes are fixed: amendments are new notes, and every change of grade or
-- comment lands in review_history.
CREATE TRIGGER review_note_fixed_after_sign_off_update BEFORE UPDATE ON review_note
WHEN EXISTS (SELECT 1 FROM review_assessment a WHERE a.session_id = OLD.session_id AND a.signed_off_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'review_note: the session is signed off; notes cannot be changed');
END;

CREATE TRIGGER review_note_fixed_after_sign_off_delete BEFORE DELETE ON review_note
WHEN EXISTS (SELECT 1 FROM review_assessment a WHERE a.session_id = OLD.session_id AND a.signed_off_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'review_note: the session is signed off; notes cannot be deleted');
END;

-- Every change to notes, grade, comment and sign-off: who, when, what, the old and the new value.
CREATE TABLE review_history (
    id             INTEGER PRIMARY KEY,
    session_id     TEXT    NOT NULL,
    at             INTEGER NOT NULL,
    by_id          TEXT    NOT NULL,
    by_name        TEXT    NOT NULL,
    field          TEXT    NOT NULL,           -- 'note:<id>', 'grade', 'comment', 'status'
    old_value      TEXT,
    new_value      TEXT,
    after_sign_off INTEGER NOT NULL CHECK (after_sign_off IN (0, 1))
) STRICT;

CREATE INDEX review_history_session ON review_history (session_id, id);

CREATE TRIGGER review_history_no_update BEFORE UPDATE ON review_history
BEGIN
    SELECT RAISE(ABORT, 'review_history is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER review_history_no_delete BEFORE DELETE ON review_history
BEGIN
    SELECT RAISE(ABORT, 'review_history is append-only: DELETE is not allowed');
END;
