-- Orleans' AdoNet providers issue no SQL of their own: at silo start each reads the rows of OrleansQuery it needs
-- (SELECT QueryKey, QueryText FROM OrleansQuery) and from then on runs those texts with named parameters, reading
-- result columns by name. On SQLite the silo is alone (one process, localhost clustering), so only grain state and
-- reminders come here; there is no clustering script. The PostgreSQL scripts beside these keep the same contract.
-- Why this shape:
-- * SQLite has no stored functions: each query text does its own version check and upsert in plain statements
--   (INSERT ... ON CONFLICT, UPDATE ... WHERE Version = @... RETURNING), one statement per decision, so no
--   statement depends on another having run in the same transaction.
-- * The tables live in the event store's file (data/personnel.db): one file is still the whole backup, and the
--   writes that come here (department snapshots, reminder registrations) are rare beside the event store's.
-- * A change to a query after release is a new numbered script that UPDATEs its row; the silo reads the rows at start.
CREATE TABLE OrleansQuery (
    QueryKey TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
