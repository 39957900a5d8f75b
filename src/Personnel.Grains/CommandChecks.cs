using System.Text.Json;
using Microsoft.Extensions.Logging;
using Personnel.Domain.Common;
using Personnel.Grains.Abstractions;
using Personnel.Storage;

namespace Personnel.Grains;

/// <summary>
/// What every grain's command path shares: checking the context before anything is read or written,
/// answering a repeated request from its first result, and bounding the retries after a version conflict.
/// </summary>
internal static class CommandChecks
{
    public const int MaxRequestIdLength = 128;

    public static void Validate(CommandContext? context)
    {
        RuleViolationException.ThrowIfInvalid(context is not null, Rules.WellFormedInput, "the command context is missing");
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(context!.RequestId) && context.RequestId.Length <= MaxRequestIdLength && !context.RequestId.Any(char.IsControl),
            Rules.WellFormedInput, $"the request id '{context.RequestId}' must be 1–{MaxRequestIdLength} characters without control characters");
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(context.RecordedBy), Rules.WellFormedInput, "who records the command is missing");
    }

    /// <summary>
    /// The first answer to a request id recorded before: the stored result, marked replayed. The same id
    /// with different content is refused.
    /// </summary>
    public static TResult Replay<TResult>(
        string firstFingerprint, string fingerprint, string result, string requestId, Func<TResult, TResult> markReplayed)
    {
        if (!string.Equals(firstFingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw new RequestIdReusedException(requestId);
        }

        var first = JsonSerializer.Deserialize<TResult>(result, GrainJson.Options)
            ?? throw new JsonException($"the stored result of {requestId} is empty");
        return markReplayed(first);
    }

    /// <summary>Logs a version conflict and gives up (ABORTED) once the attempts are spent; otherwise the caller reloads and retries.</summary>
    public static void OnConflict(ILogger logger, WrongExpectedVersion conflict, int attempt, int maxAttempts)
    {
        GrainLog.Conflict(logger, conflict.StreamId, conflict.Expected, conflict.Actual, attempt);
        if (attempt >= maxAttempts)
        {
            throw new ConcurrencyExhaustedException(conflict.StreamId, attempt);
        }
    }
}
