using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Personnel.Domain.Common;
using Personnel.Domain.Grading;

namespace Personnel.Domain.Employees;

/// <summary>
/// The snapshot (memento) of the aggregate: its committed state as JSON, so that an activation reads the snapshot and the
/// events after it instead of replaying a whole career. The state is restored as it was, field by field: no guard is judged
/// and the contract machine is not fired (<see cref="State"/> is set). Where it is kept, and when, is the grain's business.
/// </summary>
public sealed partial class Employee
{
    /// <summary>
    /// The snapshot's format. Bump it when the memento's shape changes, or when what <see cref="Apply"/> derives from the
    /// events changes (a snapshot then holds a state replay would no longer give): snapshots of another format are refused,
    /// and the grain rebuilds from the history. The golden file of the domain tests fails until it is bumped.
    /// </summary>
    public const int SnapshotFormat = 1;

    /// <summary>How much of the payload <see cref="FormatOf"/> reads: the opening <c>{"format":N</c> with room for spaces.</summary>
    private const int FormatPrefix = 256;

    private static readonly JsonSerializerOptions SnapshotOptions = CreateSnapshotOptions();

    private static readonly ConditionalWeakTable<GradingPolicy, string> PolicyFingerprints = [];

    /// <summary>
    /// False when built by <see cref="FromSnapshotJson"/> from a snapshot taken after the first event: <see cref="History"/>
    /// then holds only the events applied since, and the answers that replay the history (<see cref="TenureOn(DateOnly, Func{Tenure, DateOnly?})"/>,
    /// <see cref="CandidateOn"/>) refuse to answer.
    /// </summary>
    public bool HasWholeHistory { get; private set; } = true;

    /// <summary>
    /// The committed state as JSON (System.Text.Json with <see cref="EventJson.Options"/>' converters): every field of the
    /// aggregate, not the history. Throws <see cref="InvalidOperationException"/> while <see cref="UncommittedEvents"/> is not
    /// empty: a snapshot describes what storage holds.
    /// </summary>
    public string ToSnapshotJson()
    {
        if (_uncommitted.Count > 0)
        {
            throw new InvalidOperationException(
                $"{_uncommitted.Count} uncommitted event(s): a snapshot describes committed state only; append them and call MarkCommitted first");
        }

        return JsonSerializer.Serialize(ToMemento(), SnapshotOptions);
    }

    /// <summary>
    /// The aggregate <paramref name="json"/> describes, with <paramref name="tail"/> (the events after the snapshot's
    /// <see cref="Version"/>, in order) applied as <see cref="FromHistory"/> applies them. Its <see cref="History"/> holds the
    /// tail only (<see cref="HasWholeHistory"/>). <paramref name="policy"/> must be the one the snapshot was taken under.
    /// </summary>
    /// <exception cref="JsonException">The payload is corrupt or not a snapshot, of another <see cref="SnapshotFormat"/>, or
    /// taken under another policy: rebuild from the history instead.</exception>
    public static Employee FromSnapshotJson(string json, IEnumerable<EmployeeEvent> tail, GradingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tail);
        var employee = New(policy);
        var format = FormatOf(json);
        if (format != SnapshotFormat)
        {
            throw new JsonException($"the snapshot is of format {format}, this code reads format {SnapshotFormat}: rebuild from the history");
        }

        EmployeeMemento memento;
        try
        {
            memento = JsonSerializer.Deserialize<EmployeeMemento>(json, SnapshotOptions) ?? throw new JsonException("the snapshot is null");
        }
        catch (RuleViolationException invalid)
        {
            // A value object refused a value (a post grade of level 9, a blank id): the payload is corrupt.
            throw new JsonException($"the snapshot holds an invalid value: {invalid.Message}", invalid);
        }

        if (memento.Policy != FingerprintOf(employee.Policy))
        {
            throw new JsonException("the snapshot was taken under another grading policy, whose rotation terms may differ: rebuild from the history");
        }

        employee.Restore(memento);
        foreach (var @event in tail)
        {
            employee.Apply(@event);
        }

        return employee;
    }

    /// <summary>Throws when the answer needs the whole history and this aggregate was restored from a snapshot.</summary>
    private void EnsureWholeHistory(string answer)
    {
        if (!HasWholeHistory)
        {
            throw new InvalidOperationException(
                $"{answer} replays the whole history, and {Id} was restored from a snapshot with only the {_history.Count} event(s) since: load the whole history (Employee.FromHistory) to ask it");
        }
    }

    private static JsonSerializerOptions CreateSnapshotOptions()
    {
        // A property missing from the payload is corruption, not a default; unknown ones are refused by EventJson's options.
        var options = new JsonSerializerOptions(EventJson.Options) { RespectRequiredConstructorParameters = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The <c>format</c> property, which must come first: another format's shape is not read any further.</summary>
    private static int FormatOf(string json)
    {
        const string NotASnapshot = "not an employee snapshot: it must open with its format, {\"format\":N,…}";
        var opening = json.Length <= FormatPrefix ? json : json[..FormatPrefix];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(opening), isFinalBlock: opening.Length == json.Length, state: default);
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("format"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var format))
            {
                return format;
            }
        }
        catch (JsonException malformed)
        {
            throw new JsonException(NotASnapshot, malformed);
        }

        throw new JsonException(NotASnapshot);
    }

    /// <summary>A digest of the policy as <see cref="EventJson.Options"/> write it, computed once per policy object.</summary>
    private static string FingerprintOf(GradingPolicy policy) =>
        PolicyFingerprints.GetValue(policy, p =>
            Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(p, EventJson.Options)))[..16]);
}
