-- Grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2), with the PostgreSQL script's contract.
-- Why this shape:
-- * One row per (ServiceId, GrainTypeString, grain key), the primary key; '' in GrainIdExtensionString stands for
--   "no string key or extension" because SQLite treats NULLs in a key as all distinct.
-- * Version is the ETag. The write is two statements and exactly one of them can act: the INSERT when the grain
--   has never written (@GrainStateVersion IS NULL; it inserts nothing if a row exists), the UPDATE when it names
--   the version it read (it changes nothing if that version is gone). Each returns the new version only when it
--   acted, so a stale writer gets no row and the provider raises InconsistentStateException.
-- * Clear keeps the row with a NULL payload and the next version; with DeleteStateOnClear the row is deleted and
--   the deleted version plus one is returned, as the provider expects.
-- * Timestamps are TEXT in UTC as Microsoft.Data.Sqlite writes a DateTime (yyyy-MM-dd HH:mm:ss.fffffff).
CREATE TABLE OrleansStorage (
    ServiceId TEXT NOT NULL,
    GrainTypeString TEXT NOT NULL,
    GrainIdN0 INTEGER NOT NULL,
    GrainIdN1 INTEGER NOT NULL,
    GrainIdExtensionString TEXT NOT NULL,
    PayloadBinary BLOB NULL,
    Version INTEGER NOT NULL,
    ModifiedOn TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = ifnull(@GrainIdExtensionString, '''');
'),
('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, ifnull(@GrainIdExtensionString, ''''), @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE @GrainStateVersion IS NOT NULL
    AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = ifnull(@GrainIdExtensionString, '''')
    AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = ifnull(@GrainIdExtensionString, '''')
    AND Version = @GrainStateVersion
RETURNING Version;
'),
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = ifnull(@GrainIdExtensionString, '''')
    AND Version = @GrainStateVersion
RETURNING Version + 1;
');
