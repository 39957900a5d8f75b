-- Why this shape (PostgreSQL, for production; the SQLite script beside it is the same model):
-- * store_state holds the last global position. Every write transaction first locks its one row
--   (SELECT ... FOR UPDATE), which serialises writers across all nodes: positions are then gap-free
--   and in commit order (a bigserial is neither), and each batch can decide its commits from what it
--   read, with no deadlocks between batches. Throughput comes from group commit, not parallel writers.
-- * events: primary key on position (feeds and rebuilds read by position); UNIQUE (stream_id, version)
--   backs the expected-version check and serves stream reads.
-- * streams: one row per stream holding its version, so the check reads one row.
-- * requests: request_id is the primary key: a retried command finds its first result here.
-- * payload is text, not jsonb: stored byte for byte as the caller wrote it (the SQLite store does the
--   same) and not re-parsed on the hot path; the caller validates it as JSON.
-- * employee_view: partial indexes on (rotation_due_on, employee_id) make the zone-wide and
--   per-department rotation-due questions index range scans in keyset order.
CREATE TABLE store_state (
    id integer PRIMARY KEY CHECK (id = 1),
    last_position bigint NOT NULL
);
INSERT INTO store_state (id, last_position) VALUES (1, 0);

CREATE TABLE events (
    position bigint PRIMARY KEY,
    stream_id text NOT NULL,
    version bigint NOT NULL CHECK (version >= 1),
    type text NOT NULL,
    payload text NOT NULL,
    occurred_on date NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    request_id text NOT NULL,
    UNIQUE (stream_id, version)
);

CREATE TABLE streams (
    stream_id text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE TABLE requests (
    request_id text PRIMARY KEY,
    fingerprint text NOT NULL,
    result text NOT NULL,
    first_position bigint NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE employee_view (
    employee_id text PRIMARY KEY,
    department_id text NOT NULL,
    post text NOT NULL,
    grade_level integer NOT NULL,
    step integer NOT NULL,
    status text NOT NULL,
    term_number integer NOT NULL,
    term_end date,
    probation_end date,
    rotation_due_on date,
    rotation_strength text CHECK (rotation_strength IN ('advisory', 'mandatory')),
    retirement_date date,
    counted_years integer NOT NULL,
    details text NOT NULL,
    updated_version bigint NOT NULL
);

CREATE INDEX employee_view_rotation ON employee_view (rotation_due_on, employee_id) WHERE rotation_due_on IS NOT NULL;
CREATE INDEX employee_view_department_rotation ON employee_view (department_id, rotation_due_on, employee_id) WHERE rotation_due_on IS NOT NULL;
CREATE INDEX employee_view_department ON employee_view (department_id, employee_id);

CREATE TABLE quota_quarter (
    department_id text NOT NULL,
    year integer NOT NULL,
    quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    eligible_count integer NOT NULL CHECK (eligible_count >= 0),
    good_count integer NOT NULL CHECK (good_count >= 0),
    PRIMARY KEY (department_id, year, quarter)
);

CREATE TABLE quota_year (
    department_id text NOT NULL,
    year integer NOT NULL,
    tier integer NOT NULL CHECK (tier BETWEEN 0 AND 4),
    eligible_count integer NOT NULL CHECK (eligible_count >= 0),
    excellent_count integer NOT NULL CHECK (excellent_count >= 0),
    PRIMARY KEY (department_id, year)
);

CREATE TABLE read_model (
    kind text NOT NULL,
    key text NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (kind, key)
);
