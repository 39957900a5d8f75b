using Personnel.Server.Services;
using V1 = Personnel.Api.V1;
using D = Personnel.Domain;

namespace Personnel.Server.Mapping;

/// <summary>
/// Wire enums ⇄ domain enums. Unset (<c>_UNSPECIFIED</c>) and unknown numbers are refused where a value is
/// required, naming the field and the values it takes.
/// </summary>
public static class Enums
{
    /// <summary>A domain enum value by the wire value's name (the two vocabularies share names where they can).</summary>
    public static TTo ByName<TFrom, TTo>(TFrom value, string field)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        TryByName<TFrom, TTo>(value, out var to)
            ? to
            : throw Refusals.Invalid($"{field} {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not one of "
                + string.Join(", ", Enum.GetNames<TFrom>().Where(n => Enum.TryParse<TTo>(n, out _))) + ".");

    /// <summary>A wire value by the domain value's name; unspecified when the wire vocabulary lacks it.</summary>
    public static TTo ToApi<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        TryByName<TFrom, TTo>(value, out var to) ? to : default;

    /// <summary>The <typeparamref name="TTo"/> value with the name of <paramref name="value"/>; false for a value
    /// <typeparamref name="TFrom"/> does not define or whose name <typeparamref name="TTo"/> lacks.</summary>
    public static bool TryByName<TFrom, TTo>(TFrom value, out TTo to)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        SameName<TFrom, TTo>.Map.TryGetValue(value, out to);

    /// <summary>Each defined <typeparamref name="TFrom"/> value whose name <typeparamref name="TTo"/> also defines, worked
    /// out once per pair of enums: a name lookup per call cost more than the rest of mapping a GetPostLevel answer.</summary>
    private static class SameName<TFrom, TTo>
        where TFrom : struct, Enum
        where TTo : struct, Enum
    {
        public static readonly Dictionary<TFrom, TTo> Map = Enum.GetValues<TFrom>()
            .DistinctBy(v => v)
            .Select(v => (From: v, Found: Enum.TryParse<TTo>(v.ToString(), ignoreCase: false, out var to), To: to))
            .Where(p => p.Found && Enum.IsDefined(p.To))
            .ToDictionary(p => p.From, p => p.To);
    }

    public static D.Employees.AppointmentMethod Method(V1.AppointmentMethod method) => method switch
    {
        V1.AppointmentMethod.Competitive => D.Employees.AppointmentMethod.Competition,
        V1.AppointmentMethod.OpenRecruitment => D.Employees.AppointmentMethod.OpenRecruitment,
        V1.AppointmentMethod.DirectAppointment => D.Employees.AppointmentMethod.DirectAppointment,
        _ => throw Refusals.Invalid($"method {(int)method} is not COMPETITIVE, OPEN_RECRUITMENT or DIRECT_APPOINTMENT (AM 第六条)."),
    };

    public static V1.AppointmentMethod ToApi(D.Employees.AppointmentMethod method) => method switch
    {
        D.Employees.AppointmentMethod.Competition => V1.AppointmentMethod.Competitive,
        D.Employees.AppointmentMethod.OpenRecruitment => V1.AppointmentMethod.OpenRecruitment,
        D.Employees.AppointmentMethod.DirectAppointment => V1.AppointmentMethod.DirectAppointment,
        _ => V1.AppointmentMethod.Unspecified,
    };

    public static D.Employees.SanctionKind Sanction(V1.SanctionKind kind, string field) => kind switch
    {
        V1.SanctionKind.Warning => D.Employees.SanctionKind.Warning,
        V1.SanctionKind.Demerit => D.Employees.SanctionKind.Demerit,
        V1.SanctionKind.MajorDemerit => D.Employees.SanctionKind.MajorDemerit,
        V1.SanctionKind.Downgrade => D.Employees.SanctionKind.Demotion,
        V1.SanctionKind.Removal => D.Employees.SanctionKind.Removal,
        V1.SanctionKind.Expulsion => D.Employees.SanctionKind.Expulsion,
        // 严重警告 is a party sanction (the service refuses it with source GOVERNMENT); the party ladder is kept at the
        // government severity it equals, 记过 (AS 第二十七条), so grading reads it as that and pay as 严重警告 (PM 第九条).
        V1.SanctionKind.SeriousWarning => D.Employees.SanctionKind.Demerit,
        _ => throw Refusals.Invalid($"{field} {(int)kind} is not a sanction kind: WARNING, SERIOUS_WARNING (party), DEMERIT, MAJOR_DEMERIT, DOWNGRADE, REMOVAL or EXPULSION."),
    };

