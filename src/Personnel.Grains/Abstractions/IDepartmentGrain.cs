using Personnel.Domain.Grading;

namespace Personnel.Grains.Abstractions;

/// <summary>
/// One department (key: the department id), one method per intent. It never calls an employee grain: a leadership
/// adjustment reaches the head through an outbox that <see cref="ILeadershipOutboxGrain"/> delivers. Employee grains call
/// it for the facts their grades need.
/// </summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Creates the department (部门设置).</summary>
    Task<DepartmentCommandResult> Create(CreateDepartment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Records a year's assessment tier (and city rank), with the yellow cards and leadership adjustment it brings.</summary>
    Task<DepartmentCommandResult> RecordAssessment(RecordDepartmentAssessment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Corrects a year's recorded assessment, with its reason.</summary>
    Task<DepartmentCommandResult> CorrectAssessment(CorrectDepartmentAssessment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Records that an ordered leadership adjustment reached the head (the outbox's settlement).</summary>
    Task<DepartmentCommandResult> RecordLeadershipAdjustmentDelivery(
        RecordLeadershipAdjustmentDelivery command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>Settles an ordered leadership adjustment that the head's later appointment already answered.</summary>
    Task<DepartmentCommandResult> DischargeLeadershipAdjustment(
        DischargeLeadershipAdjustment command, CommandContext context, CancellationToken cancellationToken = default);

    /// <summary>The department now; NOT_FOUND before it is created.</summary>
    Task<DepartmentSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>The Good quotas of the year's quarters and the Excellent quota of the year.</summary>
    Task<DepartmentQuotas> GetQuotasAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>What an Excellent grade of <paramref name="year"/> needs (AS 第十二条): the tier that year and how many of
    /// the department's people may be graded for it. FAILED_PRECONDITION when the year is not assessed.</summary>
    Task<DepartmentYearFacts> GetYearFactsAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>How many of the department's people may receive a grade for the quarter (the N of AS 第八条),
    /// from the durable gradability records the employees' commits keep.</summary>
    Task<int> GetQuarterEligibleAsync(int year, int quarter, CancellationToken cancellationToken = default);
}

/// <summary>Sends a department command held as its base type to the intent method that carries it out.</summary>
public static class DepartmentGrainCommands
{
    /// <summary>Calls the method of <paramref name="grain"/> for <paramref name="command"/>'s intent.</summary>
    public static Task<DepartmentCommandResult> ExecuteAsync(
        this IDepartmentGrain grain, DepartmentCommand command, CommandContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return command switch
        {
            CreateDepartment c => grain.Create(c, context, cancellationToken),
            RecordDepartmentAssessment c => grain.RecordAssessment(c, context, cancellationToken),
            CorrectDepartmentAssessment c => grain.CorrectAssessment(c, context, cancellationToken),
            RecordLeadershipAdjustmentDelivery c => grain.RecordLeadershipAdjustmentDelivery(c, context, cancellationToken),
            DischargeLeadershipAdjustment c => grain.DischargeLeadershipAdjustment(c, context, cancellationToken),
            null => throw new ArgumentNullException(nameof(command)),
            _ => throw new ArgumentException($"no intent carries {command.GetType().Name}", nameof(command)),
        };
    }
}
