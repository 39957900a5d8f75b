using System.Globalization;

namespace Personnel.Storage.CrashWriter;

/// <summary>
/// The crash test's workload and its projection. Event i goes to stream s-(i mod 64) and carries three
/// read-model writes: the stream's employee row (its event count and last i), a per-department Good
/// counter, and a progress document. The same functions rebuild the read models from the events.
/// </summary>
public static class CrashWorkload
{
    public const int Streams = 64;

    public const int Departments = 4;

    public static string RequestId(int i) => $"e-{i}";

    public static string StreamId(int i) => $"s-{i % Streams}";

    public static string DepartmentId(int i) => $"d-{i % Departments}";

    public static Commit Commit(int i, long expectedVersion) =>
        new(
            RequestId(i),
            "fp-" + i.ToString(CultureInfo.InvariantCulture),
            "crash-writer",
            [new StreamAppend(StreamId(i), expectedVersion, [new NewEvent("Counted", Payload(i), new DateOnly(2024, 1, 1).AddDays(i % 365))])],
            [
                new UpsertEmployeeView(View(StreamId(i), expectedVersion + 1, i)),
                new AddQuarterGood(DepartmentId(i), 2024, 1, 1, 1_000_000),
                new PutDocument("progress", StreamId(i), Payload(i)),
            ],
            $"{{\"ack\":{i}}}");

    public static string Payload(int i) => $"{{\"i\":{i}}}";

    public static int ParseI(string payload) => int.Parse(payload[5..^1], CultureInfo.InvariantCulture);

    /// <summary>The employee row a stream has after <paramref name="count"/> events, the last being i.</summary>
    public static EmployeeView View(string streamId, long count, int lastI) =>
        new(streamId, DepartmentId(lastI), "staff", 8, (int)((count - 1) % 19) + 1, "Appointed", 1, null, null, null, null, null, 0,
            $"{{\"count\":{count},\"last\":{lastI}}}", count);
}
