using System.Globalization;
using Personnel.Api.V1;
using Personnel.Client;

namespace Personnel.Cluster.Tests.Harness;

/// <summary>The people the cluster's writers grade: departments created and staff appointed through the nodes in turn, each
/// call sent on to the next node when its outcome is unknown (<see cref="RoundRobin"/>).</summary>
internal static class Staffing
{
    /// <summary>The day every graded member of staff starts: grades are then due from 2024 Q1.</summary>
    public static readonly DateOnly StartsOn = new(2024, 1, 1);

    public static Google.Type.Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>Creates a zone department through node <paramref name="node"/>.</summary>
    public static Task CreateDepartmentAsync(ServerCluster cluster, int node, string departmentId, CancellationToken cancellationToken) =>
        Through(cluster, node, (client, ct) => client.Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            RequestId = "cluster-dept-" + departmentId,
            DepartmentId = departmentId,
            Name = "Cluster " + departmentId,
            Kind = DepartmentKind.ZoneDepartment,
            CreatedOn = Day(new DateOnly(2019, 1, 1)),
        }, ct), cancellationToken);

    /// <summary>Appoints <paramref name="count"/> staff (competitive, so no probation: gradeable from their first quarter)
    /// to <paramref name="departmentId"/>, the i-th through node i mod n; returns their ids, <paramref name="prefix"/>0 …</summary>
    public static Task<IReadOnlyList<string>> AppointStaffAsync(
        ServerCluster cluster, string departmentId, string prefix, int count, int concurrency, CancellationToken cancellationToken) =>
        AppointStaffAsync(cluster, departmentId, prefix, count, concurrency, StartsOn, cancellationToken);

    /// <summary>The same, the staff starting on <paramref name="startsOn"/>.</summary>
    public static async Task<IReadOnlyList<string>> AppointStaffAsync(
        ServerCluster cluster, string departmentId, string prefix, int count, int concurrency, DateOnly startsOn, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) => await Through(cluster, i, (client, attemptCt) => client.Employees.AppointEmployeeAsync(new AppointEmployeeRequest
            {
                RequestId = "cluster-appoint-" + ids[i],
                EmployeeId = ids[i],
                Name = "Staff " + ids[i],
                DepartmentId = departmentId,
                Method = AppointmentMethod.Competitive,
                PostLevel = new PostLevel { Post = Post.Staff, GradeLevel = 6, Step = 1 + (i % 19) },
                StartsOn = Day(startsOn),
                RetirementOn = Day(new DateOnly(2050, 6, 30)),
                FirstCompetition = true,
                Education = Education.Bachelor,
            }, attemptCt), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return ids;
    }

    /// <summary>Appoints the head of <paramref name="departmentId"/> (division-head rank since 2010, in the post since 2022),
    /// the one a leadership adjustment of the department reaches (AM 第十七条), through node <paramref name="node"/>.</summary>
    public static Task AppointHeadAsync(ServerCluster cluster, int node, string departmentId, string employeeId, CancellationToken cancellationToken) =>
        Through(cluster, node, (client, ct) => client.Employees.AppointEmployeeAsync(new AppointEmployeeRequest
        {
            RequestId = "cluster-appoint-" + employeeId,
            EmployeeId = employeeId,
            Name = "Head " + employeeId,
            DepartmentId = departmentId,
            Method = AppointmentMethod.Competitive,
            PostLevel = new PostLevel { Post = Post.DepartmentHead, GradeLevel = 4, Step = 5 },
            StartsOn = Day(new DateOnly(2022, 1, 3)),
            RetirementOn = Day(new DateOnly(2045, 6, 30)),
            AdministrativeRank = AdministrativeRank.DivisionHead,
            AdministrativeRankSince = Day(new DateOnly(2010, 1, 1)),
            Education = Education.Bachelor,
        }, ct), cancellationToken);

    /// <summary>Records a department's year (tier 3 or 4 is a yellow card; a second one in a row orders a leadership
    /// adjustment, AM 第十七条), decided on 20 January of the next year, through node <paramref name="node"/>.</summary>
    public static Task<RecordDepartmentAssessmentResponse> AssessAsync(
        ServerCluster cluster, int node, string departmentId, int year, DepartmentTier tier, CancellationToken cancellationToken) =>
        Through(cluster, node, (client, ct) => client.Departments.RecordDepartmentAssessmentAsync(new RecordDepartmentAssessmentRequest
        {
            RequestId = string.Create(CultureInfo.InvariantCulture, $"cluster-assess-{departmentId}-{year}"),
            DepartmentId = departmentId,
            Year = year,
            Tier = tier,
            DecidedOn = Day(new DateOnly(year + 1, 1, 20)),
        }, ct), cancellationToken);

    private static async Task<T> Through<T>(ServerCluster cluster, int node, Func<PersonnelClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        (await RoundRobin.CallAsync(cluster, node, call, onUnknownOutcome: null, cancellationToken).ConfigureAwait(false)).Response;
}
