-- PostgreSQL twin of db/migration/V22__recordings_in_database.sql: the same table with PostgreSQL's types, and the
-- notifications that keep every seat's Review list live.

-- Recordings kept in the database itself, in pieces written as the call goes, so every seat of a training center
-- can play them. A recording is the concatenation of its pieces in seq order: seq 0 is the 44-byte WAV header
-- (rewritten at every flush with the length so far), seq 1, 2, ... the audio after it in pieces of 128 KB.
CREATE TABLE recording_chunk (
    session_id TEXT    NOT NULL,
    file       TEXT    NOT NULL,             -- the recording's name in the recording table
    seq        BIGINT  NOT NULL CHECK (seq >= 0),
    bytes      BYTEA   NOT NULL,
    PRIMARY KEY (session_id, file, seq)
);

-- PCM audio does not compress: store the pieces out of line without trying.
ALTER TABLE recording_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- A session that starts, ends, is scored, graded, noted or signed off notifies 'switchboard_session_changed' with
-- its id; every seat listens and refreshes its lists. NOTIFY is sent at commit (never for a rolled-back change), and
-- identical notifications of one transaction are sent once. The argument names the column holding the session id.
CREATE FUNCTION switchboard_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
    ELSE
        changed := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('switchboard_session_changed', changed ->> TG_ARGV[0]);
    RETURN NULL;
END;
$$;

CREATE TRIGGER training_session_changed AFTER INSERT OR UPDATE OR DELETE ON training_session
    FOR EACH ROW EXECUTE FUNCTION switchboard_session_changed('id');

-- Review's tables come from the review module (V7), which a store-only database (the store's own tests) lacks.
DO $$
BEGIN
    IF to_regclass('review_assessment') IS NOT NULL THEN
        CREATE TRIGGER review_assessment_changed AFTER INSERT OR UPDATE OR DELETE ON review_assessment
            FOR EACH ROW EXECUTE FUNCTION switchboard_session_changed('session_id');
    END IF;
    IF to_regclass('review_note') IS NOT NULL THEN
        CREATE TRIGGER review_note_changed AFTER INSERT OR UPDATE OR DELETE ON review_note
            FOR EACH ROW EXECUTE FUNCTION switchboard_session_changed('session_id');
    END IF;
END;
$$;
