-- Why this shape (SQLite; the PostgreSQL script beside it is the same model, dates as ISO text): a rotation becomes due, or mandatory, with the passage of time alone (AM 第十二条), so the
-- rotation-due list cannot read one answer written at the employee's last write. The domain computes each
-- employee's timeline: periods [valid_from, valid_until) with one answer each (due TEXT, strength, reason,
-- consecutive terms, department). The list picks, for the date asked, the period covering it.
-- * Only periods with a rotation due are stored; a date no period covers has none.
-- * (due_on, employee_id), (department_id, due_on, employee_id) and (strength, due_on, employee_id) keep the
--   zone-wide, per-department and mandatory-only questions index range scans in keyset order; the validity test
--   filters the few periods per employee.
-- * Existing databases: the marker row in read_model asks the server to rebuild every employee's timeline from
--   the event store once at start-up (the grains recompute it); it is deleted when the rebuild is done.
CREATE TABLE rotation_due (
    employee_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    department_id TEXT NOT NULL,
    due_on TEXT NOT NULL,
    strength TEXT NOT NULL CHECK (strength IN ('advisory', 'mandatory')),
    consecutive_terms INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (employee_id, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
) WITHOUT ROWID;

CREATE INDEX rotation_due_zone ON rotation_due (due_on, employee_id);
CREATE INDEX rotation_due_department ON rotation_due (department_id, due_on, employee_id);
CREATE INDEX rotation_due_strength ON rotation_due (strength, due_on, employee_id);

INSERT INTO read_model (kind, key, json)
SELECT 'maintenance', 'rotation-timeline-rebuild', '{}' WHERE EXISTS (SELECT 1 FROM employee_view);
