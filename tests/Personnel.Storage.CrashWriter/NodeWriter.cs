using System.Globalization;

namespace Personnel.Storage.CrashWriter;

/// <summary>
/// One of two server nodes racing on one PostgreSQL. Four workers update the shared employees e-0..e-(n-1)
/// (read version, append with it as the ETag, retry a conflict at most 5 times, then give up: ABORTED),
/// and record Good grades for new employees of department "dq" against its 2024 Q1 cap. Every outcome
/// is printed with a UTC timestamp (ticks).
/// </summary>
public static class NodeWriter
{
    public const string Department = "dq";

    public const int MaxAttempts = 5;

    public static EmployeeView View(string employeeId, long version) =>
        new(employeeId, Department, "staff", 8, (int)((version - 1) % 19) + 1, "Appointed", 1, null, null, null, null, null, 0,
            $"{{\"updates\":{version}}}", version);

    public static async Task<int> RunAsync(string spec, string nodeId, int employees, int operations, int cap)
    {
        await using var store = await StoreSpec.OpenAsync(spec, nodeId);
        var output = Console.Out;
        void Print(string line)
        {
            lock (output)
            {
                output.WriteLine($"{line} {DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)}");
                output.Flush();
            }
        }

        Print("ready");

        // Both nodes start writing together: wait for the go signal on stdin.
        await Console.In.ReadLineAsync();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var k = w; k < operations; k += 4)
            {
                await UpdateAsync(store, $"e-{k % employees}", $"{nodeId}-u{k}", Print);
                var grade = await store.AppendAsync(new Commit(
                    $"{nodeId}-g{k}", "fp", nodeId,
                    [new StreamAppend($"{nodeId}-g{k}", ExpectedVersion.NoStream, [new NewEvent("QuarterGraded", "{\"grade\":\"Good\"}", new DateOnly(2024, 3, 31))])],
                    [new AddQuarterGood(Department, 2024, 1, 1, cap)],
                    "{}"));
                Print(grade switch
                {
                    Appended => $"good {nodeId}-g{k}",
                    QuotaExceeded q => $"quota {q.Count} {q.Cap}",
                    _ => throw new InvalidOperationException($"grade {k}: unexpected outcome {grade}"),
                });
            }
        })).ToList();
        await Task.WhenAll(workers);
        Print("finished");

        // Wait until told to stop (the test stops both nodes together).
        await Console.In.ReadLineAsync();
        return 0;
    }

    private static async Task UpdateAsync(IEventStore store, string employeeId, string requestId, Action<string> print)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var version = await store.GetStreamVersionAsync(employeeId);
            var outcome = await store.AppendAsync(new Commit(
                requestId, "fp", "node",
                [new StreamAppend(employeeId, version, [new NewEvent("Adjusted", $"{{\"by\":\"{requestId}\"}}", new DateOnly(2024, 5, 1))])],
                [new UpsertEmployeeView(View(employeeId, version + 1))],
                "{}"));
            switch (outcome)
            {
                case Appended:
                    print($"ok {employeeId} {version + 1}");
                    return;
                case WrongExpectedVersion:
                    print($"conflict {employeeId}");
                    break;
                default:
                    throw new InvalidOperationException($"update {requestId}: unexpected outcome {outcome}");
            }
        }

        print($"aborted {employeeId}");
    }
}