    public static D.Employees.SanctionAuthority Source(V1.SanctionSource source) => source switch
    {
        V1.SanctionSource.Government => D.Employees.SanctionAuthority.Government,
        V1.SanctionSource.Party => D.Employees.SanctionAuthority.Party,
        _ => throw Refusals.Invalid($"source {(int)source} is not GOVERNMENT or PARTY."),
    };

    public static D.Employees.DismissalCause Cause(V1.DismissalCause cause) =>
        cause is >= V1.DismissalCause.IncompetentRefusesArrangement and <= V1.DismissalCause.Expelled
            ? (D.Employees.DismissalCause)(int)cause
            : throw Refusals.Invalid($"dismissal_cause {(int)cause} is missing or unknown: a dismissal names its cause (一)–(五) of AM 第十八条.");

    public static D.Grading.QuarterlyGrade Quarterly(V1.QuarterlyGrade grade) => grade switch
    {
        V1.QuarterlyGrade.Good => D.Grading.QuarterlyGrade.Good,
        V1.QuarterlyGrade.FairlyGood => D.Grading.QuarterlyGrade.FairlyGood,
        V1.QuarterlyGrade.Average => D.Grading.QuarterlyGrade.Average,
        V1.QuarterlyGrade.Poor => D.Grading.QuarterlyGrade.Poor,
        _ => throw Refusals.Invalid($"grade {(int)grade} is not a quarterly grade: GOOD, FAIRLY_GOOD, AVERAGE or POOR (AS 第八条); "
            + "for no grade send no_grade with its reason."),
    };

    public static D.Grading.AnnualGrade Annual(V1.AnnualGrade grade, string field = "grade") => grade switch
    {
        V1.AnnualGrade.Excellent => D.Grading.AnnualGrade.Excellent,
        V1.AnnualGrade.Competent => D.Grading.AnnualGrade.Competent,
        V1.AnnualGrade.BasicallyCompetent => D.Grading.AnnualGrade.BasicallyCompetent,
        V1.AnnualGrade.Incompetent => D.Grading.AnnualGrade.Incompetent,
        _ => throw Refusals.Invalid($"{field} {(int)grade} is not an annual grade: EXCELLENT, COMPETENT, BASICALLY_COMPETENT or INCOMPETENT (AS 第十条); "
            + "for no grade send no_grade with its reason."),
    };

    public static V1.QuarterlyGrade ToApi(D.Grading.QuarterlyGrade grade) => ToApi<D.Grading.QuarterlyGrade, V1.QuarterlyGrade>(grade);

    public static V1.AnnualGrade ToApi(D.Grading.AnnualGrade grade) => ToApi<D.Grading.AnnualGrade, V1.AnnualGrade>(grade);

    public static V1.NoGradeReason ToApi(D.Employees.NoGradeReason? reason) => reason switch
    {
        D.Employees.NoGradeReason.InProbation => V1.NoGradeReason.Probation,
        D.Employees.NoGradeReason.UnderInvestigation => V1.NoGradeReason.UnderInvestigation,
        D.Employees.NoGradeReason.Sanctioned => V1.NoGradeReason.Sanction,
        D.Employees.NoGradeReason.LeaveOverHalf => V1.NoGradeReason.LeaveOverHalf,
        _ => V1.NoGradeReason.Other,
    };

    /// <summary>Refuses a "no grade" without a valid reason.</summary>
    public static void RequireReason(V1.NoGrade noGrade)
    {
        if (noGrade.Reason is <= V1.NoGradeReason.Unspecified or > V1.NoGradeReason.Other)
        {
            throw Refusals.Invalid($"no_grade.reason {(int)noGrade.Reason} is missing or unknown: \"no grade\" is explicit with its reason "
                + "(PROBATION AS 第二十三条, UNDER_INVESTIGATION 第二十六条, LEAVE_OVER_HALF 第二十五条, SANCTION 第二十七条, or OTHER with an explanation).");
        }

        if (noGrade.Reason == V1.NoGradeReason.Other && string.IsNullOrWhiteSpace(noGrade.Explanation))
        {
            throw Refusals.Invalid("no_grade.reason OTHER needs no_grade.explanation saying why the period has no grade.");
        }
    }

    public static V1.ContractState ToApi(D.Employees.ContractState state) => ToApi<D.Employees.ContractState, V1.ContractState>(state);

    public static D.Departments.DepartmentTier Tier(V1.DepartmentTier tier) =>
        tier is >= V1.DepartmentTier._1 and <= V1.DepartmentTier._4
            ? (D.Departments.DepartmentTier)(int)tier
            : throw Refusals.Invalid($"tier {(int)tier} is missing or unknown: DEPARTMENT_TIER_1 to DEPARTMENT_TIER_4.");

    public static V1.DepartmentTier ToApi(D.Departments.DepartmentTier tier) => (V1.DepartmentTier)(int)tier;
}
