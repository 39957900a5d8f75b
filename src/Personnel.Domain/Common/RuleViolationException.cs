namespace Personnel.Domain.Common;

/// <summary>How a refusal maps onto the error table of DESIGN.md.</summary>
public enum ViolationKind
{
    /// <summary>The input is malformed whatever the state (INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>A rule forbids the request in the current state (FAILED_PRECONDITION).</summary>
    FailedPrecondition,

    /// <summary>The thing the request names does not exist (NOT_FOUND).</summary>
    NotFound,

    /// <summary>The thing the request would create exists already (ALREADY_EXISTS).</summary>
    AlreadyExists,
}

/// <summary>
/// A request refused by a rule. The message names the rule with its article and the facts that
/// made it apply, so a person can act on it. Nothing is changed when this is thrown: aggregates
/// validate before they emit events.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(Rule rule, string facts, ViolationKind kind = ViolationKind.FailedPrecondition)
        : base($"{rule.Summary} ({rule.Article}): {facts}")
    {
        Rule = rule;
        Facts = facts;
        Kind = kind;
    }

    public Rule Rule { get; }

    public string Facts { get; }

    public ViolationKind Kind { get; }

    /// <summary>Throws an INVALID_ARGUMENT violation of <paramref name="rule"/> unless <paramref name="condition"/> holds.</summary>
    public static void ThrowIfInvalid(bool condition, Rule rule, string facts)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, facts, ViolationKind.InvalidArgument);
        }
    }

    /// <summary>Throws a FAILED_PRECONDITION violation of <paramref name="rule"/> unless <paramref name="condition"/> holds.</summary>
    public static void ThrowUnless(bool condition, Rule rule, string facts)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, facts);
        }
    }
}
