-- Orleans' AdoNet providers (clustering, grain storage, reminders) issue no SQL of their own: at silo start each
-- reads the rows of OrleansQuery it needs (SELECT QueryKey, QueryText FROM OrleansQuery) and from then on runs
-- those texts with named parameters (@DeploymentId, @GrainStateVersion, ...), reading result columns by name.
-- The scripts after this one add one concern each (clustering, grain state, reminders): its tables and its rows here.
-- Why this shape:
-- * Unquoted identifiers: the providers write OrleansQuery, QueryKey, ... unquoted, so PostgreSQL folds them to
--   lower case on both sides; Npgsql matches the result columns by name case-insensitively.
-- * QueryText is text: a query may be longer than any fixed limit we would pick.
-- * A change to a query after release is a new numbered script that UPDATEs its row; silos read the rows at start,
--   so a running silo keeps the old text until it restarts.
CREATE TABLE OrleansQuery (
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);
