using Personnel.Domain.Common;
using Personnel.Domain.Departments;

namespace Personnel.Domain.Pay;

/// <summary>
/// A person in the allocation: the personal annual coefficient, the post coefficient (岗位系数) and the months of the
/// annual performance pay withheld by month (按月扣发, PM 第六条, 第七条), 0–12.
/// </summary>
public sealed record StaffMember(EmployeeId Employee, decimal PersonalCoefficient, decimal PostCoefficient, int MonthsWithheld = 0);

/// <summary>A department in the allocation, with its tier (which sets its coefficient) and its staff.</summary>
public sealed record DepartmentStaff(DepartmentId Department, DepartmentTier Tier, IReadOnlyList<StaffMember> Staff);

/// <summary>A person's share, net of <see cref="Withheld"/>: the twelfths of the share their months withheld took.</summary>
public sealed record PersonShare(EmployeeId Employee, decimal Amount, decimal Withheld = 0m);

/// <summary>
/// A department's share. <see cref="Undistributed"/> is the part no one in the department can receive
/// because every personal coefficient is zero, or that months withheld took from people's shares; it stays in the
/// zone's hands (a month withheld is not paid to colleagues).
/// </summary>
public sealed record DepartmentShare(
    DepartmentId Department, decimal Coefficient, decimal PostCoefficientTotal, decimal Amount, IReadOnlyList<PersonShare> People, decimal Undistributed);

public sealed record AnnualAllocation(decimal Pool, IReadOnlyList<DepartmentShare> Departments)
{
    public decimal AmountFor(EmployeeId employee) =>
        Departments.SelectMany(d => d.People).Single(p => p.Employee == employee).Amount;
}

/// <summary>
/// Shares the annual pool (PM 第五条): departments ∝ department coefficient × Σ post coefficients of their
/// staff; within a department ∝ personal coefficient × post coefficient. Both steps use
/// <see cref="LargestRemainder"/>, so every department's people sum exactly to its share and the shares
/// sum exactly to the pool.
/// </summary>
public static class AnnualPerformanceAllocation
{
    public static AnnualAllocation Allocate(decimal pool, IReadOnlyList<DepartmentStaff> departments, PayPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(policy);
        Validate(departments);
        var coefficients = departments.Select(d => policy.DepartmentCoefficient[d.Tier]).ToList();
        var postTotals = departments.Select(d => d.Staff.Sum(s => s.PostCoefficient)).ToList();
        var departmentAmounts = LargestRemainder.Apportion(pool, coefficients.Select((c, i) => c * postTotals[i]).ToList());

        var shares = new List<DepartmentShare>();
        for (var d = 0; d < departments.Count; d++)
        {
            var staff = departments[d].Staff;
            var weights = staff.Select(s => s.PersonalCoefficient * s.PostCoefficient).ToList();
            var amount = departmentAmounts[d];
            var nobody = weights.Sum() == 0m;
            var people = nobody ? new decimal[staff.Count] : LargestRemainder.Apportion(amount, weights);
            var withheld = staff.Select((s, i) => Math.Round(people[i] * s.MonthsWithheld / 12m, 2, MidpointRounding.AwayFromZero)).ToList();
            shares.Add(new DepartmentShare(
                departments[d].Department, coefficients[d], postTotals[d], amount,
                staff.Select((s, i) => new PersonShare(s.Employee, people[i] - withheld[i], withheld[i])).ToList(),
                nobody ? amount : withheld.Sum()));
        }

        return new AnnualAllocation(pool, shares);
    }

    private static void Validate(IReadOnlyList<DepartmentStaff> departments)
    {
        var duplicateDepartment = departments.GroupBy(d => d.Department).FirstOrDefault(g => g.Count() > 1);
        RuleViolationException.ThrowIfInvalid(
            duplicateDepartment is null, Rules.AnnualAllocation, $"department {duplicateDepartment?.Key} is listed twice");
        var duplicateEmployee = departments.SelectMany(d => d.Staff).GroupBy(s => s.Employee).FirstOrDefault(g => g.Count() > 1);
        RuleViolationException.ThrowIfInvalid(
            duplicateEmployee is null, Rules.AnnualAllocation, $"employee {duplicateEmployee?.Key} is listed twice");
        foreach (var member in departments.SelectMany(d => d.Staff))
        {
            RuleViolationException.ThrowIfInvalid(
                member.PersonalCoefficient >= 0m && member.PostCoefficient >= 0m, Rules.AnnualAllocation,
                $"employee {member.Employee} has personal coefficient {member.PersonalCoefficient} and post coefficient " +
                $"{member.PostCoefficient}; coefficients must be non-negative");
            RuleViolationException.ThrowIfInvalid(
                member.MonthsWithheld is >= 0 and <= 12, Rules.AnnualAllocation,
                $"employee {member.Employee} has {member.MonthsWithheld} months withheld; a year has 0–12");
        }
    }
}
