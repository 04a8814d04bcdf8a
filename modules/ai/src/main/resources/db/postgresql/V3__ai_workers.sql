-- PostgreSQL twin of db/migration/V3__ai_workers.sql: the same tables with PostgreSQL's types (BIGINT for SQLite's
-- 64-bit INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB, identity columns for INTEGER PRIMARY KEY).
-- Keep it in step with the SQLite script; PostgresMigrationsTest checks every version has a twin.

-- GPU workers and the image job queue (module ai, package dev.switchboard.ai.engine.worker).
-- Conventions as in V1__init.sql: STRICT tables, instants as INTEGER epoch milliseconds (UTC).
-- kind and flavour are checked by the Java enums, not by CHECK constraints, so that a new flavour does
-- not need a table rebuild (SQLite cannot alter a CHECK).

-- Registered remote serving engines. api_key_ref names where the key is ('env:NAME'), never the key.
CREATE TABLE gpu_worker (
    name        TEXT    PRIMARY KEY COLLATE NOCASE,
    base_url    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    flavour     TEXT    NOT NULL,
    api_key_ref TEXT    NOT NULL DEFAULT '' CHECK (api_key_ref = '' OR api_key_ref LIKE 'env:%'),
    capacity    BIGINT  NOT NULL CHECK (capacity >= 1),
    enabled     BIGINT  NOT NULL CHECK (enabled IN (0, 1)),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

-- Image generation jobs. request is the ImageRequest as JSON with the init image inline as base64, so a
-- job is one row and survives anything the row survives; the finished PNG is a file under the images
-- folder (result_file, relative to it) checked against result_sha256 when read. worker is the worker of
-- the latest attempt, kept as plain text so removing a worker leaves its history readable.
-- The rowid gives submission order, the tie-break within a priority and user.
CREATE TABLE gpu_job (
    id             TEXT    PRIMARY KEY,
    request        TEXT    NOT NULL,
    image_to_image BIGINT  NOT NULL CHECK (image_to_image IN (0, 1)),
    priority       BIGINT  NOT NULL,
    requested_by   TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress       DOUBLE PRECISION    NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    worker         TEXT    NOT NULL DEFAULT '',
    attempts       BIGINT  NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    message        TEXT    NOT NULL DEFAULT '',
    result_file    TEXT,
    result_sha256  TEXT,
    result_model   TEXT,
    latency_ms     BIGINT ,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    started_at     BIGINT ,
    finished_at    BIGINT
);

CREATE INDEX gpu_job_by_state ON gpu_job (state, priority);
CREATE INDEX gpu_job_by_created ON gpu_job (created_at);
