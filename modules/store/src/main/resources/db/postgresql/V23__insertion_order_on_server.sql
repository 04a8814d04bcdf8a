-- PostgreSQL twin of db/migration/V23__insertion_order_on_server.sql.
-- Some queries order rows by SQLite's rowid, the order in which rows were first inserted (an upsert keeps it):
-- gpu_job (the queue's submission order and its fingerprint), city_incident, workflow_task and studio_fraud_model
-- (tie-breaks). PostgreSQL has no such column, so each of these tables gets an identity column named rowid: the
-- same SQL then runs on both databases. Existing rows are numbered in the table's physical order.
-- The tables belong to the ai, city, workflow and studio modules, whose migrations (V3, V4, V15, V21) all run
-- before this one in the program; IF EXISTS lets a module's own tests, which carry only some of the modules, migrate.
ALTER TABLE IF EXISTS gpu_job ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE IF EXISTS city_incident ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE IF EXISTS workflow_task ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE IF EXISTS studio_fraud_model ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
