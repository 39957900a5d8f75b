using System.Security.Cryptography;
using System.Text;

namespace Personnel.Storage.Tests;

/// <summary>A clock the test sets; never sleeps.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Builders for commits, so each test states only what it is about.</summary>
internal static class Commits
{
    public static readonly DateOnly Day = new(2024, 3, 31);

    public static NewEvent Event(string type = "Graded", string payload = "{\"grade\":\"Good\"}", DateOnly? on = null) =>
        new(type, payload, on ?? Day);

    public static Commit Append(string requestId, string streamId, long expected, int events = 1, params ReadModelWrite[] writes) =>
        new(requestId, Fingerprint(requestId + streamId + expected), "key-1",
            [new StreamAppend(streamId, expected, Enumerable.Range(1, events).Select(i => Event(payload: $"{{\"n\":{i}}}")).ToList())],
            writes, $"{{\"request\":\"{requestId}\"}}");

    public static Commit Multi(string requestId, params StreamAppend[] appends) =>
        new(requestId, Fingerprint(requestId), "key-1", appends, [], "{}");

    public static Commit Good(string requestId, string employee, long expected, string department, int cap) =>
        Append(requestId, employee, expected, 1, new AddQuarterGood(department, 2024, 1, 1, cap));

    public static string Fingerprint(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static EmployeeView View(
        string id,
        string department = "dept-1",
        DateOnly? rotationDue = null,
        RotationStrength? strength = null,
        int step = 1,
        long version = 1) =>
        new(id, department, "section-chief", 5, step, "Appointed", 2, new DateOnly(2026, 6, 30), null,
            rotationDue, rotationDue is null ? null : strength ?? RotationStrength.Advisory,
            new DateOnly(2040, 1, 31), 4, "{}", version);
}
