using Personnel.Domain.Departments;
using Personnel.Domain.Grading;
using Personnel.Domain.Pay;
using Personnel.Domain.Posts;

namespace Personnel.Domain.Profiles;

/// <summary>
/// A policy profile (RULES §9): the parameters and consequences one town's rules set, as data.
/// A deployment picks one by name (<see cref="PolicyProfiles.Load"/>); <c>weihai-2020</c> is the default,
/// and every property's default is its weihai-2020 value.
/// </summary>
public sealed record PolicyProfile
{
    public const string DefaultName = "weihai-2020";

    public required string Name { get; init; }

    /// <summary>Where the profile's rules come from, for people reading it.</summary>
    public string Source { get; init; } = "威海经济技术开发区 经技区发〔2020〕42号, 44号, 49号 (seed 003)";

    public GradingPolicy Grading { get; init; } = new();

    public EligibilityPolicy Posts { get; init; } = new();

    public DepartmentPolicy Departments { get; init; } = new();

    public PayPolicy Pay { get; init; } = new();

    public ConsequencePolicy Consequences { get; init; } = new();
}
