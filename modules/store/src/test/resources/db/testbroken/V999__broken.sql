-- Test only: a migration that fails half-way, to check that the failure names it and rolls back.
CREATE TABLE half_done (x INTEGER);
INSERT INTO no_such_table VALUES (1);
