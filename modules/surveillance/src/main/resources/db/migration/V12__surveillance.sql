-- Surveillance chat (modules/surveillance): camera events and their ground truth, the distinct descriptions with
-- their embeddings, incidents known to surveillance, conversations with their turns and focus, long-term memories
-- and clips attached to incidents. The Lucene index under <data>/surveillance/index is rebuilt from these tables.

-- A generation run or the live feed: what filled which span.
CREATE TABLE surv_batch (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('generated', 'live')),
    seed        INTEGER,
    from_ms     INTEGER NOT NULL,
    to_ms       INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    planned     INTEGER NOT NULL DEFAULT 0,   -- events asked for (generated batches)
    complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    created_at  INTEGER NOT NULL
);

-- Each distinct description once, with its sentence embedding (float32 little-endian) once it is computed.
CREATE TABLE surv_phrase (
    id      INTEGER PRIMARY KEY,
    text    TEXT    NOT NULL UNIQUE,
    vector  BLOB
);

-- One detection by one camera. Positions are the camera's; descriptions live in surv_phrase.
CREATE TABLE surv_event (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL,
    at_ms       INTEGER NOT NULL,
    camera      INTEGER NOT NULL,
    camera_name TEXT    NOT NULL,
    ward        TEXT    NOT NULL,
    lat         REAL    NOT NULL,
    lon         REAL    NOT NULL,
    object_type TEXT    NOT NULL,
    behaviour   TEXT    NOT NULL,
    colour      TEXT    NOT NULL,
    clothing    TEXT    NOT NULL,
    direction   TEXT    NOT NULL,
    item_count  INTEGER NOT NULL,
    speed_kmh   REAL    NOT NULL,
    plate       TEXT    NOT NULL,
    confidence  REAL    NOT NULL,
    phrase_id   INTEGER NOT NULL,
    incident_id TEXT
);

CREATE INDEX surv_event_time ON surv_event (at_ms);

-- What the generator planted: incident:<id>, track:<n>, anomaly:<n>. Used for evaluation only.
CREATE TABLE surv_truth (
    event_id INTEGER NOT NULL,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (event_id, tag)
);

CREATE INDEX surv_truth_tag ON surv_truth (tag);

-- Incidents of the control room, the call console and generated history.
CREATE TABLE surv_incident (
    id          TEXT    PRIMARY KEY,
    session_id  TEXT,
    source      TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    ward        TEXT    NOT NULL,
    lat         REAL    NOT NULL,
    lon         REAL    NOT NULL,
    at_ms       INTEGER NOT NULL,
    sim_ms      INTEGER NOT NULL,
    open        INTEGER NOT NULL CHECK (open IN (0, 1))
);

-- Conversations: the middle tier of memory. focus_json holds the entities in focus (place, camera, event, type,
-- colour, plate, incident) and the last query, so "there", "that car" and "the same camera" resolve.
CREATE TABLE surv_conversation (
    id          TEXT    PRIMARY KEY,
    user_id     TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    summary     TEXT    NOT NULL,
    focus_json  TEXT    NOT NULL
);

CREATE INDEX surv_conversation_user ON surv_conversation (user_id, updated_at);

CREATE TABLE surv_turn (
    conversation_id TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    text            TEXT    NOT NULL,
    intent          TEXT,
    citations       TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

-- Long-term memories across sessions, recalled by similarity of their embeddings.
CREATE TABLE surv_memory (
    id          INTEGER PRIMARY KEY,
    user_id     TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    vector      BLOB,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE INDEX surv_memory_user ON surv_memory (user_id);

-- A clip attached to an incident as evidence; the same is appended to the incident's session log.
CREATE TABLE surv_attachment (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT    NOT NULL,
    event_id    INTEGER NOT NULL,
    by_user     TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    note        TEXT    NOT NULL
);
