using Personnel.Domain.Common;
using Personnel.Domain.Employees;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// What <see cref="IEmployeeGrain.GetPostLevelAsync"/> needs of one employee's committed state, immutable. The employee
/// activation publishes a new one whenever it loads or commits, so the post-level question (the township apps' hottest
/// call) is answered from the silo-local <see cref="Views.PostLevelViews"/> through <see cref="Views.PostLevelReader"/>, without a grain call; the
/// grain's own turn answers from the same view, so both give the same answer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class PostLevelView
{
    [Id(0)]
    private readonly PostPeriod[] _posts;
    [Id(1)]
    private readonly DateOnly? _separatedOn;
    [Id(2)]
    private readonly DateOnly[] _floorsReached;

    private PostLevelView(string employeeId, Employee employee, long version)
    {
        EmployeeId = employeeId;
        Version = version;
        IsAppointed = employee.IsAppointed;
        State = employee.State;
        _posts = [.. employee.PostHistory];
        _separatedOn = employee.SeparatedOn;
        _floorsReached = [.. employee.DemotionFloorsReached];
    }

    /// <summary>The employee this view answers for.</summary>
    [Id(3)]
    public string EmployeeId { get; }

    /// <summary>Gets the stream version the view was taken at.</summary>
    [Id(6)]
    public long Version { get; }

    /// <summary>False for a key no appointment was recorded under.</summary>
    [Id(4)]
    public bool IsAppointed { get; }

    /// <summary>The contract state now.</summary>
    [Id(5)]
    public ContractState State { get; }

    /// <summary>A copy of <paramref name="employee"/>'s post history and what the answer needs besides.</summary>
    public static PostLevelView Of(string employeeId, Employee employee, long version)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return new PostLevelView(employeeId, employee, version);
    }

    /// <summary>
    /// The post level held on <paramref name="asOf"/>, since when, and whether a demotion that found the grade at its floor
    /// is due as a post adjustment (it stays due until the post changes). NOT_FOUND (<see cref="Rules.EmployeeMustExist"/>)
    /// for a key never appointed or a date outside the contract.
    /// </summary>
    public PostLevelAnswer Answer(DateOnly asOf)
    {
        if (!IsAppointed)
        {
            throw new RuleViolationException(Rules.EmployeeMustExist, $"{EmployeeId} has not been appointed", ViolationKind.NotFound);
        }

        var held = PostPeriod.HeldOn(_posts, _separatedOn, asOf)
            ?? throw new RuleViolationException(Rules.EmployeeMustExist, $"{EmployeeId} held no post on {asOf:yyyy-MM-dd}", ViolationKind.NotFound);
        var atFloor = false;
        for (var i = _floorsReached.Length - 1; i >= 0; i--)
        {
            if (_floorsReached[i] <= asOf)
            {
                atFloor = _floorsReached[i] >= held.From;
                break;
            }
        }

        return new PostLevelAnswer(EmployeeId, asOf, held.Level, held.From, State, atFloor);
    }
}
