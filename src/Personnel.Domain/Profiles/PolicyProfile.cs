using Personnel.Domain.Grading;

namespace Personnel.Domain.Profiles;

/// <summary>
/// A policy profile (RULES §9): the parameters and consequences one town's rules set, as data.
/// A deployment picks one by name; <c>weihai-2020</c> is the default.
/// </summary>
public sealed record PolicyProfile
{
    public const string DefaultName = "weihai-2020";

    public required string Name { get; init; }

    public GradingPolicy Grading { get; init; } = new();
}
