using System.Text;
using System.Text.Json;

namespace Personnel.Storage.Internal;

/// <summary>Refuses malformed commits before they reach a transaction, naming the rule and the facts.</summary>
internal static class CommitValidator
{
    private const int MaxIdLength = 200;

    public static void Validate(Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        RequireId(commit.RequestId, "request id");
        RequireId(commit.RequestFingerprint, "request fingerprint");
        RequireId(commit.RecordedBy, "recorded by");
        ArgumentNullException.ThrowIfNull(commit.Appends, nameof(commit.Appends));
        ArgumentNullException.ThrowIfNull(commit.ReadModelWrites, nameof(commit.ReadModelWrites));
        RequireJson(commit.Result, $"result of request '{commit.RequestId}'");
        if (commit.Appends.Count == 0 && commit.ReadModelWrites.Count == 0)
        {
            throw new ArgumentException($"Commit '{commit.RequestId}' records nothing: it needs at least one stream append or read-model write.", nameof(commit));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in commit.Appends)
        {
            ArgumentNullException.ThrowIfNull(append, nameof(commit.Appends));
            RequireId(append.StreamId, "stream id");
            if (!seen.Add(append.StreamId))
            {
                throw new ArgumentException($"Commit '{commit.RequestId}' appends to stream '{append.StreamId}' twice: one append per stream per commit.", nameof(commit));
            }

            if (append.ExpectedVersion < ExpectedVersion.Any)
            {
                throw new ArgumentException($"Stream '{append.StreamId}': expected version {append.ExpectedVersion} is invalid (0 = new stream, -1 = any, else the current version).", nameof(commit));
            }

            if (append.Events is null || append.Events.Count == 0)
            {
                throw new ArgumentException($"Stream '{append.StreamId}': an append needs at least one event.", nameof(commit));
            }

            foreach (var e in append.Events)
            {
                ArgumentNullException.ThrowIfNull(e, nameof(append.Events));
                RequireId(e.Type, $"event type in stream '{append.StreamId}'");
                RequireJson(e.Payload, $"payload of a '{e.Type}' event in stream '{append.StreamId}'");
            }
        }

        foreach (var write in commit.ReadModelWrites)
        {
            ValidateWrite(write);
        }
    }

    private static void ValidateWrite(ReadModelWrite write)
    {
        switch (write)
        {
            case UpsertEmployeeView { View: var v }:
                ArgumentNullException.ThrowIfNull(v, nameof(UpsertEmployeeView.View));
                RequireId(v.EmployeeId, "employee id");
                RequireId(v.DepartmentId, "department id");
                RequireId(v.Post, "post");
                RequireId(v.Status, "status");
                RequireRange(v.GradeLevel, 1, 8, $"grade level of employee '{v.EmployeeId}'");
                RequireRange(v.Step, 1, 19, $"step of employee '{v.EmployeeId}'");
                RequireRange(v.TermNumber, 0, 1000, $"term number of employee '{v.EmployeeId}'");
                RequireRange(v.CountedYears, 0, 100, $"counted years of employee '{v.EmployeeId}'");
                RequireRange(v.UpdatedVersion, 0, long.MaxValue, $"updated version of employee '{v.EmployeeId}'");
                if (v.RotationStrength is { } s && !Enum.IsDefined(s))
                {
                    throw new ArgumentException($"Rotation strength {(int)s} of employee '{v.EmployeeId}' is neither advisory nor mandatory.");
                }

                if ((v.RotationDueOn is null) != (v.RotationStrength is null))
                {
                    throw new ArgumentException($"Employee '{v.EmployeeId}': a rotation due date and its strength go together (due {v.RotationDueOn?.ToString("O") ?? "none"}, strength {v.RotationStrength?.ToString() ?? "none"}).");
                }

                RequireJson(v.Details, $"details of employee '{v.EmployeeId}'");
                break;
            case ReplaceRotationTimeline r:
                RequireId(r.EmployeeId, "employee id");
                ArgumentNullException.ThrowIfNull(r.Periods, nameof(ReplaceRotationTimeline.Periods));
                foreach (var p in r.Periods)
                {
                    RequireId(p.DepartmentId, "department id");
                    RequireRange(p.ConsecutiveTerms, 0, 1000, $"consecutive terms of employee '{r.EmployeeId}'");
                    if (!Enum.IsDefined(p.Strength) || (p.ValidUntil is { } until && until <= p.ValidFrom))
                    {
                        throw new ArgumentException($"Employee '{r.EmployeeId}': a rotation period needs a strength and a non-empty span ({p.ValidFrom:O} to {p.ValidUntil?.ToString("O") ?? "open"}).");
                    }
                }

                break;
            case SetQuarterEligible q:
                RequireQuarter(q.DepartmentId, q.Year, q.Quarter);
                RequireRange(q.EligibleCount, 0, 1_000_000, "eligible count");
                break;
            case AddQuarterGood q:
                RequireQuarter(q.DepartmentId, q.Year, q.Quarter);
                RequireRange(q.Cap, 0, 1_000_000, "Good cap");
                RequireRange(q.Delta, -1_000_000, 1_000_000, "Good delta");
                break;
            case SetYearQuota y:
                RequireId(y.DepartmentId, "department id");
                RequireRange(y.Year, 1900, 2999, "year");
                RequireRange(y.Tier, 1, 4, "department tier");
                RequireRange(y.EligibleCount, 0, 1_000_000, "eligible count");
                break;
            case AddYearExcellent y:
                RequireId(y.DepartmentId, "department id");
                RequireRange(y.Year, 1900, 2999, "year");
                RequireRange(y.Cap, 0, 1_000_000, "Excellent cap");
                RequireRange(y.Delta, -1_000_000, 1_000_000, "Excellent delta");
                break;
            case PutDocument d:
                RequireId(d.Kind, "document kind");
                RequireId(d.Key, "document key");
                RequireJson(d.Json, $"document '{d.Kind}/{d.Key}'");
                break;
            case DeleteDocument d:
                RequireId(d.Kind, "document kind");
                RequireId(d.Key, "document key");
                break;
            case null:
                throw new ArgumentNullException(nameof(write), "A read-model write is null.");
            default:
                throw new ArgumentException($"Unknown read-model write {write.GetType().Name}.");
        }
    }

    private static void RequireQuarter(string departmentId, int year, int quarter)
    {
        RequireId(departmentId, "department id");
        RequireRange(year, 1900, 2999, "year");
        RequireRange(quarter, 1, 4, "quarter");
    }

    private static void RequireId(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} is empty: it is required.");
        }

        // PostgreSQL text cannot hold NUL, and no id needs a control character: refuse them here rather
        // than let one commit fail the whole batch it rides in.
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The {what} '{value.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a control character; ids and names must be printable.");
        }

        if (value.Length > MaxIdLength && what is not ("request fingerprint" or "post" or "status"))
        {
            throw new ArgumentException($"The {what} '{value[..40]}…' is {value.Length} characters long; at most {MaxIdLength} are allowed.");
        }
    }

    private static void RequireRange(long value, long min, long max, string what)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"The {what} is {value}; it must be between {min} and {max}.");
        }
    }

    private static void RequireJson(string? json, string what)
    {
        if (json is null)
        {
            throw new ArgumentException($"The {what} is missing: it must be JSON text.");
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The {what} is not valid JSON: {ex.Message}");
        }
    }
}
