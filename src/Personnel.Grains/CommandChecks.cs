using Personnel.Domain.Common;
using Personnel.Grains.Abstractions;

namespace Personnel.Grains;

/// <summary>Checks a command's context before anything is read or written.</summary>
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
}
