-- Grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2): IPersistentState<T> of grains on this storage.
-- Why this shape:
-- * One row per (ServiceId, GrainTypeString, grain key): the primary key is that identity, so a read is one index
--   lookup and the provider's hashes (@GrainIdHash, @GrainTypeHash) are not needed. A grain key is N0/N1 (a GUID or
--   an integer) plus GrainIdExtensionString (a string key, or a key extension); '' stands for "none" because a
--   primary key column cannot hold NULL, and no grain type mixes string and numeric keys.
-- * Version is the ETag. A write names the version it read (@GrainStateVersion, NULL for a grain never written):
--   NULL inserts version 1 unless a row exists; a number updates only that version and returns it plus one. Any
--   other case returns no row, which the provider reports as InconsistentStateException: two activations cannot
--   both write over the same version.
-- * Clear keeps the row with a NULL payload and the next version (the grain reads "no state" with a valid ETag);
--   with DeleteStateOnClear the row is deleted and the deleted version plus one is returned, as the provider expects.
CREATE TABLE OrleansStorage (
    ServiceId varchar(150) NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtensionString varchar(512) NOT NULL,
    PayloadBinary bytea NULL,
    Version integer NOT NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
$q$),
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version),
updated AS (
    UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
    WHERE @GrainStateVersion IS NOT NULL
        AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
        AND Version = @GrainStateVersion
    RETURNING Version)
SELECT Version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT Version FROM updated
$q$),
('ClearStorageKey', $q$
UPDATE OrleansStorage SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
    AND Version = @GrainStateVersion
RETURNING Version
$q$),
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
    AND Version = @GrainStateVersion
RETURNING Version + 1
$q$);
