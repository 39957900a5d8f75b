using Npgsql;
using NpgsqlTypes;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Postgres;

/// <summary>
/// The write transaction in two round trips whatever the batch size: (1) BEGIN, lock store_state,
/// read the batch's streams, requests and quota rows; decide in memory; (2) write every table with one
/// set-based statement (unnest of arrays), COMMIT.
/// </summary>
public sealed partial class PostgresEventStore
{
    private protected override async Task<CommitPlanner> ExecuteBatchAsync(IReadOnlyList<PendingCommit> batch, BatchKeys keys, DateTimeOffset recordedAt)
    {
        // The committer is the only user of the writer connection. BEGIN travels with the state reads and
        // COMMIT with the writes, so a batch costs two round trips plus the WAL flush. On any failure the
        // connection is dropped, which rolls back whatever was open.
        var connection = _writer ??= await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            var state = await LoadStateAsync(connection, keys).ConfigureAwait(false);
            var planner = new CommitPlanner(state);
            planner.Plan(batch);
            await WriteAsync(connection, planner, recordedAt.UtcDateTime).ConfigureAwait(false);
            return planner;
        }
        catch
        {
            _writer = null;
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<BatchState> LoadStateAsync(NpgsqlConnection connection, BatchKeys keys)
    {
        var quarters = keys.Quarters.ToArray();
        var years = keys.Years.ToArray();
        await using var load = new NpgsqlBatch(connection);

        load.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));

        // The lock comes first: the statements after it take their snapshots once it is held, so they
        // see everything the previous holder (on any node) committed.
        load.BatchCommands.Add(new NpgsqlBatchCommand("SELECT last_position FROM store_state WHERE id = 1 FOR UPDATE"));
        // Statements whose key list is empty are left out; their result sets are then simply absent.
        if (keys.StreamIds.Count > 0)
        {
            load.BatchCommands.Add(Command("SELECT stream_id, version FROM streams WHERE stream_id = ANY($1)", (object)keys.StreamIds.ToArray()));
        }

        load.BatchCommands.Add(Command("SELECT request_id, fingerprint, result FROM requests WHERE request_id = ANY($1)", (object)keys.RequestIds.ToArray()));
        if (quarters.Length > 0)
        {
            load.BatchCommands.Add(Command(
                "SELECT q.department_id, q.year, q.quarter, q.eligible_count, q.good_count FROM quota_quarter q "
                + "JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(d, y, n) ON q.department_id = k.d AND q.year = k.y AND q.quarter = k.n",
                quarters.Select(k => k.DepartmentId).ToArray(),
                quarters.Select(k => k.Year).ToArray(),
                quarters.Select(k => k.Quarter).ToArray()));
        }

        if (years.Length > 0)
        {
            load.BatchCommands.Add(Command(
                "SELECT q.department_id, q.year, q.tier, q.eligible_count, q.excellent_count FROM quota_year q "
                + "JOIN unnest($1::text[], $2::int[]) AS k(d, y) ON q.department_id = k.d AND q.year = k.y",
                years.Select(k => k.DepartmentId).ToArray(),
                years.Select(k => k.Year).ToArray()));
        }

        var state = new BatchState();
        // BEGIN returns no result set, so the reader starts at the lock's row.
        await using var reader = await load.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        state.LastPosition = reader.GetInt64(0);
        if (keys.StreamIds.Count > 0)
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                state.StreamVersions[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        await reader.NextResultAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            state.Requests[reader.GetString(0)] = new StoredRequest(reader.GetString(1), reader.GetString(2));
        }

