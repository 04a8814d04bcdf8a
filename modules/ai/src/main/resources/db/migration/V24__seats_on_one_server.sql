-- Several seats on one database (issue 16). A generation job taken by a seat's queue names that queue (owner:
-- "host/pid/instance"), so a queue starting up takes back only the jobs whose owner is gone, never the running
-- jobs of another seat that is still working. Jobs claimed before this version have no owner and are taken back
-- as before.
ALTER TABLE gpu_job ADD COLUMN owner TEXT;
