using Grpc.Core;
using V1 = Personnel.Api.V1;

namespace Personnel.Server.Services;

/// <summary>The department import of quarterly grades.</summary>
public sealed partial class GradingService
{
    private const int MaxImportRows = 10_000;

    /// <summary>How many rows of one import are in flight at once. Each row waits for its durable commit; taken
    /// one after another, every row paid a whole fsync (bench/api measured 456 rows/s), while rows in flight
    /// together share the store's group commit.</summary>
    private const int ImportConcurrency = 64;

    /// <summary>Each row is its own idempotent command: valid rows are recorded, invalid ones reported with their
    /// status; a row is recorded whole or not at all, and a re-run reports ALREADY_RECORDED. The whole stream is read
    /// before any row runs, so an import over the size limit is refused with nothing recorded. Rows run concurrently
    /// except where order decides the outcome, which then stays the file's order whatever the timing: the rows of
    /// one employee run one after another, and so do the Good rows of one quarter (the first ones in the file
    /// take the quota, AS 第八条). The response is sent only when every row's commit has returned.</summary>
    public override async Task<V1.ImportQuarterlyGradesResponse> ImportQuarterlyGrades(
        IAsyncStreamReader<V1.ImportQuarterlyGradeRow> requests, ServerCallContext context)
    {
        var received = new List<V1.ImportQuarterlyGradeRow>();
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            if (received.Count == MaxImportRows)
            {
                throw Refusals.Refuse(StatusCode.ResourceExhausted, "IMPORT_TOO_LARGE",
                    $"An import takes at most {MaxImportRows:N0} rows and this one sent more; nothing was recorded — send it as imports of at most {MaxImportRows:N0} rows.");
            }

            received.Add(requests.Current);
        }

        var rows = new List<Task<V1.ImportRowResult>>(received.Count);
        var lastOf = new Dictionary<string, Task>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(ImportConcurrency);
        try
        {
            foreach (var row in received)
            {
                await slots.WaitAsync(context.CancellationToken).ConfigureAwait(false);
                var keys = OrderKeys(row);
                var previous = keys.Select(k => lastOf.GetValueOrDefault(k)).OfType<Task>().ToList();
                var task = ImportRowAsync(row, previous, slots, context);
                foreach (var key in keys)
                {
                    lastOf[key] = task;
                }

                rows.Add(task);
            }
        }
        finally
        {
            // Rows already started finish (or fail) before the call ends, whatever ended the loop.
            await Task.WhenAll((IEnumerable<Task>)rows).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var response = new V1.ImportQuarterlyGradesResponse();
        response.Results.AddRange(await Task.WhenAll(rows).ConfigureAwait(false));
        response.Recorded = response.Results.Count(r => r.Outcome == V1.ImportRowResult.Types.Outcome.Recorded);
        response.AlreadyRecorded = response.Results.Count(r => r.Outcome == V1.ImportRowResult.Types.Outcome.AlreadyRecorded);
        response.Rejected = response.Results.Count(r => r.Outcome == V1.ImportRowResult.Types.Outcome.Rejected);
        return response;
    }

    /// <summary>The sequences a row joins: its employee's, and for a Good its quarter's quota.</summary>
    private static string[] OrderKeys(V1.ImportQuarterlyGradeRow row)
    {
        var employee = "employee:" + (row.Grade?.EmployeeId ?? string.Empty);
        return row.Grade is { OutcomeCase: V1.RecordQuarterlyGradeRequest.OutcomeOneofCase.Grade, Grade: V1.QuarterlyGrade.Good } grade
            ? [employee, $"good:{grade.Year}:{grade.Quarter}"]
            : [employee];
    }

    private async Task<V1.ImportRowResult> ImportRowAsync(
        V1.ImportQuarterlyGradeRow row, IReadOnlyList<Task> previous, SemaphoreSlim slots, ServerCallContext context)
    {
        try
        {
            // The rows before it in its sequences; their own failures are reported by their own tasks.
            await Task.WhenAll(previous).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            var result = new V1.ImportRowResult { RowNumber = row.RowNumber };
            try
            {
                if (row.Grade is null)
                {
                    throw Refusals.Invalid("grade is missing: each row carries the quarterly grade to record (employee, year, quarter, grade).");
                }

                var (_, replayed) = await RecordQuarterlyAsync(row.Grade, context).ConfigureAwait(false);
                result.Outcome = replayed ? V1.ImportRowResult.Types.Outcome.AlreadyRecorded : V1.ImportRowResult.Types.Outcome.Recorded;
            }
            catch (RpcException refused) when (refused.StatusCode is not (StatusCode.Cancelled or StatusCode.Unavailable))
            {
                result.Outcome = V1.ImportRowResult.Types.Outcome.Rejected;
                result.ErrorCode = CodeName(refused.StatusCode);
                result.ErrorMessage = refused.Status.Detail;
                result.ErrorReason = refused.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason ?? string.Empty;
            }

            return result;
        }
        finally
        {
            slots.Release();
        }
    }
}
