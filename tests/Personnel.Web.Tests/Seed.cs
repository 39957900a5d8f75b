using System.Globalization;
using Grpc.Core;
using Personnel.Api.V1;

namespace Personnel.Web.Tests;

/// <summary>
/// A small zone recorded through gRPC, as HR and party-affairs would: a harbour bureau whose two tier-3 years forced a
/// leadership adjustment (AM 第十七条), so its head's rotation is mandatory now; a roads bureau whose head has served three
/// terms (mandatory since 2024-02-29, AM 第十二条) and a section chief in a second term (advisory, due in half a year); five harbour staff graded in 2025 and
/// 2026 Q1, two Goods in 2026 Q1 filling the cap of 2 (AS 第八条), one year graded BasicallyCompetent (not counted, AS 第二十条).
/// </summary>
public sealed class Seed(CallInvoker invoker, string adminToken)
{
    public const string Harbour = "harbour";
    public const string Roads = "roads";
    public const string Ferry = "ferry";
    public const string Head = "h-wang";
    public const string HeadName = "王海";
    public const string SectionChief = "s-li";
    public const string RoadsHead = "h-zhang";
    public const string RoadsHeadName = "张伟";
    public const string Staff = "e-sun";
    public const string StaffName = "孙丽";

    private static int _requests;

    public async Task<string> KeyAsync(Role role)
    {
        var keys = new KeyService.KeyServiceClient(invoker);
        var created = await keys.CreateApiKeyAsync(new CreateApiKeyRequest { RequestId = Id(), Name = "web tests " + role, Role = role }, As(adminToken));
        return created.Token;
    }

