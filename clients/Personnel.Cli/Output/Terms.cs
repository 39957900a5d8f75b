using Personnel.Api.V1;

namespace Personnel.Cli.Output;

/// <summary>Grades as the policy names them, Chinese first ("较好 fairly-good"), for tables; JSON keeps the proto names.</summary>
internal static class Terms
{
    /// <summary>A quarterly grade typed in Chinese (好, 较好, 一般, 较差), as clerks write it.</summary>
    public static bool TryParseChinese(string? text, out QuarterlyGrade grade) => TryParseChinese(text, Show, out grade);

    /// <summary>An annual grade typed in Chinese (优秀, 称职, 基本称职, 不称职).</summary>
    public static bool TryParseChinese(string? text, out AnnualGrade grade) => TryParseChinese(text, Show, out grade);

    private static bool TryParseChinese<T>(string? text, Func<T, string> show, out T value)
        where T : struct, Enum
    {
        value = Enum.GetValues<T>().FirstOrDefault(v => show(v).Split(' ')[0] == text?.Trim() && show(v).Length > 0);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    public static string Show(QuarterlyGrade grade) => grade switch
    {
        QuarterlyGrade.Good => "好 good",
        QuarterlyGrade.FairlyGood => "较好 fairly-good",
        QuarterlyGrade.Average => "一般 average",
        QuarterlyGrade.Poor => "较差 poor",
        _ => string.Empty,
    };

    public static string Show(AnnualGrade grade) => grade switch
    {
        AnnualGrade.Excellent => "优秀 excellent",
        AnnualGrade.Competent => "称职 competent",
        AnnualGrade.BasicallyCompetent => "基本称职 basically-competent",
        AnnualGrade.Incompetent => "不称职 incompetent",
        _ => string.Empty,
    };

    /// <summary>A contract's state as the measures name it, then the word scripts and --json readers know ("正式聘任 appointed").</summary>
    public static string Show(ContractState state)
    {
        var chinese = state switch
        {
            ContractState.InProbation => "试用期",
            ContractState.Appointed => "正式聘任",
            ContractState.InPromotionTrial => "提拔任职试用期",
            ContractState.AwaitingRenewal => "聘期届满待续聘",
            ContractState.ProbationFailed => "取消聘任",
            ContractState.NotRenewed => "期满不再续聘",
            ContractState.Resigned => "辞职",
            ContractState.TransferredOut => "调至区外",
            ContractState.Dismissed => "辞聘",
            ContractState.Terminated => "解除聘用合同",
            ContractState.Retired => "退休",
            _ => string.Empty,
        };
        return chinese.Length == 0 ? Values.Show(state) : $"{chinese} {Values.Show(state)}";
    }

    /// <summary>"不定等次: 试用期 probation (AS 第二十三条)", with the explanation when there is one.</summary>
    public static string Show(NoGrade? noGrade)
    {
        if (noGrade is null)
        {
            return string.Empty;
        }

        var reason = noGrade.Reason switch
        {
            NoGradeReason.Probation => "试用期 probation (AS 第二十三条)",
            NoGradeReason.UnderInvestigation => "立案审查调查 under-investigation (AS 第二十六条)",
            NoGradeReason.LeaveOverHalf => "病、事假超过一半 leave-over-half (AS 第二十五条)",
            NoGradeReason.Sanction => "处分期间 sanction (AS 第二十七条)",
            NoGradeReason.Other => "其他 other",
            _ => string.Empty,
        };
        return noGrade.Explanation.Length == 0 ? $"不确定等次: {reason}" : $"不确定等次: {reason}: {noGrade.Explanation}";
    }
}
