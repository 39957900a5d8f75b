using System.Globalization;
using Personnel.Domain.Pay;
using Personnel.Domain.Profiles;
using Personnel.Grains.Abstractions;
using Orleans;
using Grpc.Core;
using Personnel.Server.Mapping;
using Personnel.Grains.Queries;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Services;

/// <summary>personnel.v1.PayService: coefficients and the annual pool, by the Pay calculators under the profile's PayPolicy (PM 第五条–第九条).</summary>
public sealed class PayService(IGrainFactory grains, IEmployeeDirectory employees, IPayFacts factsReader, PolicyProfile profile) : V1.PayService.PayServiceBase
{
    private static readonly HashSet<D.Employees.ContractState> Paid =
    [
        D.Employees.ContractState.InService, D.Employees.ContractState.InProbation, D.Employees.ContractState.Appointed,
        D.Employees.ContractState.InPromotionTrial, D.Employees.ContractState.AwaitingRenewal, D.Employees.ContractState.TransferredOut,
        D.Employees.ContractState.Retired,
    ];

    public override async Task<V1.GetCoefficientsResponse> GetCoefficients(V1.GetCoefficientsRequest request, ServerCallContext context)
    {
        var id = GrainCalls.Id(request.EmployeeId, "employee_id");
        var year = GrainCalls.Year(request.Year);
        var grain = grains.GetGrain<IEmployeeGrain>(id);
        var snapshot = await GrainCalls.RunAsync(() => grain.GetSnapshotAsync(context.CancellationToken)).ConfigureAwait(false);
        var grades = await GrainCalls.RunAsync(() => grain.ListGradesAsync(context.CancellationToken)).ConfigureAwait(false);
        var pay = await factsReader.ReadYearAsync(snapshot, year, context.CancellationToken).ConfigureAwait(false);
        var personal = Personal(grades, year, pay);
        var post = await PostAtYearEndAsync(grain, snapshot, year, context.CancellationToken).ConfigureAwait(false);
        D.Departments.DepartmentTier? department;
        try
        {
            department = await DepartmentTierAsync(snapshot.DepartmentId, year, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            // A department not created or not assessed has no coefficient yet; the person's own answer still stands.
            department = null;
        }

        var response = new V1.GetCoefficientsResponse
        {
            EmployeeId = id,
            Year = year,
            PersonalCoefficient = Decimal(personal.Coefficient),
            DepartmentCoefficient = department is { } tier ? Decimal(profile.Pay.DepartmentCoefficient[tier]) : "",
            PostCoefficient = Decimal(profile.Pay.PostCoefficient[post]),
            AnnualMonthsWithheld = personal.MonthsWithheld,
        };
        foreach (var quarter in D.Common.Quarter.OfYear(year))
        {
            var graded = grades.Quarterly.LastOrDefault(q => q.Quarter == quarter);
            var decision = PerformancePay.QuarterlyRatio(graded?.Grade, pay.Facts, profile.Pay);
            var whole = pay.Attendance.Deductions.Any(d => d.Component == PayComponent.QuarterlyPerformance && d.Unit == DeductionUnit.Whole
                && (d.Period == quarter.ToString() || d.Period == $"{year}"));
            var months = pay.Attendance.Deductions
                .Where(d => d.Component == PayComponent.QuarterlyPerformance && d.Unit == DeductionUnit.Months && InQuarter(d.Period, quarter))
                .Sum(d => d.Quantity);
            response.QuarterlyPayPercent.Add(whole ? 0 : PerformancePay.Percent(decision));
            var afterLeaving = MonthsAfterLeaving(pay, year) == 0 ? 0
                : Math.Clamp((quarter.Number * 3) - pay.LeftOn!.Value.Month, 0, 3);
            response.QuarterlyMonthsWithheld.Add(whole || decision.Value == 0m ? 0 : (int)Math.Min(3m, months + afterLeaving));
        }

        response.WithheldBecause.AddRange(personal.WithheldBecause);
        response.Deductions.AddRange(pay.Attendance.Deductions.Select(ToApi));
        return response;
    }

    public override async Task<V1.AllocateAnnualPerformancePayResponse> AllocateAnnualPerformancePay(
        V1.AllocateAnnualPerformancePayRequest request, ServerCallContext context)
    {
        var year = GrainCalls.Year(request.Year);
        var pool = await GrainCalls.RunAsync(() => Task.FromResult(AnnualPerformancePool.Compute(
            Money(request.TotalPay, "total_pay"), Money(request.PostPay, "post_pay"),
            Money(request.MonthlyPerformance, "monthly_performance"), Money(request.QuarterlyPerformance, "quarterly_performance"))))
            .ConfigureAwait(false);
        var postCoefficients = PostCoefficients(request);
        var (staff, withheldBecause) = await StaffAsync(year, postCoefficients, context.CancellationToken).ConfigureAwait(false);
        var allocation = await GrainCalls.RunAsync(() => Task.FromResult(AnnualPerformanceAllocation.Allocate(pool.Pool, staff, profile.Pay)))
            .ConfigureAwait(false);
        var response = new V1.AllocateAnnualPerformancePayResponse { Pool = ToMoney(allocation.Pool) };
        foreach (var share in allocation.Departments)
        {
            var department = staff.Single(d => d.Department == share.Department);
            var api = new V1.DepartmentShare
            {
                DepartmentId = share.Department.Value,
                Tier = Enums.ToApi(department.Tier),
                DepartmentCoefficient = Decimal(share.Coefficient),
                Amount = ToMoney(share.Amount),
                Undistributed = ToMoney(share.Undistributed),
            };
            api.People.AddRange(share.People.Select(p =>
            {
                var member = department.Staff.Single(s => s.Employee == p.Employee);
                var person = new V1.PersonShare
                {
                    EmployeeId = p.Employee.Value,
                    Amount = ToMoney(p.Amount),
                    PersonalCoefficient = Decimal(member.PersonalCoefficient),
                    PostCoefficient = Decimal(member.PostCoefficient),
                    AnnualMonthsWithheld = member.MonthsWithheld,
                    Withheld = ToMoney(p.Withheld),
                };
                person.WithheldBecause.AddRange(withheldBecause[p.Employee.Value]);
                return person;
            }));
            response.Departments.Add(api);
        }

        return response;
    }

    private async Task<(IReadOnlyList<DepartmentStaff> Departments, IReadOnlyDictionary<string, IReadOnlyList<string>> WithheldBecause)> StaffAsync(int year, IReadOnlyDictionary<string, decimal> postCoefficients, CancellationToken ct)
    {
        var byDepartment = new SortedDictionary<string, List<StaffMember>>(StringComparer.Ordinal);
        var withheldBecause = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await employees.ListAsync(null, after, 1000, ct).ConfigureAwait(false);
            foreach (var view in page.Where(v => v.State is { } state && Paid.Contains(state)))
            {
                var grain = grains.GetGrain<IEmployeeGrain>(view.EmployeeId);
                var snapshot = await GrainCalls.RunAsync(() => grain.GetSnapshotAsync(ct)).ConfigureAwait(false);
                var grades = await GrainCalls.RunAsync(() => grain.ListGradesAsync(ct)).ConfigureAwait(false);
                var pay = await factsReader.ReadYearAsync(snapshot, year, ct).ConfigureAwait(false);
                if (pay.Department is not { } departmentId)
                {
                    // Not on the staff that year (appointed later, or left before it began): no share of its pool.
                    continue;
                }

                var personal = Personal(grades, year, pay);
                var held = await PostAtYearEndAsync(grain, snapshot, year, ct).ConfigureAwait(false);
                var post = postCoefficients.GetValueOrDefault(held.ToString(), profile.Pay.PostCoefficient[held]);
                if (!byDepartment.TryGetValue(departmentId, out var members))
                {
                    byDepartment[departmentId] = members = [];
                }

                members.Add(new StaffMember(new D.Common.EmployeeId(view.EmployeeId), personal.Coefficient, post, personal.MonthsWithheld));
                withheldBecause[view.EmployeeId] = personal.WithheldBecause;
            }

            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].EmployeeId;
        }

