using System.Data.Common;
using System.Text;

namespace Personnel.Storage.Internal;

/// <summary>Read-side queries: the same SQL on both dialects; only type conversions differ.</summary>
public abstract partial class EventStoreBase
{
    private const string EventColumns = "position, stream_id, version, type, payload, occurred_on, recorded_at, recorded_by, request_id";

    private const string ViewColumns = "employee_id, department_id, post, grade_level, step, status, term_number, term_end, probation_end, "
        + "rotation_due_on, rotation_strength, retirement_date, counted_years, details, updated_version";

    /// <summary>The employee-view columns qualified by <paramref name="alias"/>, for a join.</summary>
    private static string ViewColumnsOf(string alias) =>
        string.Join(", ", ViewColumns.Split(", ").Select(c => $"{alias}.{c}"));

    private protected abstract Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    private protected abstract object DateValue(DateOnly value);

    private protected abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    private protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default) =>
        ReadStreamFromAsync(streamId, fromVersion, maxCount: null, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return ReadStreamFromAsync(streamId, fromVersion, maxCount, cancellationToken);
    }

    /// <summary>A stream's events from <paramref name="fromVersion"/> on, in order; at most <paramref name="maxCount"/> (null: all).</summary>
    private Task<IReadOnlyList<RecordedEvent>> ReadStreamFromAsync(string streamId, long fromVersion, int? maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var parameters = new List<(string Name, object? Value)> { ("stream", streamId), ("from", Math.Max(1, fromVersion)) };
        var limit = string.Empty;
        if (maxCount is { } max)
        {
            parameters.Add(("max", max));
            limit = " LIMIT @max";
        }

        return QueryListAsync(
            $"SELECT {EventColumns} FROM events WHERE stream_id = @stream AND version >= @from ORDER BY version{limit}",
            parameters,
            ReadEvent,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamOfTypesAsync(string streamId, IReadOnlyCollection<string> types, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<RecordedEvent>>([]);
        }

        var names = types.Select((_, i) => $"@type{i}").ToList();
        return QueryListAsync(
            $"SELECT {EventColumns} FROM events WHERE stream_id = @stream AND type IN ({string.Join(", ", names)}) ORDER BY version",
            [("stream", streamId), .. types.Select((type, i) => ($"type{i}", (object?)type))],
            ReadEvent,
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var versions = await QueryListAsync(
            "SELECT version FROM streams WHERE stream_id = @stream",
            [("stream", streamId)],
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? 0 : versions[0];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return QueryListAsync(
            $"SELECT {EventColumns} FROM events WHERE position > @after ORDER BY position LIMIT @max",
            [("after", afterPosition), ("max", maxCount)],
            ReadEvent,
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryListAsync("SELECT last_position FROM store_state WHERE id = 1", [], r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : rows[0];
    }

    /// <inheritdoc/>
    public async Task<EmployeeView?> GetEmployeeAsync(string employeeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        var rows = await QueryListAsync(
            $"SELECT {ViewColumns} FROM employee_view WHERE employee_id = @id",
            [("id", employeeId)],
            ReadView,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EmployeeView>> ListEmployeesAsync(string? departmentId, string? afterEmployeeId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = new StringBuilder($"SELECT {ViewColumns} FROM employee_view WHERE employee_id > @after");
        var parameters = new List<(string, object?)> { ("after", afterEmployeeId ?? string.Empty), ("limit", limit) };
        if (departmentId is not null)
        {
            sql.Append(" AND department_id = @department");
            parameters.Add(("department", departmentId));
        }

        sql.Append(" ORDER BY employee_id LIMIT @limit");
        return QueryListAsync(sql.ToString(), parameters, ReadView, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RotationDuePage> QueryRotationDueAsync(RotationDueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 1000)
        {
            throw new ArgumentException($"The page size is {query.Limit}; it must be between 1 and 1000.", nameof(query));
        }

        if (query.WindowDays is < 0 or > 3660)
        {
            throw new ArgumentException($"The window is {query.WindowDays} days; it must be between 0 and 3660.", nameof(query));
        }

        // The answer for the date asked is the timeline period covering it (the domain stored the dates at which the
        // answer changes). Each filter is added only when present, so each shape is a range scan of one index:
        // (due_on, employee_id) for the zone, (department_id, due_on, employee_id) for one department,
        // (strength, due_on, employee_id) for one strength.
        var sql = new StringBuilder(
            $"SELECT {ViewColumnsOf("v")}, r.valid_from, r.valid_until, r.department_id, r.due_on, r.strength, r.consecutive_terms, r.reason "
            + "FROM rotation_due r JOIN employee_view v ON v.employee_id = r.employee_id "
            + "WHERE r.due_on <= @until AND r.valid_from <= @asOf AND (r.valid_until IS NULL OR r.valid_until > @asOf)");
        var parameters = new List<(string, object?)>
        {
            ("until", DateValue(query.AsOf.AddDays(query.WindowDays))), ("asOf", DateValue(query.AsOf)), ("limit", query.Limit + 1),
        };
        if (query.DepartmentId is not null)
        {
            sql.Append(" AND r.department_id = @department");
            parameters.Add(("department", query.DepartmentId));
        }

        if (query.Strength is { } strength)
        {
            sql.Append(" AND r.strength = @strength");
            parameters.Add(("strength", StrengthName(strength)));
        }

        if (query.After is { } after)
        {
            sql.Append(" AND (r.due_on, r.employee_id) > (@afterDue, @afterId)");
            parameters.Add(("afterDue", DateValue(after.RotationDueOn)));
            parameters.Add(("afterId", after.EmployeeId));
        }

        sql.Append(" ORDER BY r.due_on, r.employee_id LIMIT @limit");
        var rows = await QueryListAsync(sql.ToString(), parameters, ReadListing, cancellationToken).ConfigureAwait(false);
        if (rows.Count <= query.Limit)
        {
            return new RotationDuePage(rows, null);
        }

        var items = rows.Take(query.Limit).ToList();
        var last = items[^1];
        return new RotationDuePage(items, new RotationDueCursor(last.Period.DueOn, last.View.EmployeeId));
    }

    private RotationDueListing ReadListing(DbDataReader r) => new(
        ReadView(r),
        new RotationDuePeriod(
            ReadDate(r, 15),
            r.IsDBNull(16) ? null : ReadDate(r, 16),
            r.GetString(17),
            ReadDate(r, 18),
            ParseStrength(r.GetString(19)),
            r.GetInt32(20),
            r.GetString(21)));

    /// <inheritdoc/>
    public async Task<QuarterQuota?> GetQuarterQuotaAsync(string departmentId, int year, int quarter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        var rows = await QueryListAsync(
            "SELECT eligible_count, good_count FROM quota_quarter WHERE department_id = @department AND year = @year AND quarter = @quarter",
            [("department", departmentId), ("year", year), ("quarter", quarter)],
            r => new QuarterQuota(departmentId, year, quarter, r.GetInt32(0), r.GetInt32(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<YearQuota?> GetYearQuotaAsync(string departmentId, int year, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        var rows = await QueryListAsync(
            "SELECT tier, eligible_count, excellent_count FROM quota_year WHERE department_id = @department AND year = @year",
            [("department", departmentId), ("year", year)],
            r => new YearQuota(departmentId, year, r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<string?> GetDocumentAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rows = await QueryListAsync(
            "SELECT json FROM read_model WHERE kind = @kind AND key = @key",
            [("kind", kind), ("key", key)],
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<int> CountDocumentsAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var rows = await QueryListAsync(
            "SELECT COUNT(*) FROM read_model WHERE kind = @kind",
            [("kind", kind)],
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return (int)rows[0];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReadModelDocument>> ListDocumentsAsync(string kind, string? afterKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryListAsync(
            "SELECT kind, key, json FROM read_model WHERE kind = @kind AND key > @after ORDER BY key LIMIT @limit",
            [("kind", kind), ("after", afterKey ?? string.Empty), ("limit", limit)],
            r => new ReadModelDocument(r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RecordedRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var rows = await QueryListAsync(
            "SELECT request_id, fingerprint, result FROM requests WHERE request_id = @id",
            [("id", requestId)],
            r => new RecordedRequest(r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private protected static string StrengthName(RotationStrength strength) => strength switch
    {
        RotationStrength.Advisory => "advisory",
        RotationStrength.Mandatory => "mandatory",
        _ => throw new ArgumentOutOfRangeException(nameof(strength), strength, "Rotation strength is advisory or mandatory."),
    };

    private static RotationStrength ParseStrength(string name) => name switch
    {
        "advisory" => RotationStrength.Advisory,
        "mandatory" => RotationStrength.Mandatory,
        _ => throw new InvalidDataException($"employee_view.rotation_strength holds '{name}', neither 'advisory' nor 'mandatory'."),
    };

    private async Task<IReadOnlyList<T>> QueryListAsync<T>(
        string sql,
        IReadOnlyList<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = value ?? DBNull.Value;
                    command.Parameters.Add(p);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var list = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(read(reader));
                    }

                    return list;
                }
            }
        }
    }

    private RecordedEvent ReadEvent(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        r.GetString(3),
        r.GetString(4),
        ReadDate(r, 5),
        ReadTimestamp(r, 6),
        r.GetString(7),
        r.GetString(8));

    private EmployeeView ReadView(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        r.GetString(5),
        r.GetInt32(6),
        r.IsDBNull(7) ? null : ReadDate(r, 7),
        r.IsDBNull(8) ? null : ReadDate(r, 8),
        r.IsDBNull(9) ? null : ReadDate(r, 9),
        r.IsDBNull(10) ? null : ParseStrength(r.GetString(10)),
        r.IsDBNull(11) ? null : ReadDate(r, 11),
        r.GetInt32(12),
        r.GetString(13),
        r.GetInt64(14));
}
