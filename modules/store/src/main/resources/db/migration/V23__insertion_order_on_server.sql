-- Insertion order on a PostgreSQL server (issue 16). Some queries order rows by SQLite's rowid, the order in which
-- rows were first inserted (an upsert keeps it): gpu_job (the queue's submission order and its fingerprint),
-- city_incident, workflow_task and studio_fraud_model (tie-breaks). SQLite has the rowid already, so this version
-- changes nothing here; its twin under db/postgresql gives those tables a column of the same name.
SELECT 1;
