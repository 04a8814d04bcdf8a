-- Studio, part 1 (module studio): the gallery of generated pictures and clips, what the studio asked for, where a
-- result was used, the application factory's runs and the auto-scaler's decisions.
-- Conventions as in V1: instants as INTEGER epoch milliseconds (UTC); portable types (TEXT, INTEGER, REAL).

-- What the studio asked for, per generation job of the ai module's queue (gpu_job.id): the style preset and the
-- batch the job belongs to.
CREATE TABLE studio_generation (
    job_id     TEXT    PRIMARY KEY,
    style      TEXT    NOT NULL,
    batch_id   TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Every finished result, kept even when the queue's job history is cleared. file and poster are absolute paths
-- under the data folder; sha256 is the file's. seed is -1 when the worker did not say.
CREATE TABLE studio_gallery (
    job_id          TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('image', 'clip')),
    prompt          TEXT    NOT NULL,
    negative_prompt TEXT    NOT NULL,
    style           TEXT    NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    steps           INTEGER NOT NULL,
    guidance        REAL    NOT NULL,
    seed            INTEGER NOT NULL,
    seconds         REAL    NOT NULL,
    fps             INTEGER NOT NULL,
    image_to_image  INTEGER NOT NULL CHECK (image_to_image IN (0, 1)),
    requested_by    TEXT    NOT NULL,
    worker          TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    file            TEXT    NOT NULL,
    poster          TEXT,
    sha256          TEXT    NOT NULL,
    latency_ms      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);

CREATE INDEX studio_gallery_by_created ON studio_gallery (created_at);

-- Where a result was offered to another workspace: use is 'scenario-image', 'camera-still' or
-- 'incident-attachment'; target is what it was attached to (an incident's reference), may be empty.
CREATE TABLE studio_gallery_use (
    id       INTEGER PRIMARY KEY,
    job_id   TEXT    NOT NULL REFERENCES studio_gallery (job_id),
    use_as   TEXT    NOT NULL,
    target   TEXT    NOT NULL,
    used_by  TEXT    NOT NULL,
    used_at  INTEGER NOT NULL
);

-- One run of the application factory: the intent as typed and everything made from it as JSON (intent,
-- specification, validation, architecture, generator reports, file list); the files themselves are under
-- files_dir.
CREATE TABLE studio_factory_run (
    id         TEXT    PRIMARY KEY,
    intent     TEXT    NOT NULL,
    stack      TEXT    NOT NULL,
    mode       TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    status     TEXT    NOT NULL,
    report     TEXT    NOT NULL,
    files_dir  TEXT    NOT NULL
);

CREATE INDEX studio_factory_run_by_created ON studio_factory_run (created_at);

-- The auto-scaler's decisions with their reasons, including "hold" decisions that changed nothing only when
-- they end a cool-down or a breach (the panel shows the rest live).
CREATE TABLE studio_scaling_decision (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    action        TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    queue_depth   INTEGER NOT NULL,
    oldest_wait_s INTEGER NOT NULL,
    outcome       TEXT    NOT NULL
);
