-- PostgreSQL twin of db/migration/V24__seats_on_one_server.sql.
-- A generation job taken by a seat's queue names that queue (owner: "host/pid/instance"), so a queue starting up
-- takes back only the jobs whose owner is gone, never the running jobs of another seat still working.
ALTER TABLE gpu_job ADD COLUMN owner TEXT;
-- Camera-event ids (surveillance, V12) come from surv_event's identity sequence on a server, so that seats
-- storing events at once never pick the same id. Events stored before took their ids from MAX(id) + 1 without
-- moving the sequence: it starts after them. The surveillance module depends on this one, so its tables exist
-- here in the program; a module's own tests without them skip this step.
DO $$
BEGIN
    IF to_regclass('surv_event') IS NOT NULL THEN
        PERFORM setval(pg_get_serial_sequence('surv_event', 'id'), GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL)
        FROM surv_event;
    END IF;
END $$;
