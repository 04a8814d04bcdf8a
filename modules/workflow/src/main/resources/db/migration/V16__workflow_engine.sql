-- Which engine runs a run: 'embedded' (this workstation's own engine) or 'temporal' (a Temporal service, when an
-- address is set; the row mirrors what the Temporal worker reports). The embedded engine resumes only its own runs.
-- Portable: ALTER TABLE ... ADD COLUMN with a default works on SQLite and PostgreSQL.
ALTER TABLE workflow_run ADD COLUMN engine TEXT NOT NULL DEFAULT 'embedded';
