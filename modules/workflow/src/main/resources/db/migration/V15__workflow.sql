-- Workflows (modules/workflow): definitions as run, runs, their tasks, what happened to them, and gate decisions.
-- Every transition of a run and every task result is written here before the next step starts. Portable SQL
-- (INSERT ... ON CONFLICT works on SQLite and PostgreSQL); instants are epoch milliseconds.

-- The exact text of every definition a run started with, by its SHA-256: a run keeps its version.
CREATE TABLE workflow_definition (
    hash        TEXT    PRIMARY KEY,
    workflow_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    file        TEXT    NOT NULL,
    stored_at   INTEGER NOT NULL
) STRICT;

-- One run. state is a RunState code (Running, WaitingForApproval, Succeeded, ...); phase is main, compensating,
-- failure, finally or done; outcome is the state the run ends in once its finally tasks have run.
CREATE TABLE workflow_run (
    id              TEXT    PRIMARY KEY,
    workflow_id     TEXT    NOT NULL,
    definition_hash TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    phase           TEXT    NOT NULL,
    outcome         TEXT,
    paused          INTEGER NOT NULL DEFAULT 0,
    inputs          TEXT    NOT NULL,
    started_by      TEXT    NOT NULL,
    trainee         TEXT,
    parent_run      TEXT,
    parent_task     TEXT,
    created_at      INTEGER NOT NULL,
    ended_at        INTEGER,
    error           TEXT
) STRICT;

CREATE INDEX workflow_run_open ON workflow_run (ended_at, created_at);
CREATE INDEX workflow_run_created ON workflow_run (created_at DESC);

-- One task of a run (task_key is the task id, id[i] for an item of a forEach, or compensate:id for a rollback
-- step). detail holds what a waiting task waits for (form, roles, deadline, event) as JSON.
CREATE TABLE workflow_task (
    run_id       TEXT    NOT NULL,
    task_key     TEXT    NOT NULL,
    task_id      TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    started_at   INTEGER,
    ended_at     INTEGER,
    wake_at      INTEGER,
    output       TEXT,
    error        TEXT,
    detail       TEXT,
    finished_seq INTEGER,
    PRIMARY KEY (run_id, task_key)
) STRICT;

CREATE INDEX workflow_task_state ON workflow_task (state);

-- What happened to a run, in order: transitions, operations by people (who did it), decisions at gates.
CREATE TABLE workflow_history (
    id       INTEGER PRIMARY KEY,
    run_id   TEXT    NOT NULL,
    at       INTEGER NOT NULL,
    actor    TEXT    NOT NULL,
    task_key TEXT    NOT NULL,
    what     TEXT    NOT NULL
) STRICT;

CREATE INDEX workflow_history_run ON workflow_history (run_id, id);

-- Decisions at approval gates with the form's inputs; also written to the audit chain of the event log.
CREATE TABLE workflow_decision (
    id         INTEGER PRIMARY KEY,
    run_id     TEXT    NOT NULL,
    task_key   TEXT    NOT NULL,
    decided_by TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    decision   TEXT    NOT NULL CHECK (decision IN ('approve', 'reject', 'escalate')),
    inputs     TEXT    NOT NULL,
    comment    TEXT    NOT NULL,
    decided_at INTEGER NOT NULL
) STRICT;

CREATE INDEX workflow_decision_run ON workflow_decision (run_id);

-- Which process runs the workflows of this data dir (one at a time), and operations other processes (the CLI
-- beside an open window) hand to it.
CREATE TABLE workflow_lease (
    name         TEXT    PRIMARY KEY,
    pid          INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
) STRICT;

CREATE TABLE workflow_command (
    id         INTEGER PRIMARY KEY,
    run_id     TEXT    NOT NULL,
    task_key   TEXT,
    op         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    args       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    done_at    INTEGER,
    result     TEXT
) STRICT;

-- Sessions (calls, control-room exercises) that an exercise run drove, so Review shows them side by side.
CREATE TABLE workflow_session_link (
    run_id     TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    task_key   TEXT    NOT NULL,
    linked_at  INTEGER NOT NULL,
    PRIMARY KEY (run_id, session_id)
) STRICT;
