-- Studio fraud detection (modules/studio, dev.switchboard.studio.engine.fraud): trained models with their full
-- record (enough to rebuild them), and the alerts a person decided on with every decision. Follows the convention
-- at the top of V1__init.sql. Decisions are only ever added: a changed mind is a new row, the newest one counts.

CREATE TABLE studio_fraud_model (
    id              TEXT    NOT NULL PRIMARY KEY,
    trained_at      INTEGER NOT NULL,
    model           TEXT    NOT NULL CHECK (model IN ('rf', 'gbt', 'lr')),
    data            TEXT    NOT NULL,
    provenance_json TEXT    NOT NULL
) STRICT;

-- An alert raised by the live stream, stored when someone decides on it. sim_time_ms is the stream's time.
CREATE TABLE studio_fraud_alert (
    id            TEXT    NOT NULL PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('transaction', 'network')),
    raised_at     INTEGER NOT NULL,
    sim_time_ms   INTEGER NOT NULL,
    who           TEXT    NOT NULL,
    what          TEXT    NOT NULL,
    score         REAL    NOT NULL CHECK (score BETWEEN 0 AND 1),
    reasons_json  TEXT    NOT NULL,
    truth         TEXT    NOT NULL
) STRICT;

CREATE TABLE studio_fraud_decision (
    id                  INTEGER PRIMARY KEY,
    alert_id            TEXT    NOT NULL REFERENCES studio_fraud_alert (id),
    decision            TEXT    NOT NULL CHECK (decision IN ('accept', 'dismiss', 'escalate')),
    decided_by          TEXT    NOT NULL,
    decided_at          INTEGER NOT NULL,
    incident_reference  TEXT
) STRICT;

CREATE INDEX studio_fraud_decision_alert ON studio_fraud_decision (alert_id, id);
