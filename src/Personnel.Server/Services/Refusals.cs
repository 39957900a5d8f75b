using System.Security.Cryptography;
using Google.Protobuf;
using Personnel.Domain.Common;
using Personnel.Rpc;
using Personnel.Storage;

namespace Personnel.Server.Services;

/// <summary>
/// The one helper that turns a refusal into its gRPC status (DESIGN.md, "Errors callers can act on"):
/// a rule violation by its <see cref="ViolationKind"/>, a store outcome by its kind. Messages name the
/// rule, its article and the facts; nothing else (no exception text) reaches a caller.
/// </summary>
public static class Refusals
{
    /// <summary>The status of a rule violation.</summary>
    public static RpcException FromViolation(RuleViolationException violation) => new(new Status(violation.Kind switch
    {
        ViolationKind.InvalidArgument => StatusCode.InvalidArgument,
        ViolationKind.NotFound => StatusCode.NotFound,
        ViolationKind.AlreadyExists => StatusCode.AlreadyExists,
        _ => StatusCode.FailedPrecondition,
    }, violation.Message));

    /// <summary>The status of a store outcome that recorded nothing.</summary>
    public static RpcException FromOutcome(AppendOutcome outcome) => outcome switch
    {
        RequestIdReused reused => Invalid(
            $"request_id {Quote(reused.RequestId)} was already used for a different request; a retry must repeat the same content, "
            + "a new request needs a new request_id."),
        WrongExpectedVersion conflict => new RpcException(new Status(StatusCode.Aborted,
            $"Stream '{conflict.StreamId}' moved on (expected version {conflict.Expected}, found {conflict.Actual}) while the request "
            + "was decided; retry it with the same request_id.")),
        QuotaExceeded quota => new RpcException(new Status(StatusCode.FailedPrecondition, quota.Quarter is { } q
            ? $"Good quota (AS 第八条): department '{quota.DepartmentId}' {quota.Year} Q{q} has cap {quota.Cap} and {quota.Count} granted."
            : $"Excellent quota (AS 第十二条): department '{quota.DepartmentId}' {quota.Year} has cap {quota.Cap} and {quota.Count} granted.")),
        _ => new RpcException(new Status(StatusCode.Internal, "The store refused the write for an unexpected reason.")),
    };

    /// <summary>An INVALID_ARGUMENT status with a message a person can act on.</summary>
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    /// <summary>The longest value a refusal quotes whole; a longer one is quoted by a prefix and its length.</summary>
    public const int MaxQuoted = 64;

    /// <summary>
    /// A caller's value as a refusal quotes it: whole when short, else its first characters and its length, so that a
    /// refusal never echoes what it refuses (a 30,000-character id would make a status message no client can read).
    /// </summary>
    public static string Quote(string? value) => value is null ? "''"
        : value.Length <= MaxQuoted ? $"'{value}'"
        : $"'{value[..40]}…' ({value.Length:N0} characters)";

    /// <summary>A NOT_FOUND status.</summary>
    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    /// <summary>The fingerprint of a request's content, so a request id reused for other content is caught.</summary>
    public static string Fingerprint(IMessage request) => Convert.ToHexString(SHA256.HashData(request.ToByteArray()));

    /// <summary>Refuses a mutating request without a request id.</summary>
    public static string RequireRequestId(string requestId)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw Invalid("request_id is missing: every mutating request carries a unique request_id, reused only to retry the same request.");
        }

        if (requestId.Length > 128 || requestId.Any(char.IsControl))
        {
            throw Invalid("request_id must be at most 128 characters with no control characters.");
        }

        return requestId;
    }
}

