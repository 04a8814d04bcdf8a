-- Recordings kept in the database itself, in pieces written as the call goes, so every seat of a training center
-- can play them. A seat on its own SQLite file keeps its recordings as WAV files under <data>/recordings and leaves
-- this table empty; the table is here too so both databases have the same schema at every version.
--
-- A recording is the concatenation of its pieces in seq order: seq 0 is the 44-byte WAV header (rewritten at every
-- flush with the length so far), seq 1, 2, ... the audio after it in pieces of 128 KB, the last one shorter.
CREATE TABLE recording_chunk (
    session_id TEXT    NOT NULL,
    file       TEXT    NOT NULL,             -- the recording's name in the recording table
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    bytes      BLOB    NOT NULL,
    PRIMARY KEY (session_id, file, seq)
) STRICT;
