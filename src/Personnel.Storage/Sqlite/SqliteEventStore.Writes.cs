using Microsoft.Data.Sqlite;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Sqlite;

/// <summary>The write transaction: BEGIN IMMEDIATE, read the batch's state, decide, write, commit.
/// Synchronous calls on purpose: SQLite runs in-process and its async API is synchronous anyway.</summary>
public sealed partial class SqliteEventStore
{
    private protected override Task<CommitPlanner> ExecuteBatchAsync(IReadOnlyList<PendingCommit> batch, BatchKeys keys, DateTimeOffset recordedAt)
    {
        using var transaction = _writer.BeginTransaction();
        var state = LoadState(transaction, keys);
        var planner = new CommitPlanner(state);
        planner.Plan(batch);
        if (planner.HasWrites)
        {
            Write(transaction, planner, FormatTimestamp(recordedAt));
            transaction.Commit();
        }

        return Task.FromResult(planner);
    }

    private BatchState LoadState(SqliteTransaction transaction, BatchKeys keys)
    {
        var state = new BatchState();
        using (var last = Command(transaction, "SELECT last_position FROM store_state WHERE id = 1"))
        {
            state.LastPosition = (long)last.ExecuteScalar()!;
        }

        using (var stream = Command(transaction, "SELECT version FROM streams WHERE stream_id = @id", "@id"))
        {
            foreach (var id in keys.StreamIds)
            {
                stream.Parameters[0].Value = id;
                if (stream.ExecuteScalar() is long version)
                {
                    state.StreamVersions[id] = version;
                }
            }
        }

        using (var request = Command(transaction, "SELECT fingerprint, result FROM requests WHERE request_id = @id", "@id"))
        {
            foreach (var id in keys.RequestIds)
            {
                request.Parameters[0].Value = id;
                using var reader = request.ExecuteReader();
                if (reader.Read())
                {
                    state.Requests[id] = new StoredRequest(reader.GetString(0), reader.GetString(1));
                }
            }
        }

        using (var quarter = Command(transaction, "SELECT eligible_count, good_count FROM quota_quarter WHERE department_id = @d AND year = @y AND quarter = @q", "@d", "@y", "@q"))
        {
            foreach (var key in keys.Quarters)
            {
                quarter.Parameters[0].Value = key.DepartmentId;
                quarter.Parameters[1].Value = key.Year;
                quarter.Parameters[2].Value = key.Quarter;
                using var reader = quarter.ExecuteReader();
                if (reader.Read())
                {
                    state.Quarters[key] = new QuarterCounters(reader.GetInt32(0), reader.GetInt32(1));
                }
            }
        }

        using (var year = Command(transaction, "SELECT tier, eligible_count, excellent_count FROM quota_year WHERE department_id = @d AND year = @y", "@d", "@y"))
        {
            foreach (var key in keys.Years)
            {
                year.Parameters[0].Value = key.DepartmentId;
                year.Parameters[1].Value = key.Year;
                using var reader = year.ExecuteReader();
                if (reader.Read())
                {
                    state.Years[key] = new YearCounters(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
                }
            }
        }

        return state;
    }

    private void Write(SqliteTransaction transaction, CommitPlanner plan, string recordedAt)
    {
        using (var insert = Command(
            transaction,
            "INSERT INTO events (position, stream_id, version, type, payload, occurred_on, recorded_at, recorded_by, request_id) VALUES (@p, @s, @v, @t, @d, @o, @r, @b, @q)",
            "@p", "@s", "@v", "@t", "@d", "@o", "@r", "@b", "@q"))
        {
            foreach (var e in plan.Events)
            {
                Bind(insert, e.Position, e.StreamId, e.Version, e.Event.Type, e.Event.Payload, FormatDate(e.Event.OccurredOn), recordedAt, e.RecordedBy, e.RequestId);
                insert.ExecuteNonQuery();
            }
        }

        using (var stream = Command(transaction, "INSERT INTO streams (stream_id, version) VALUES (@s, @v) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version", "@s", "@v"))
        {
            foreach (var (id, version) in plan.StreamVersions)
            {
                Bind(stream, id, version);
                stream.ExecuteNonQuery();
            }
        }

        using (var request = Command(transaction, "INSERT INTO requests (request_id, fingerprint, result, first_position, recorded_at) VALUES (@i, @f, @r, @p, @t)", "@i", "@f", "@r", "@p", "@t"))
        {
            foreach (var r in plan.Requests)
            {
                Bind(request, r.RequestId, r.Fingerprint, r.Result, r.FirstPosition, recordedAt);
                request.ExecuteNonQuery();
            }
        }

        WriteReadModels(transaction, plan);

        using var last = Command(transaction, "UPDATE store_state SET last_position = @p WHERE id = 1", "@p");
        Bind(last, plan.LastPosition);
        last.ExecuteNonQuery();
    }

    private void WriteReadModels(SqliteTransaction transaction, CommitPlanner plan)
    {
        using (var quarter = Command(
            transaction,
            "INSERT INTO quota_quarter (department_id, year, quarter, eligible_count, good_count) VALUES (@d, @y, @q, @e, @g) "
            + "ON CONFLICT (department_id, year, quarter) DO UPDATE SET eligible_count = excluded.eligible_count, good_count = excluded.good_count",
            "@d", "@y", "@q", "@e", "@g"))
        {
            foreach (var (key, value) in plan.Quarters)
            {
                Bind(quarter, key.DepartmentId, key.Year, key.Quarter, value.EligibleCount, value.GoodCount);
                quarter.ExecuteNonQuery();
            }
        }

        using (var year = Command(
            transaction,
            "INSERT INTO quota_year (department_id, year, tier, eligible_count, excellent_count) VALUES (@d, @y, @t, @e, @x) "
            + "ON CONFLICT (department_id, year) DO UPDATE SET tier = excluded.tier, eligible_count = excluded.eligible_count, excellent_count = excluded.excellent_count",
            "@d", "@y", "@t", "@e", "@x"))
        {
            foreach (var (key, value) in plan.Years)
            {
                Bind(year, key.DepartmentId, key.Year, value.Tier, value.EligibleCount, value.ExcellentCount);
                year.ExecuteNonQuery();
            }
        }

        if (plan.RotationTimelines.Count > 0)
        {
            using var clear = Command(transaction, "DELETE FROM rotation_due WHERE employee_id = @a", "@a");
            using var period = Command(
                transaction,
                "INSERT INTO rotation_due (employee_id, valid_from, valid_until, department_id, due_on, strength, consecutive_terms, reason) "
                + "VALUES (@a, @b, @c, @d, @e, @f, @g, @h)",
                "@a", "@b", "@c", "@d", "@e", "@f", "@g", "@h");
            foreach (var (employee, periods) in plan.RotationTimelines)
            {
                Bind(clear, employee);
                clear.ExecuteNonQuery();
                foreach (var p in periods)
                {
                    Bind(period, employee, FormatDate(p.ValidFrom), FormatDate(p.ValidUntil), p.DepartmentId, FormatDate(p.DueOn),
                        StrengthName(p.Strength), p.ConsecutiveTerms, p.Reason);
                    period.ExecuteNonQuery();
                }
            }
        }

        using (var view = Command(
            transaction,
            "INSERT OR REPLACE INTO employee_view (employee_id, department_id, post, grade_level, step, status, term_number, term_end, probation_end, "
            + "rotation_due_on, rotation_strength, retirement_date, counted_years, details, updated_version) "
            + "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m, @n, @o)",
            "@a", "@b", "@c", "@d", "@e", "@f", "@g", "@h", "@i", "@j", "@k", "@l", "@m", "@n", "@o"))
        {
            foreach (var v in plan.Views.Values)
            {
                Bind(
                    view,
                    v.EmployeeId,
                    v.DepartmentId,
                    v.Post,
                    v.GradeLevel,
                    v.Step,
                    v.Status,
                    v.TermNumber,
                    FormatDate(v.TermEnd),
                    FormatDate(v.ProbationEnd),
                    FormatDate(v.RotationDueOn),
                    v.RotationStrength is { } s ? StrengthName(s) : DBNull.Value,
                    FormatDate(v.RetirementDate),
                    v.CountedYears,
                    v.Details,
                    v.UpdatedVersion);
                view.ExecuteNonQuery();
            }
        }

        using var put = Command(transaction, "INSERT OR REPLACE INTO read_model (kind, key, json) VALUES (@k, @y, @j)", "@k", "@y", "@j");
        using var delete = Command(transaction, "DELETE FROM read_model WHERE kind = @k AND key = @y", "@k", "@y");
        foreach (var (key, json) in plan.Documents)
        {
            if (json is null)
            {
                Bind(delete, key.Kind, key.Key);
                delete.ExecuteNonQuery();
            }
            else
            {
                Bind(put, key.Kind, key.Key, json);
                put.ExecuteNonQuery();
            }
        }
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