        if (quarters.Length > 0)
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                state.Quarters[new QuarterKey(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2))] = new QuarterCounters(reader.GetInt32(3), reader.GetInt32(4));
            }
        }

        if (years.Length > 0)
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                state.Years[new YearKey(reader.GetString(0), reader.GetInt32(1))] = new YearCounters(reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
            }
        }

        return state;
    }

    private async Task WriteAsync(NpgsqlConnection connection, CommitPlanner plan, DateTime recordedAt)
    {
        await using var write = new NpgsqlBatch(connection);
        if (!plan.HasWrites)
        {
            write.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));
            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
            return;
        }

        var events = plan.Events;
        if (events.Count > 0)
        {
            write.BatchCommands.Add(Command(
                "INSERT INTO events (position, stream_id, version, type, payload, occurred_on, recorded_at, recorded_by, request_id) "
                + "SELECT p, s, v, t, d, o, $9, b, r FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[]) AS e(p, s, v, t, d, o, b, r)",
                events.Select(e => e.Position).ToArray(),
                events.Select(e => e.StreamId).ToArray(),
                events.Select(e => e.Version).ToArray(),
                events.Select(e => e.Event.Type).ToArray(),
                events.Select(e => e.Event.Payload).ToArray(),
                events.Select(e => e.Event.OccurredOn).ToArray(),
                events.Select(e => e.RecordedBy).ToArray(),
                events.Select(e => e.RequestId).ToArray(),
                recordedAt));
            write.BatchCommands.Add(Command(
                "INSERT INTO streams (stream_id, version) SELECT * FROM unnest($1::text[], $2::bigint[]) "
                + "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version",
                plan.StreamVersions.Keys.ToArray(),
                plan.StreamVersions.Values.ToArray()));
        }

        write.BatchCommands.Add(Command(
            "INSERT INTO requests (request_id, fingerprint, result, first_position, recorded_at) "
            + "SELECT i, f, r, p, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS q(i, f, r, p)",
            plan.Requests.Select(r => r.RequestId).ToArray(),
            plan.Requests.Select(r => r.Fingerprint).ToArray(),
            plan.Requests.Select(r => r.Result).ToArray(),
            plan.Requests.Select(r => r.FirstPosition).ToArray(),
            recordedAt));
        AddReadModelWrites(write, plan);
        write.BatchCommands.Add(Command("UPDATE store_state SET last_position = $1 WHERE id = 1", plan.LastPosition));
        write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await write.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static void AddReadModelWrites(NpgsqlBatch write, CommitPlanner plan)
    {
        if (plan.Quarters.Count > 0)
        {
            var q = plan.Quarters.ToArray();
            write.BatchCommands.Add(Command(
                "INSERT INTO quota_quarter (department_id, year, quarter, eligible_count, good_count) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[]) "
                + "ON CONFLICT (department_id, year, quarter) DO UPDATE SET eligible_count = excluded.eligible_count, good_count = excluded.good_count",
                q.Select(x => x.Key.DepartmentId).ToArray(),
                q.Select(x => x.Key.Year).ToArray(),
                q.Select(x => x.Key.Quarter).ToArray(),
                q.Select(x => x.Value.EligibleCount).ToArray(),
                q.Select(x => x.Value.GoodCount).ToArray()));
        }

        if (plan.Years.Count > 0)
        {
            var y = plan.Years.ToArray();
            write.BatchCommands.Add(Command(
                "INSERT INTO quota_year (department_id, year, tier, eligible_count, excellent_count) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[]) "
                + "ON CONFLICT (department_id, year) DO UPDATE SET tier = excluded.tier, eligible_count = excluded.eligible_count, excellent_count = excluded.excellent_count",
                y.Select(x => x.Key.DepartmentId).ToArray(),
                y.Select(x => x.Key.Year).ToArray(),
                y.Select(x => x.Value.Tier).ToArray(),
                y.Select(x => x.Value.EligibleCount).ToArray(),
                y.Select(x => x.Value.ExcellentCount).ToArray()));
        }

        if (plan.Views.Count > 0)
        {
            var v = plan.Views.Values.ToArray();
            write.BatchCommands.Add(Command(
                "INSERT INTO employee_view (employee_id, department_id, post, grade_level, step, status, term_number, term_end, probation_end, "
                + "rotation_due_on, rotation_strength, retirement_date, counted_years, details, updated_version) "
                + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::date[], $9::date[], "
                + "$10::date[], $11::text[], $12::date[], $13::int[], $14::text[], $15::bigint[]) "
                + "ON CONFLICT (employee_id) DO UPDATE SET department_id = excluded.department_id, post = excluded.post, grade_level = excluded.grade_level, "
                + "step = excluded.step, status = excluded.status, term_number = excluded.term_number, term_end = excluded.term_end, "
                + "probation_end = excluded.probation_end, rotation_due_on = excluded.rotation_due_on, rotation_strength = excluded.rotation_strength, "
                + "retirement_date = excluded.retirement_date, counted_years = excluded.counted_years, details = excluded.details, "
                + "updated_version = excluded.updated_version",
                v.Select(x => x.EmployeeId).ToArray(),
                v.Select(x => x.DepartmentId).ToArray(),
                v.Select(x => x.Post).ToArray(),
                v.Select(x => x.GradeLevel).ToArray(),
                v.Select(x => x.Step).ToArray(),
                v.Select(x => x.Status).ToArray(),
                v.Select(x => x.TermNumber).ToArray(),
                Dates(v.Select(x => x.TermEnd)),
                Dates(v.Select(x => x.ProbationEnd)),
                Dates(v.Select(x => x.RotationDueOn)),
                new NpgsqlParameter { Value = v.Select(x => x.RotationStrength is { } s ? StrengthName(s) : null).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                Dates(v.Select(x => x.RetirementDate)),
                v.Select(x => x.CountedYears).ToArray(),
                v.Select(x => x.Details).ToArray(),
                v.Select(x => x.UpdatedVersion).ToArray()));
        }

        if (plan.RotationTimelines.Count > 0)
        {
            var periods = plan.RotationTimelines.SelectMany(t => t.Value.Select(p => (Employee: t.Key, Period: p))).ToArray();
            write.BatchCommands.Add(Command(
                "DELETE FROM rotation_due WHERE employee_id = ANY($1::text[])",
                (object)plan.RotationTimelines.Keys.ToArray()));
            if (periods.Length > 0)
            {
                write.BatchCommands.Add(Command(
                    "INSERT INTO rotation_due (employee_id, valid_from, valid_until, department_id, due_on, strength, consecutive_terms, reason) "
                    + "SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::text[], $5::date[], $6::text[], $7::int[], $8::text[])",
                    periods.Select(x => x.Employee).ToArray(),
                    Dates(periods.Select(x => (DateOnly?)x.Period.ValidFrom)),
                    Dates(periods.Select(x => x.Period.ValidUntil)),
                    periods.Select(x => x.Period.DepartmentId).ToArray(),
                    Dates(periods.Select(x => (DateOnly?)x.Period.DueOn)),
                    periods.Select(x => StrengthName(x.Period.Strength)).ToArray(),
                    periods.Select(x => x.Period.ConsecutiveTerms).ToArray(),
                    periods.Select(x => x.Period.Reason).ToArray()));
            }
        }

        var puts = plan.Documents.Where(d => d.Value is not null).ToArray();
        if (puts.Length > 0)
        {
            write.BatchCommands.Add(Command(
                "INSERT INTO read_model (kind, key, json) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json",
                puts.Select(d => d.Key.Kind).ToArray(),
                puts.Select(d => d.Key.Key).ToArray(),
                puts.Select(d => d.Value!).ToArray()));
        }

        var deletes = plan.Documents.Where(d => d.Value is null).ToArray();
        if (deletes.Length > 0)
        {
            write.BatchCommands.Add(Command(
                "DELETE FROM read_model r USING unnest($1::text[], $2::text[]) AS k(kind, key) WHERE r.kind = k.kind AND r.key = k.key",
                deletes.Select(d => d.Key.Kind).ToArray(),
                deletes.Select(d => d.Key.Key).ToArray()));
        }
    }

    private static NpgsqlParameter Dates(IEnumerable<DateOnly?> values) =>
        new() { Value = values.Select(d => d is { } x ? (object)x : DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date };

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
