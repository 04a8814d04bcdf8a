-- PostgreSQL twin of db/migration/V25__session_seat.sql.
-- Which seat started each training session on a shared database, so a seat that was killed closes its own
-- sessions when it starts again (control-room exercises, and calls killed before their recording began), and never
-- another seat's, which may be live. A seat is named by the random id kept in its data folder (DataDir.seat).
-- On a seat's own SQLite file every running session at start is its own, so the table stays empty there; it exists
-- on both databases to keep the schemas alike.
CREATE TABLE session_seat (
    session_id TEXT NOT NULL PRIMARY KEY,
    seat       TEXT NOT NULL
);

CREATE INDEX session_seat_seat ON session_seat (seat);
