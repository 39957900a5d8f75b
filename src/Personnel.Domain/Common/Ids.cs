namespace Personnel.Domain.Common;

/// <summary>Identifies an employee (聘任人员). Any non-blank text up to 64 characters, chosen by HR.</summary>
public readonly record struct EmployeeId
{
    public EmployeeId(string value)
    {
        Value = Identifier.Validate(value, "employee id");
    }

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>Identifies a department (部门/单位). Any non-blank text up to 64 characters.</summary>
public readonly record struct DepartmentId
{
    public DepartmentId(string value)
    {
        Value = Identifier.Validate(value, "department id");
    }

    public string Value { get; }

    public override string ToString() => Value;
}

internal static class Identifier
{
    public const int MaxLength = 64;

    public static string Validate(string? value, string what)
    {
        RuleViolationException.ThrowIfInvalid(
            !string.IsNullOrWhiteSpace(value), Rules.WellFormedInput, $"the {what} is missing");
        RuleViolationException.ThrowIfInvalid(
            value!.Length <= MaxLength && value.Trim() == value && !value.Any(char.IsControl),
            Rules.WellFormedInput,
            $"the {what} '{value}' must be at most {MaxLength} characters with no surrounding spaces or control characters");
        return value;
    }
}
