using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Personnel.Domain.Common;

namespace Personnel.Server.Services;

/// <summary>
/// The one place a refusal becomes its gRPC status (docs/api.md, "Errors"): the human message names the rule, its article
/// and the facts, as before; the status details (<c>grpc-status-details-bin</c>, a <c>google.rpc.Status</c>) carry an
/// <see cref="ErrorInfo"/> with a stable <see cref="ErrorInfo.Reason"/> in the domain <see cref="Domain"/> and the article
/// in its metadata, and for INVALID_ARGUMENT a <see cref="BadRequest"/> naming the field. Programs act on the reason;
/// people read the message. Nothing else (no exception text) reaches a caller.
/// </summary>
public static partial class Refusals
{
    /// <summary>The <see cref="ErrorInfo.Domain"/> of every refusal.</summary>
    public const string Domain = "personnel.v1";

    /// <summary>The reason of a field that fails validation (INVALID_ARGUMENT).</summary>
    public const string InvalidField = "INVALID_FIELD";

    /// <summary>The reason of a request id reused for other content (INVALID_ARGUMENT).</summary>
    public const string RequestIdReusedReason = "REQUEST_ID_REUSED";

    /// <summary>The reasons of a quota reached (FAILED_PRECONDITION).</summary>
    public const string GoodQuotaExceeded = "GOOD_QUOTA_EXCEEDED";

    /// <inheritdoc cref="GoodQuotaExceeded"/>
    public const string ExcellentQuotaExceeded = "EXCELLENT_QUOTA_EXCEEDED";

    /// <summary>The reason of each rule of the catalogue: its name in <see cref="Rules"/> in upper snake case (Rules.GoodQuota →
    /// GOOD_QUOTA_EXCEEDED, the one renamed so a quota refusal reads the same whichever layer makes it).</summary>
    private static readonly IReadOnlyDictionary<Rule, string> RuleReasons = typeof(Rules)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .ToDictionary(f => (Rule)f.GetValue(null)!, f => f.Name switch
        {
            nameof(Rules.GoodQuota) => GoodQuotaExceeded,
            nameof(Rules.ExcellentQuota) => ExcellentQuotaExceeded,
            var name => UpperSnake(name),
        });

    /// <summary>Every reason a rule refusal can carry, with its rule (docs/api.md lists them; a test keeps the two equal).</summary>
    public static IEnumerable<(string Reason, Rule Rule)> RuleReasonTable => RuleReasons.Select(p => (p.Value, p.Key));

    /// <summary>The refusal of <paramref name="code"/> with its reason, article and, for INVALID_ARGUMENT, the field.</summary>
    public static RpcException Refuse(StatusCode code, string reason, string message, string? article = null, string? field = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (article is { Length: > 0 })
        {
            info.Metadata["article"] = article;
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (code == StatusCode.InvalidArgument && (field ?? FieldOf(message)) is { } name)
        {
            status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = name, Description = message } } }));
        }

        return status.ToRpcException();
    }

    /// <summary>The status of a rule violation.</summary>
    public static RpcException FromViolation(RuleViolationException violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var code = violation.Kind switch
        {
            ViolationKind.InvalidArgument => StatusCode.InvalidArgument,
            ViolationKind.NotFound => StatusCode.NotFound,
            ViolationKind.AlreadyExists => StatusCode.AlreadyExists,
            _ => StatusCode.FailedPrecondition,
        };
        var reason = RuleReasons.TryGetValue(violation.Rule, out var known) ? known : UpperSnake(violation.Rule.Code.Replace('-', '_'));
        return Refuse(code, reason, violation.Message, violation.Rule.Article, field: null);
    }

    /// <summary>The refusal of a request id already used for other content.</summary>
    public static RpcException RequestIdReused(string requestId) => Refuse(StatusCode.InvalidArgument, RequestIdReusedReason,
        $"request_id {Quote(requestId)} was already used for a different request; a retry must repeat the same content, "
        + "a new request needs a new request_id.", field: "request_id");

    /// <summary>An INVALID_ARGUMENT status with a message a person can act on. The message starts with the field it is
    /// about (e.g. "post_level.step 20 is not a step"), which the <see cref="BadRequest"/> detail names.</summary>
    public static RpcException Invalid(string message) => Refuse(StatusCode.InvalidArgument, InvalidField, message);

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
    public static RpcException NotFound(string reason, string message, string? article = null) =>
        Refuse(StatusCode.NotFound, reason, message, article);

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

    /// <summary>The field an INVALID_ARGUMENT message is about: its first word when that is a field path
    /// (<c>post_level.step</c>, <c>closed.sanction</c>, <c>post_coefficients[...]</c>); null for a message about no one field.</summary>
    private static string? FieldOf(string message)
    {
        var match = FieldPath().Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)(?=[ \[:])")]
    private static partial System.Text.RegularExpressions.Regex FieldPath();

    /// <summary>A PascalCase name in upper snake case (GoodQuota → GOOD_QUOTA).</summary>
    internal static string UpperSnake(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])", "_").ToUpperInvariant();
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
        Orleans.IGrainFactory grains, string employeeId, string requestId, Grains.Abstractions.EmployeeCommand command,
        DateOnly today, DateOnly? assessedOn, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var id = Id(employeeId, "employee_id");
        var rid = Refusals.RequireRequestId(requestId);
        var caller = Auth.Access.Caller(context);
        var commandContext = new Grains.Abstractions.CommandContext(rid, caller.KeyId, today) { Scope = Auth.Access.EmployeeScope(caller, assessedOn) };
        try
        {
            var result = await RunAsync(() => Grains.Abstractions.EmployeeGrainCommands.ExecuteAsync(grains.GetGrain<Grains.Abstractions.IEmployeeGrain>(id), command, commandContext, context.CancellationToken))
                .ConfigureAwait(false);
            // This node's next post-level read fetches the state just written (the grain may live on another silo).
            context.GetHttpContext().RequestServices.GetRequiredService<Grains.Views.PostLevelReader>().Changed(id);
            return result;
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

    /// <summary>As <see cref="RunAsync{T}(Func{Task{T}})"/> for a call that usually completes at once (a post level this
    /// silo's view holds): nothing is allocated for it then.</summary>
    public static async ValueTask<T> RunAsync<T>(Func<ValueTask<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (AsStatus(exception) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Runs <paramref name="call"/> on <paramref name="argument"/> now, with the refusals of <see cref="RunAsync{T}(Func{Task{T}})"/>.</summary>
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
        Grains.Abstractions.RuleRefusedException refused => Refusals.FromViolation(refused.ToViolation()),
        Grains.Abstractions.QuotaExhaustedException quota => Refusals.Refuse(StatusCode.FailedPrecondition,
            quota.Quarter is null ? Refusals.ExcellentQuotaExceeded : Refusals.GoodQuotaExceeded, quota.Message,
            quota.Quarter is null ? Rules.ExcellentQuota.Article : Rules.GoodQuota.Article),
        Grains.Abstractions.RequestIdReusedException reused => Refusals.RequestIdReused(reused.RequestId),
        Grains.Abstractions.ConcurrencyExhaustedException conflict => Refusals.Refuse(StatusCode.Aborted, "CONCURRENT_UPDATE",
            $"'{conflict.StreamId}' kept changing under {conflict.Attempts} attempts; nothing was recorded: retry with the same request_id."),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => Refusals.Refuse(StatusCode.Unavailable, "NODE_UNAVAILABLE",
            "The node holding this record is stopping or unreachable; nothing was recorded by this call unless a retry with the "
            + "same request_id says so: retry it, on this node or another."),
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
