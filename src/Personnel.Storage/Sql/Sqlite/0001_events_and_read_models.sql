-- Why this shape (SQLite, the embedded default; the PostgreSQL script beside it is the same model):
-- * events: `position` is the rowid (INTEGER PRIMARY KEY), so appends and position scans use the table
--   itself; UNIQUE (stream_id, version) backs the expected-version check and serves stream reads.
-- * streams: one row per stream holding its version, so the check reads one row, not max(version).
-- * store_state: the last global position, advanced by the single writer in the same transaction,
--   keeping positions gap-free and in commit order (rebuilds and feeds read by position).
-- * requests: request_id is the primary key: a retried command finds its first result here.
-- * Dates are ISO-8601 text ('YYYY-MM-DD') so they sort and compare as dates; recorded_at is
--   ISO-8601 UTC text with 7 fractional digits.
-- * employee_view: partial indexes on (rotation_due_on, employee_id) make the zone-wide and
--   per-department rotation-due questions range scans in keyset order.
CREATE TABLE store_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_position INTEGER NOT NULL
);
INSERT INTO store_state (id, last_position) VALUES (1, 0);

CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    request_id TEXT NOT NULL,
    UNIQUE (stream_id, version)
);

CREATE TABLE streams (
    stream_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE requests (
    request_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    first_position INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE employee_view (
    employee_id TEXT PRIMARY KEY,
    department_id TEXT NOT NULL,
    post TEXT NOT NULL,
    grade_level INTEGER NOT NULL,
    step INTEGER NOT NULL,
    status TEXT NOT NULL,
    term_number INTEGER NOT NULL,
    term_end TEXT,
    probation_end TEXT,
    rotation_due_on TEXT,
    rotation_strength TEXT CHECK (rotation_strength IN ('advisory', 'mandatory')),
    retirement_date TEXT,
    counted_years INTEGER NOT NULL,
    details TEXT NOT NULL,
    updated_version INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX employee_view_rotation ON employee_view (rotation_due_on, employee_id) WHERE rotation_due_on IS NOT NULL;
CREATE INDEX employee_view_department_rotation ON employee_view (department_id, rotation_due_on, employee_id) WHERE rotation_due_on IS NOT NULL;
CREATE INDEX employee_view_department ON employee_view (department_id, employee_id);

CREATE TABLE quota_quarter (
    department_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    eligible_count INTEGER NOT NULL CHECK (eligible_count >= 0),
    good_count INTEGER NOT NULL CHECK (good_count >= 0),
    PRIMARY KEY (department_id, year, quarter)
) WITHOUT ROWID;

CREATE TABLE quota_year (
    department_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    tier INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 4),
    eligible_count INTEGER NOT NULL CHECK (eligible_count >= 0),
    excellent_count INTEGER NOT NULL CHECK (excellent_count >= 0),
    PRIMARY KEY (department_id, year)
) WITHOUT ROWID;

CREATE TABLE read_model (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
