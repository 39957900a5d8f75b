using Personnel.Api.V1;

namespace Personnel.Server.Tests;

/// <summary>
/// A rotation becomes due, or mandatory, with the passage of time alone (AM 第十二条): ListRotationDue and GetTenure
/// answer each date from the same timeline, through the real server, with nothing written after the renewals.
/// </summary>
public abstract class RotationAsOfTests(ServerFixture server)
{
    [Fact]
    public async Task AM12_a_head_renewed_on_schedule_is_mandatory_from_both_answers_with_no_write_after_the_renewals()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await server.DepartmentAsync("asof-dept", "2015-01-01");
        await AppointHeadRenewedOnScheduleAsync(party, "asof-head", "asof-dept");

        var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "asof-head", AsOf = Build.Date("2024-06-01") });
        var entry = Assert.Single(await DueAsync(party, "2024-06-01"), e => e.EmployeeId == "asof-head");

        // Terms: 2015-03-01–2018-02-28, 2018-03-01–2021-02-28, 2021-03-01–2024-02-29; three full terms end on 2024-02-29.
        Assert.Equal((RotationStrength.Mandatory, Build.Date("2024-02-29"), 3), (tenure.RotationDue.Strength, tenure.RotationDue.DueOn, tenure.RotationDue.ConsecutiveTerms));
        Assert.Equal((RotationStrength.Mandatory, Build.Date("2024-02-29"), 3), (entry.Strength, entry.DueOn, entry.ConsecutiveTerms));
        Assert.Equal(tenure.RotationDue.Reason, entry.Reason);
        Assert.StartsWith("AM 第十二条: 3 consecutive terms as head/deputy in asof-dept", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AM12_the_list_and_the_tenure_agree_on_the_day_before_of_and_after_each_change()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await server.DepartmentAsync("edge-dept", "2015-01-01");
        await AppointHeadRenewedOnScheduleAsync(party, "edge-head", "edge-dept");

        // The answer changes when the third term begins (2021-03-01), when two terms are complete (advisory due 2021-02-28)
        // and when three are (mandatory due 2024-02-29).
        var dates = new[] { "2015-03-01", "2018-02-28", "2021-02-27", "2021-02-28", "2021-03-01", "2024-02-28", "2024-02-29", "2024-03-01", "2030-01-01" };
        foreach (var date in dates)
        {
            var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "edge-head", AsOf = Build.Date(date) });
            var listed = (await DueAsync(party, date)).SingleOrDefault(e => e.EmployeeId == "edge-head");
            var single = tenure.RotationDue is { } r ? (r.DueOn, r.Strength, r.Reason, r.ConsecutiveTerms) : default;
            var fromList = listed is null ? default : (listed.DueOn, listed.Strength, listed.Reason, listed.ConsecutiveTerms);
            Assert.True(single.Equals(fromList), $"as of {date}: GetTenure {single}, ListRotationDue {fromList}");
        }

        var before = (await DueAsync(party, "2024-02-28")).Single(e => e.EmployeeId == "edge-head");
        var on = (await DueAsync(party, "2024-02-29")).Single(e => e.EmployeeId == "edge-head");
        Assert.Equal((RotationStrength.Advisory, Build.Date("2021-02-28")), (before.Strength, before.DueOn));
        Assert.Equal((RotationStrength.Mandatory, Build.Date("2024-02-29")), (on.Strength, on.DueOn));
        Assert.Equal(2, (await DueAsync(party, "2021-02-28")).Single(e => e.EmployeeId == "edge-head").ConsecutiveTerms);
        Assert.Equal(3, (await DueAsync(party, "2021-03-01")).Single(e => e.EmployeeId == "edge-head").ConsecutiveTerms);
    }

    [Fact]
    public async Task AM12_when_today_passes_the_due_date_with_no_write_the_default_date_answers_turn_mandatory()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        await server.DepartmentAsync("clock-dept", "2015-01-01");
        await AppointHeadRenewedOnScheduleAsync(party, "clock-head", "clock-dept");

        var position = await server.Store.GetLastPositionAsync();
        async Task<(RotationStrength Single, RotationStrength Listed)> TodayAsync()
        {
            // No as_of: today in Asia/Shanghai, from the server's clock.
            var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = "clock-head" });
            var listed = (await party.Call<ListRotationDueRequest, ListRotationDueResponse>(new ListRotationDueRequest
            {
                DepartmentId = "clock-dept", WindowDays = 30,
            })).Entries.Single(e => e.EmployeeId == "clock-head");
            return (tenure.RotationDue.Strength, listed.Strength);
        }

        server.Clock.Set(new DateTimeOffset(2024, 2, 28, 15, 59, 0, TimeSpan.Zero)); // 23:59 on 28 February in Shanghai
        var before = await TodayAsync();
        server.Clock.Set(new DateTimeOffset(2024, 2, 28, 16, 0, 0, TimeSpan.Zero)); // 00:00 on 29 February in Shanghai
        var after = await TodayAsync();

        Assert.Equal((RotationStrength.Advisory, RotationStrength.Advisory), before);
        Assert.Equal((RotationStrength.Mandatory, RotationStrength.Mandatory), after);
        Assert.Equal(position, await server.Store.GetLastPositionAsync());
    }

    /// <summary>
    /// The agreement property through gRPC: random careers (head, deputy or section chief; renewals decided at random in
    /// the renewal window; sometimes a rotation to another department), random dates and windows. ListRotationDue(d, w)
    /// lists the employee iff GetTenure(d) has a rotation due on or before d + w, with the same due date, strength,
    /// reason and consecutive terms. The seed is in every failure message.
    /// </summary>
    [Fact]
    public async Task AM12_for_random_careers_and_dates_the_list_contains_an_employee_iff_the_tenure_has_the_same_rotation_due()
    {
        var party = server.As(await server.KeyAsync(Role.PartyAffairs));
        const int Seed = 20261204;
        var random = new Random(Seed);
        Post[] posts = [Post.DepartmentHead, Post.DeputyHead, Post.SectionChief];
        for (var career = 0; career < 12; career++)
        {
            var id = $"prop-{career}";
            var home = $"prop-d{career}";
            var other = $"prop-o{career}";
            await server.DepartmentAsync(home, "2010-01-01");
            await server.DepartmentAsync(other, "2010-01-01");
            var post = posts[random.Next(posts.Length)];
            var appointedOn = new DateOnly(2012, 1, 1).AddDays(random.Next(0, 4 * 365));
            var appointment = Build.Appointment(id, home, appointedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), post, level: post == Post.SectionChief ? 5 : 4);
            appointment.AdministrativeRank = post == Post.SectionChief ? AdministrativeRank.SectionChief : AdministrativeRank.DivisionHead;
            appointment.AdministrativeRankSince = Build.Date("2005-01-01");
            var employee = (await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(appointment)).Employee;
            var termEnd = new DateOnly(employee.TermEndsOn.Year, employee.TermEndsOn.Month, employee.TermEndsOn.Day);
            var renewals = random.Next(0, 4);
            var rotateAfter = random.Next(0, 3) == 0 ? random.Next(0, renewals + 1) : -1;
            for (var r = 0; r <= renewals; r++)
            {
                if (r == rotateAfter)
                {
                    await party.Call<RotateRequest, RotateResponse>(new RotateRequest
                    {
                        RequestId = Build.RequestId(), EmployeeId = id, ToDepartmentId = other,
                        StartsOn = Build.Date(termEnd.AddDays(-random.Next(100, 700)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                        PostLevel = new PostLevel { Post = post, GradeLevel = post == Post.SectionChief ? 5 : 4, Step = 5 },
                    });
                }

                if (r == renewals)
                {
                    break;
                }

                var renewed = await party.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
                {
                    RequestId = Build.RequestId(), EmployeeId = id,
                    DecidedOn = Build.Date(termEnd.AddDays(-random.Next(1, 80)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                });
                termEnd = new DateOnly(renewed.Employee.TermEndsOn.Year, renewed.Employee.TermEndsOn.Month, renewed.Employee.TermEndsOn.Day);
            }

            for (var probe = 0; probe < 8; probe++)
            {
                var asOf = appointedOn.AddDays(random.Next(0, 16 * 365));
                var window = random.Next(1, 3661);
                var date = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var tenure = await party.Call<GetTenureRequest, GetTenureResponse>(new GetTenureRequest { EmployeeId = id, AsOf = Build.Date(date) });
                var listed = (await party.Call<ListRotationDueRequest, ListRotationDueResponse>(new ListRotationDueRequest
                {
                    AsOf = Build.Date(date), WindowDays = window, PageSize = 1000,
                })).Entries.Where(e => e.EmployeeId == id).ToList();
                var expected = tenure.RotationDue is { } due && new DateOnly(due.DueOn.Year, due.DueOn.Month, due.DueOn.Day) <= asOf.AddDays(window)
                    ? (due.DueOn, due.Strength, due.Reason, due.ConsecutiveTerms)
                    : default;
                var actual = listed.Count == 0 ? default : (listed[0].DueOn, listed[0].Strength, listed[0].Reason, listed[0].ConsecutiveTerms);
                Assert.True(listed.Count <= 1 && expected.Equals(actual),
                    $"seed {Seed}, career {career} ({post}, appointed {appointedOn:yyyy-MM-dd}, {renewals} renewals, rotation after {rotateAfter}), as of {date}, window {window}: GetTenure {expected}, ListRotationDue {actual} ({listed.Count} rows)");
            }
        }
    }

    /// <summary>A department head appointed on 2015-03-01 and renewed on schedule (decided 2017-12-15 and 2020-12-15): three
    /// terms, the third ending on 2024-02-29.</summary>
    internal static async Task AppointHeadRenewedOnScheduleAsync(Client party, string employeeId, string departmentId)
    {
        var head = Build.Appointment(employeeId, departmentId, "2015-03-01", Post.DepartmentHead, level: 4);
        head.AdministrativeRank = AdministrativeRank.DivisionHead;
        head.AdministrativeRankSince = Build.Date("2010-01-01");
        await party.Call<AppointEmployeeRequest, AppointEmployeeResponse>(head);
        foreach (var decided in new[] { "2017-12-15", "2020-12-15" })
        {
            await party.Call<RenewContractRequest, RenewContractResponse>(new RenewContractRequest
            {
                RequestId = Build.RequestId(), EmployeeId = employeeId, DecidedOn = Build.Date(decided),
            });
        }
    }

    private static async Task<IReadOnlyList<RotationDueEntry>> DueAsync(Client party, string asOf)
    {
        var response = await party.Call<ListRotationDueRequest, ListRotationDueResponse>(new ListRotationDueRequest
        {
            AsOf = Build.Date(asOf), WindowDays = 3660, PageSize = 1000,
        });
        return response.Entries;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRotationAsOfTests(ServerFixture server) : RotationAsOfTests(server), IClassFixture<ServerFixture>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRotationAsOfTests(PostgresServerFixture server) : RotationAsOfTests(server), IClassFixture<PostgresServerFixture>;
