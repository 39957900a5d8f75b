using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.Cli.Import;

/// <summary>The outcome of importing one file: counts, and every rejected row with the rule's message.</summary>
public sealed record ImportReport(string File, string DepartmentId, int Rows, int Recorded, int AlreadyRecorded, IReadOnlyList<RowError> Errors)
{
    public int Rejected => Errors.Count;
}

/// <summary>
/// Sends a checked grades file in batches, one client-streaming <c>ImportQuarterlyGrades</c> call per batch. A
/// batch that fails as UNAVAILABLE is sent again as it is: its rows keep their derived request ids, so rows the
/// lost attempt had recorded come back ALREADY_RECORDED, never twice.
/// </summary>
public sealed class GradesImporter(GradingServiceClient grading, int batchSize, int maxBatchAttempts = 3)
{
    public async Task<ImportReport> ImportAsync(string file, string departmentId, GradeFile parsed, Action<int>? rowsDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var errors = new List<RowError>(parsed.Errors);
        var recorded = 0;
        var already = 0;
        rowsDone?.Invoke(parsed.Errors.Count);
        foreach (var batch in parsed.Rows.Chunk(batchSize))
        {
            var response = await SendAsync(batch, cancellationToken).ConfigureAwait(false);
            recorded += response.Recorded;
            already += response.AlreadyRecorded;
            var byRow = batch.ToDictionary(r => r.RowNumber);
            foreach (var result in response.Results.Where(r => r.Outcome == ImportRowResult.Types.Outcome.Rejected))
            {
                var employee = byRow.TryGetValue(result.RowNumber, out var row) ? row.Grade.EmployeeId : string.Empty;
                errors.Add(new RowError(result.RowNumber, employee, result.ErrorCode, ClerkMessage(result, row?.Grade)));
            }

            rowsDone?.Invoke(batch.Length);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ImportReport(file, departmentId, parsed.TotalRows, recorded, already, errors);
    }

    /// <summary>
    /// The row's refusal as a clerk reads it. A row whose quarter already holds a grade — imported before with other
    /// content (its request id, derived from the row, was used: REQUEST_ID_REUSED), or recorded another way
    /// (ALREADY_EXISTS) — names the command that corrects the recorded grade (更正) instead of the request id.
    /// </summary>
    private static string ClerkMessage(ImportRowResult result, RecordQuarterlyGradeRequest? row)
    {
        var differs = result.ErrorReason == "REQUEST_ID_REUSED" || result.ErrorCode == "ALREADY_EXISTS";
        if (!differs || row is not { OutcomeCase: RecordQuarterlyGradeRequest.OutcomeOneofCase.Grade })
        {
            return result.ErrorMessage;
        }

        var grade = System.Text.RegularExpressions.Regex.Replace(row.Grade.ToString(), "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant();
        return $"{row.EmployeeId} {row.Year} Q{row.Quarter} already has a recorded result, which this row would change (一人一季一个等次, AS 第八条). "
            + $"To correct the recorded grade (更正): personnel grades correct {row.EmployeeId} --year {row.Year} --quarter {row.Quarter} --grade {grade} --reason \"…\"";
    }

    private async Task<ImportQuarterlyGradesResponse> SendAsync(ImportQuarterlyGradeRow[] batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grading.ImportQuarterlyGradesAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (PersonnelException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unavailable && attempt < maxBatchAttempts)
            {
                // Sent again unchanged: the request ids make the repeat harmless.
            }
        }
    }
}