        var departments = new List<DepartmentStaff>();
        foreach (var (departmentId, members) in byDepartment)
        {
            var tier = await DepartmentTierAsync(departmentId, year, ct).ConfigureAwait(false)
                ?? throw Refusals.Refuse(StatusCode.FailedPrecondition, "DEPARTMENT_TIER_MISSING",
                    $"Department coefficient by tier (PM 第五条): department '{departmentId}' has no assessment for {year}; record its tier first.",
                    "PM 第五条");
            departments.Add(new DepartmentStaff(new D.Common.DepartmentId(departmentId), tier, members));
        }

        return (departments, withheldBecause);
    }

    /// <summary>
    /// The post whose coefficient (岗位系数, PM 第五条) weighs the person's year: <b>Interpretation</b>, the post held on
    /// 31 December of the year; for a person who left during the year, or a year before the appointment, the last post held.
    /// </summary>
    private static async Task<D.Posts.Post> PostAtYearEndAsync(IEmployeeGrain grain, EmployeeSnapshot snapshot, int year, CancellationToken ct)
    {
        try
        {
            var held = await GrainCalls.RunAsync(() => grain.GetPostLevelAsync(new DateOnly(year, 12, 31), ct)).ConfigureAwait(false);
            return held.PostLevel.Post;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return snapshot.PostLevel.Post;
        }
    }

    private async Task<D.Departments.DepartmentTier?> DepartmentTierAsync(string departmentId, int year, CancellationToken ct)
    {
        var snapshot = await GrainCalls.RunAsync(() => grains.GetGrain<IDepartmentGrain>(departmentId).GetSnapshotAsync(ct)).ConfigureAwait(false);
        return snapshot.Years.FirstOrDefault(y => y.Year == year)?.Tier;
    }

    /// <summary>
    /// The personal annual coefficient with what withholds it: PM 第九条 and probation (the coefficient 0), absence
    /// without leave reaching PM 第七条's limit (the whole year: 0), or months withheld by month (PM 第六条, 第七条).
    /// </summary>
    private PersonalYear Personal(GradeList grades, int year, PayYear pay)
    {
        var decision = PerformancePay.AnnualCoefficient(AnnualGradeOf(grades, year), pay.Facts, profile.Pay);
        var because = new List<string>();
        if (decision.Value == 0m && PerformancePay.AnnualPayWithheldBecause(pay.Facts) is { } withheld)
        {
            because.Add($"{withheld} ({decision.Article})");
        }
        else if (decision.Value == 0m)
        {
            // Probation, no annual grade recorded (the profile's ungraded coefficient), quit without a result, a grade
            // whose coefficient is 0: the clerk sees why the person is paid nothing, with the article.
            because.Add($"{decision.Reason} ({decision.Article})");
        }

        var whole = pay.Attendance.Deductions.FirstOrDefault(d => d.Component == PayComponent.AnnualPerformance && d.Unit == DeductionUnit.Whole);
        if (whole is not null)
        {
            because.Add($"{whole.Reason} ({whole.Article})");
            return new PersonalYear(0m, 0, because);
        }

        var months = (int)Math.Min(12m, pay.Attendance.Total(PayComponent.AnnualPerformance, DeductionUnit.Months) + MonthsAfterLeaving(pay, year));
        if (decision.Value != 0m && MonthsAfterLeaving(pay, year) > 0)
        {
            because.Add($"{pay.Facts.Separation} on {pay.LeftOn:yyyy-MM-dd}: paid by month for the {12 - MonthsAfterLeaving(pay, year)} months " +
                $"in service, {MonthsAfterLeaving(pay, year)} withheld ({Personnel.Domain.Common.Rules.SeparatedWithoutResult.Article})");
        }

        return new PersonalYear(decision.Value, decision.Value == 0m ? 0 : months, because);
    }

    /// <summary>
    /// <b>Decision</b> on PM 第八条 (调出、退休、在职死亡人员……按月发放季度绩效和年绩效): a person transferred out, retired or
    /// deceased during the year is paid the month they left in full and the quarterly and annual performance pay for
    /// the months up to it; the months after it are withheld. The months of the year after the month of leaving.
    /// </summary>
    private static int MonthsAfterLeaving(PayYear pay, int year) =>
        pay.LeftOn is { } left && left.Year == year
            && pay.Facts.Separation is Separation.TransferredOut or Separation.Retired or Separation.Deceased
            ? 12 - left.Month
            : 0;

    private sealed record PersonalYear(decimal Coefficient, int MonthsWithheld, IReadOnlyList<string> WithheldBecause);

    private static bool InQuarter(string period, D.Common.Quarter quarter) =>
        period.Length == 7 && int.TryParse(period.AsSpan(0, 4), CultureInfo.InvariantCulture, out var y) && y == quarter.Year
        && int.TryParse(period.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m) && ((m - 1) / 3) + 1 == quarter.Number;

    private static V1.PayDeduction ToApi(Deduction d) => new()
    {
        Component = d.Component switch
        {
            PayComponent.PostPay => V1.PayComponent.PostPay,
            PayComponent.MonthlyPerformance => V1.PayComponent.MonthlyPerformance,
            PayComponent.QuarterlyPerformance => V1.PayComponent.QuarterlyPerformance,
            _ => V1.PayComponent.AnnualPerformance,
        },
        Unit = d.Unit switch
        {
            DeductionUnit.Days => V1.DeductionUnit.Days,
            DeductionUnit.Months => V1.DeductionUnit.Months,
            _ => V1.DeductionUnit.Whole,
        },
        Quantity = d.Quantity.ToString("0.##", CultureInfo.InvariantCulture),
        Period = d.Period,
        Article = d.Article,
        Reason = d.Reason,
    };

    private static D.Grading.AnnualGrade? AnnualGradeOf(GradeList grades, int year) => grades.Annual.LastOrDefault(a => a.Year == year)?.Grade;

    private static Dictionary<string, decimal> PostCoefficients(V1.AllocateAnnualPerformancePayRequest request)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in request.PostCoefficients)
        {
            var post = Enum.TryParse<V1.Post>(key, out var p) && p != V1.Post.Unspecified ? Posts.FromApi(p)
                : Enum.GetValues<V1.Post>().Where(v => v != V1.Post.Unspecified).Select(Posts.FromApi)
                    .FirstOrDefault(d => string.Equals(PostWireName(d), key, StringComparison.Ordinal));
            if (post is null)
            {
                throw Refusals.Invalid($"post_coefficients key {Refusals.Quote(key)} is not a post: use the post's name, e.g. POST_STAFF or Staff.");
            }

            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var coefficient) || coefficient <= 0m)
            {
                throw Refusals.Invalid($"post_coefficients[{Refusals.Quote(key)}] {Refusals.Quote(value)} is not a positive decimal like \"1.2\".");
            }

            result[post.Value.ToString()] = coefficient;
        }

        return result;
    }

    private static string? PostWireName(D.Posts.Post? post) => post is { } p
        ? "POST_" + string.Concat(p.ToString().Select((c, i) => i > 0 && (char.IsUpper(c) || char.IsDigit(c)) ? "_" + c : c.ToString())).ToUpperInvariant()
        : null;

    private static decimal Money(V1.Money? money, string field)
    {
        if (money is null || !decimal.TryParse(money.Yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
        {
            throw Refusals.Invalid($"{field} is missing or not a decimal amount in yuan like \"12345.67\".");
        }

        return yuan;
    }

    private static V1.Money ToMoney(decimal yuan) => new() { Yuan = yuan.ToString("0.00", CultureInfo.InvariantCulture) };

    private static string Decimal(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}
