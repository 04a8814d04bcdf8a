-- PostgreSQL twin of db/migration/V4__city.sql: the same tables with PostgreSQL's types (BIGINT for SQLite's
-- 64-bit INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB, identity columns for INTEGER PRIMARY KEY).
-- Keep it in step with the SQLite script; PostgresMigrationsTest checks every version has a twin.

-- Control room (modules/city, dev.switchboard.city.engine.sim): incidents of a training session and the
-- units assigned to them. Follows the convention at the top of V1__init.sql. What happened, step by step,
-- is in event_log (types city.*); these tables hold the current picture for lists and reports.

-- One incident of a session. Simulated times are milliseconds since the exercise began; -1 = not yet.
CREATE TABLE city_incident (
    session_id          TEXT    NOT NULL,
    id                  TEXT    NOT NULL,
    kind                TEXT    NOT NULL
                        CHECK (kind IN ('WEAPON', 'VIOLENCE', 'FIRE', 'ACCIDENT', 'EARTHQUAKE', 'MEDICAL', 'GENERAL')),
    cause               TEXT,
    title               TEXT    NOT NULL,
    ward_id             TEXT    NOT NULL,
    lat                 DOUBLE PRECISION    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                 DOUBLE PRECISION    NOT NULL CHECK (lon BETWEEN -180 AND 180),
    priority            BIGINT  NOT NULL CHECK (priority BETWEEN 1 AND 5),
    state               TEXT    NOT NULL CHECK (state IN ('NEW', 'DISPATCHED', 'ON_SCENE', 'RESOLVED', 'CLOSED')),
    source              TEXT    NOT NULL,
    reference           TEXT,
    created_sim_ms      BIGINT  NOT NULL,
    dispatched_sim_ms   BIGINT  NOT NULL,
    on_scene_sim_ms     BIGINT  NOT NULL,
    resolved_sim_ms     BIGINT  NOT NULL,
    closed_sim_ms       BIGINT  NOT NULL,
    water_used_liters   DOUBLE PRECISION    NOT NULL,
    updated_at          BIGINT  NOT NULL,
    PRIMARY KEY (session_id, id)
);

CREATE INDEX city_incident_session_state ON city_incident (session_id, state);

-- A unit's assignment to an incident; released_sim_ms is -1 while it is still on the incident.
CREATE TABLE city_incident_unit (
    session_id          TEXT    NOT NULL,
    incident_id         TEXT    NOT NULL,
    unit_id             TEXT    NOT NULL,
    unit_type           TEXT    NOT NULL CHECK (unit_type IN ('POLICE', 'SWAT', 'AMBULANCE', 'FIRE', 'TRAFFIC')),
    assigned_sim_ms     BIGINT  NOT NULL,
    on_scene_sim_ms     BIGINT  NOT NULL,
    released_sim_ms     BIGINT  NOT NULL,
    PRIMARY KEY (session_id, incident_id, unit_id, assigned_sim_ms),
    FOREIGN KEY (session_id, incident_id) REFERENCES city_incident (session_id, id)
);
