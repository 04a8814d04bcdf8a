-- PostgreSQL twin of db/migration/V18__gpu_capabilities_and_video.sql: the same tables with PostgreSQL's types (BIGINT for SQLite's
-- 64-bit INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB, identity columns for INTEGER PRIMARY KEY).
-- Keep it in step with the SQLite script; PostgresMigrationsTest checks every version has a twin.

-- Studio generation on the GPU workers (module ai, package dev.switchboard.ai.engine.worker): what each worker
-- can make, standby workers for auto-scaling, video jobs, previews and reattaching to a worker's own job id.
-- Conventions as in V3: instants as INTEGER epoch milliseconds (UTC); plain ADD COLUMN with constant defaults.

-- capabilities: comma-separated labels (image, image-to-image, video); '' means the flavour's defaults.
-- standby: 1 when an auto-scaling policy may switch the worker on and off.
-- note: the operator's words about the worker, shown beside it (e.g. 'demo worker on loopback').
ALTER TABLE gpu_worker ADD COLUMN capabilities TEXT NOT NULL DEFAULT '';
ALTER TABLE gpu_worker ADD COLUMN standby BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE gpu_worker ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- video: 1 for a clip. remote_id: the worker's own id of the running attempt (a ComfyUI prompt_id), kept so a
-- restarted workstation can follow the attempt to its end instead of starting it again. result_media: the MIME
-- type of result_file. poster_file: a still of a clip, beside result_file. result_seed: the seed the worker
-- used, when it said.
ALTER TABLE gpu_job ADD COLUMN video BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE gpu_job ADD COLUMN remote_id TEXT;
ALTER TABLE gpu_job ADD COLUMN result_media TEXT;
ALTER TABLE gpu_job ADD COLUMN poster_file TEXT;
ALTER TABLE gpu_job ADD COLUMN result_seed BIGINT ;

-- Jobs per hour and failures per worker are read by finish time.
CREATE INDEX gpu_job_by_finished ON gpu_job (finished_at);
