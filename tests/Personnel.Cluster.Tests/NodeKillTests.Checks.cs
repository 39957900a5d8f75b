using System.Diagnostics;
using Personnel.Api.V1;
using Personnel.Client;
using Personnel.Cluster.Tests.Harness;

namespace Personnel.Cluster.Tests;

/// <summary>What the survivors answer once the load is over, read through them in turn.</summary>
public sealed partial class NodeKillTests
{
    private const string GradeRecorded = "quarterly-grade-recorded";
    private const string AdjustmentOrdered = "leadership-adjustment-ordered";

    // The outbox of today's server runs every 5 s; an Orleans reminder is taken over from a dead silo only after
    // membership declares it dead, and its period may be a minute.
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(150);

    /// <summary>One acknowledged write per (employee, quarter), with the grade asked; the survivors hold exactly those grades,
    /// each once in the employee's grades and once in its history.</summary>
    private static async Task AssertEveryAcknowledgedGradeStoredOnceAsync(IReadOnlyList<ServerNode> survivors, GradeLoad load, CancellationToken cancellationToken)
    {
        Assert.Equal(load.Total, load.Acknowledged.Count);
        Assert.All(load.Acknowledged, a => Assert.Equal(a.Asked, a.Grade));
        var byEmployee = load.Acknowledged.GroupBy(a => a.EmployeeId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(Staff, byEmployee.Count);
        for (var i = 0; i < byEmployee.Count; i++)
        {
            var client = survivors[i % survivors.Count].Client;
            var id = byEmployee[i].Key;
            var acknowledged = byEmployee[i].Select(a => (a.Year, a.Quarter, a.Grade)).Order().ToList();
            Assert.Equal(Quarters.Length, acknowledged.Distinct().Count());

            var grades = await client.Grading.ListGradesAsync(new ListGradesRequest { EmployeeId = id }, cancellationToken);
            Assert.Equal(acknowledged, grades.Quarterly.Select(g => (g.Year, g.Quarter, g.Grade)).Order().ToList());

            var history = await HistoryAsync(client, id, cancellationToken);
            Assert.Equal(Quarters.Length, history.Count(e => e.Type == GradeRecorded));
        }
    }

    /// <summary>Every quarter was asked for a Good for all its staff, so each holds exactly its cap of Goods, never more
    /// (AS 第八条), in the grades and in the department's quota alike.</summary>
    private static async Task AssertNoQuarterPastItsQuotaAsync(IReadOnlyList<ServerNode> survivors, GradeLoad load, CancellationToken cancellationToken)
    {
        Assert.Equal(Quarters.Length * (Staff - Cap), load.QuotaRefusals);
        foreach (var (year, quarter) in Quarters)
        {
            Assert.Equal(Cap, load.Acknowledged.Count(a => a.Year == year && a.Quarter == quarter && a.Grade == QuarterlyGrade.Good));
        }

        foreach (var (year, i) in Quarters.Select(q => q.Year).Distinct().Select((y, i) => (y, i)))
        {
            var quotas = await survivors[i % survivors.Count].Client.Departments
                .GetQuotasAsync(new GetQuotasRequest { DepartmentId = Graded, Year = year }, cancellationToken);
            Assert.All(quotas.Good, q => Assert.Equal((Staff, Cap, Cap), (q.Eligible, q.Cap, q.Granted)));
        }
    }

    /// <summary>The adjustment ordered through the dead node reaches the head on the survivors (AM 第十七条): the department
    /// records the delivery, the head's history holds the order once, and the head's rotation is mandatory now.</summary>
    private static async Task AssertTheAdjustmentReachedTheHeadAsync(IReadOnlyList<ServerNode> survivors, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var department = await survivors[attempt % survivors.Count].Client.Departments
                .GetDepartmentAsync(new GetDepartmentRequest { DepartmentId = Led }, cancellationToken);
            if (department.Department.Assessments.Single(a => a.Year == 2024).LeadershipAdjustmentDeliveredTo == Head)
            {
                break;
            }

            Assert.True(waited.Elapsed < DeliveryLimit,
                $"the leadership adjustment ordered before the kill was not delivered on the survivors within {DeliveryLimit.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        foreach (var survivor in survivors)
        {
            var history = await HistoryAsync(survivor.Client, Head, cancellationToken);
            Assert.Single(history, e => e.Type == AdjustmentOrdered);
            var tenure = await survivor.Client.Employees.GetTenureAsync(
                new GetTenureRequest { EmployeeId = Head, AsOf = Staffing.Day(new DateOnly(2025, 3, 1)) }, cancellationToken);
            Assert.Equal(RotationStrength.Mandatory, tenure.RotationDue.Strength);
        }
    }

    private static async Task<List<HistoryEntry>> HistoryAsync(PersonnelClient client, string employeeId, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        long after = 0;
        do
        {
            var page = await client.Employees.ListHistoryAsync(new ListHistoryRequest { EmployeeId = employeeId, AfterVersion = after }, cancellationToken);
            entries.AddRange(page.Entries);
            after = page.NextAfterVersion;
        }
        while (after != 0);

        return entries;
    }
}