/// <summary>Runs a grain call and turns its refusals into statuses through <see cref="Refusals"/>.</summary>
public static class GrainCalls
{
    /// <summary>
    /// Validates the ids and runs <paramref name="command"/> on the employee grain on <paramref name="today"/> for the
    /// caller, whose scope the grain checks against the state the command runs on (no read of the view first): for a
    /// grading call, against the unit assessing the period whose assessing day is <paramref name="assessedOn"/>
    /// (AS 第二十四条). An employee outside the scope is PERMISSION_DENIED naming the rule and the facts.
    /// </summary>
    public static async Task<Grains.Abstractions.EmployeeCommandResult> RunEmployeeCommandAsync(
        Grains.Runtime.IGrainFactory grains, string employeeId, string requestId, Grains.Abstractions.EmployeeCommand command,
        DateOnly today, DateOnly? assessedOn, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var id = Id(employeeId, "employee_id");
        var rid = Refusals.RequireRequestId(requestId);
        var caller = Auth.Access.Caller(context);
        var commandContext = new Grains.Abstractions.CommandContext(rid, caller.KeyId, today) { Scope = Auth.Access.EmployeeScope(caller, assessedOn) };
        try
        {
            return await RunAsync(() => grains.GetGrain<Grains.Abstractions.IEmployeeGrain>(id).ExecuteAsync(command, commandContext, context.CancellationToken))
                .ConfigureAwait(false);
        }
        catch (Grains.Abstractions.OutOfScopeException denied)
        {
            throw Auth.Access.Denied(caller, denied);
        }
    }

    /// <summary>Runs <paramref name="call"/>; a refusal becomes its status, anything else stays an unknown error (never sent).</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (AsStatus(exception) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Runs <paramref name="call"/> on <paramref name="argument"/> now, with the refusals of <see cref="RunAsync{T}"/>.</summary>
    public static TResult Run<TArgument, TResult>(Func<TArgument, TResult> call, TArgument argument)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call(argument);
        }
        catch (Exception exception) when (AsStatus(exception) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The status a grain's refusal answers with; null for anything else (an unknown error, never sent).</summary>
    private static RpcException? AsStatus(Exception exception) => exception switch
    {
        RuleViolationException violation => Refusals.FromViolation(violation),
        Grains.Abstractions.QuotaExhaustedException quota => new RpcException(new Status(StatusCode.FailedPrecondition, quota.Message)),
        Grains.Abstractions.RequestIdReusedException reused => Refusals.Invalid(
            $"request_id {Refusals.Quote(reused.RequestId)} was already used for a different request; a retry must repeat "
            + "the same content, a new request needs a new request_id."),
        Grains.Abstractions.ConcurrencyExhaustedException conflict => new RpcException(new Status(StatusCode.Aborted,
            $"'{conflict.StreamId}' kept changing under {conflict.Attempts} attempts; nothing was recorded: retry with the same request_id.")),
        Grains.Runtime.GrainRuntimeStoppedException => new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down; retry on another node or later.")),
        _ => null,
    };

    /// <summary>Validates an id the caller chose: present, at most 64 characters, no surrounding spaces or control characters.</summary>
    public static string Id(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Refusals.Invalid($"{field} is missing.");
        }

        if (value.Length > 64 || value.Trim() != value || HasControlCharacter(value))
        {
            throw Refusals.Invalid($"{field} {Refusals.Quote(value)} must be at most 64 characters with no surrounding spaces or control characters.");
        }

        return value;
    }

    private static bool HasControlCharacter(string value) =>
        value.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    /// <summary>Validates a year of the scheme.</summary>
    public static int Year(int year, string field = "year") =>
        year is >= 1990 and <= 2200 ? year : throw Refusals.Invalid($"{field} {year} is not a year between 1990 and 2200.");

    /// <summary>Validates a quarter of a year.</summary>
    public static Domain.Common.Quarter Quarter(int year, int quarter)
    {
        Year(year);
        return quarter is >= 1 and <= 4
            ? new Domain.Common.Quarter(year, quarter)
            : throw Refusals.Invalid($"quarter {quarter} is not a quarter: use 1 to 4 (AS 第八条 grades by quarter).");
    }
}
