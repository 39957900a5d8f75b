-- Membership of a cluster (Microsoft.Orleans.Clustering.AdoNet 10.4.2): a silo inserts its row, heartbeats it,
-- and silos vote each other Active, Suspect or Dead; clients find gateways here.
-- Why this shape:
-- * The provider's consistency is one version per cluster (OrleansMembershipVersionTable.Version, the table ETag):
--   every insert or update of a silo row names the version it read and succeeds only if it is still current, then
--   increments it, in one statement. The statement first locks the version row (SELECT ... FOR UPDATE), so two silos
--   writing at once are serialised on it; the loser re-reads that row after the winner commits, sees another
--   version and changes nothing. A silo row that is missing (cleaned up meanwhile) leaves the version untouched.
-- * Answers are one boolean column (the provider reads exactly one), true when the write happened.
-- * Heartbeats (UpdateIAmAlivetimeKey) touch only IAmAliveTime of the silo's own row, never the version, and
--   never move it backwards (GREATEST), so an update carrying an older IAmAliveTime does not undo a heartbeat.
-- * Reads return the version row LEFT JOINed to the silo rows: the provider takes the version from the first row
--   and treats a row without StartTime as "no silo", so an empty cluster still yields its version.
-- * The primary key (DeploymentId, Address, Port, Generation) is a silo's identity; the foreign key keeps silo rows
--   from outliving their cluster's version row.
-- * CleanupDefunctSiloEntryKey (optional in 10.4.2, used when present) deletes one Dead row only if it is exactly
--   as the provider read it (times and suspicions), without touching the version; the older bulk
--   CleanupDefunctSiloEntriesKey stays because the provider requires its key.
-- * Timestamps are timestamptz: the provider sends UTC DateTimes, which Npgsql writes as timestamptz.
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId varchar(150) PRIMARY KEY,
    Timestamp timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

CREATE TABLE OrleansMembershipTable (
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NOT NULL,
    SuspectTimes text NULL,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT count(*) > 0 FROM inserted
$q$),
('InsertMembershipKey', $q$
WITH current_version AS (
    SELECT DeploymentId FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING
    RETURNING 1),
bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND EXISTS (SELECT 1 FROM inserted)
    RETURNING 1)
SELECT count(*) > 0 FROM bumped
$q$),
('UpdateMembershipKey', $q$
WITH current_version AS (
    SELECT DeploymentId FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
updated AS (
    UPDATE OrleansMembershipTable
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
        AND EXISTS (SELECT 1 FROM current_version)
    RETURNING 1),
bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND EXISTS (SELECT 1 FROM updated)
    RETURNING 1)
SELECT count(*) > 0 FROM bumped
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$),
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$),
('DeleteMembershipTableEntriesKey', $q$
WITH silos AS (DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6
    AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime
$q$),
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
    AND Status = 6 AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
    AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '')
$q$);