    public async Task RevokeAsync(string keyId)
    {
        var keys = new KeyService.KeyServiceClient(invoker);
        await keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = Id(), KeyId = keyId }, As(adminToken));
    }

    public async Task ZoneAsync(string partyAffairs)
    {
        var options = As(partyAffairs);
        var departments = new DepartmentService.DepartmentServiceClient(invoker);
        var employees = new EmployeeService.EmployeeServiceClient(invoker);
        var grading = new GradingService.GradingServiceClient(invoker);

        foreach (var (id, name) in new[] { (Harbour, "港务局 Harbour bureau"), (Roads, "公路局 Roads bureau"), (Ferry, "轮渡站 Ferry station") })
        {
            await departments.CreateDepartmentAsync(new CreateDepartmentRequest
            {
                RequestId = Id(), DepartmentId = id, Name = name, Kind = DepartmentKind.ZoneDepartment, CreatedOn = Date("2015-01-01"),
            }, options);
        }

        // Three terms as head: 2015-03-01 to 2024-02-29; mandatory from then on (AM 第十二条).
        await employees.AppointEmployeeAsync(Appointment(Head, HeadName, Harbour, "2015-03-01", Post.DepartmentHead, 4, AdministrativeRank.DivisionHead), options);
        await RenewAsync(employees, Head, "2017-12-15", options);
        await RenewAsync(employees, Head, "2020-12-15", options);
        await employees.AppointEmployeeAsync(Appointment(RoadsHead, RoadsHeadName, Roads, "2015-03-01", Post.DepartmentHead, 4, AdministrativeRank.DivisionHead), options);
        await RenewAsync(employees, RoadsHead, "2017-12-15", options);
        await RenewAsync(employees, RoadsHead, "2020-12-15", options);

        // A section chief in a second term in the same post: advisory at its end, five to six months from today whenever
        // the tests run, so the row is inside the default 365-day window and not overdue.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var chiefStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-66);
        await employees.AppointEmployeeAsync(Appointment(SectionChief, "李娜", Roads, Text(chiefStart), Post.SectionChief, 5, AdministrativeRank.SectionChief), options);
        await RenewAsync(employees, SectionChief, Text(chiefStart.AddYears(3).AddDays(-30)), options);

        string[] staff = [Staff, "e-zhao", "e-qian", "e-zhou", "e-wu"];
        string[] names = [StaffName, "赵磊", "钱进", "周敏", "吴刚"];
        for (var i = 0; i < staff.Length; i++)
        {
            await employees.AppointEmployeeAsync(Appointment(staff[i], names[i], Harbour, "2025-01-01", Post.Staff, 7, AdministrativeRank.Other), options);
        }

        // 2025: e-sun is Average in three quarters, so the year is BasicallyCompetent (AS 第十三条) and not counted.
        foreach (var quarter in new[] { 1, 2, 3, 4 })
        {
            await grading.RecordQuarterlyGradeAsync(Quarterly(Staff, 2025, quarter, quarter == 1 ? QuarterlyGrade.FairlyGood : QuarterlyGrade.Average), options);
            await grading.RecordQuarterlyGradeAsync(Quarterly("e-zhao", 2025, quarter, QuarterlyGrade.FairlyGood), options);
        }

        await grading.RecordAnnualGradeAsync(new RecordAnnualGradeRequest
        {
            RequestId = Id(), EmployeeId = Staff, Year = 2025, Grade = AnnualGrade.BasicallyCompetent, DecidedOn = Date("2025-12-20"),
        }, options);
        await grading.RecordAnnualGradeAsync(new RecordAnnualGradeRequest
        {
            RequestId = Id(), EmployeeId = "e-zhao", Year = 2025, Grade = AnnualGrade.Competent, DecidedOn = Date("2025-12-20"),
        }, options);

        // 2026 Q1: six gradable people in harbour (the head and five staff), cap floor(0.4 × 6) = 2, both Goods granted.
        await grading.RecordQuarterlyGradeAsync(Quarterly("e-zhao", 2026, 1, QuarterlyGrade.Good), options);
        await grading.RecordQuarterlyGradeAsync(Quarterly("e-qian", 2026, 1, QuarterlyGrade.Good), options);

        // Two tier-3 years: yellow cards, then a leadership adjustment delivered to the head (AM 第十七条).
        foreach (var year in new[] { 2023, 2024 })
        {
            await departments.RecordDepartmentAssessmentAsync(new RecordDepartmentAssessmentRequest
            {
                RequestId = Id(), DepartmentId = Harbour, Year = year, Tier = DepartmentTier._3, DecidedOn = Date($"{year + 1}-01-20"),
            }, options);

            // The ferry station has no head: its adjustment waits for one (pending).
            await departments.RecordDepartmentAssessmentAsync(new RecordDepartmentAssessmentRequest
            {
                RequestId = Id(), DepartmentId = Ferry, Year = year, Tier = DepartmentTier._4, DecidedOn = Date($"{year + 1}-01-21"),
            }, options);
        }
    }

    private static Task<RenewContractResponse> RenewAsync(EmployeeService.EmployeeServiceClient employees, string id, string on, CallOptions options) =>
        employees.RenewContractAsync(new RenewContractRequest { RequestId = Id(), EmployeeId = id, DecidedOn = Date(on) }, options).ResponseAsync;

    private static AppointEmployeeRequest Appointment(string id, string name, string department, string on, Post post, int level, AdministrativeRank rank) => new()
    {
        RequestId = Id(), EmployeeId = id, Name = name, DepartmentId = department, Method = AppointmentMethod.Competitive,
        PostLevel = new PostLevel { Post = post, GradeLevel = level, Step = 5 }, StartsOn = Date(on), RetirementOn = Date("2045-06-30"),
        AdministrativeRank = rank, AdministrativeRankSince = Date("2010-01-01"), Education = Education.Bachelor,
    };

    private static RecordQuarterlyGradeRequest Quarterly(string id, int year, int quarter, QuarterlyGrade grade) => new()
    {
        RequestId = Id(), EmployeeId = id, Year = year, Quarter = quarter, Grade = grade,
        DecidedOn = Date(new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Google.Type.Date Date(string text)
    {
        var d = DateOnly.Parse(text, CultureInfo.InvariantCulture);
        return new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day };
    }

    private static CallOptions As(string token) =>
        new(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(30));

    private static string Id() => "web-" + Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
