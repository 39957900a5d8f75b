namespace Personnel.Cli.Output;

/// <summary>
/// The Chinese term beside each English table heading ("员工编号 / employee"): clerks read the Chinese, scripts and
/// the English-reading staff the English. The English comes last so a heading still ends with the word a reader
/// (or a test) looks for. Terms follow the policy's own words (RULES.md, the proto comments).
/// </summary>
internal static class Headings
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        // Records and their fields.
        ["field"] = "项目",
        ["value"] = "内容",
        ["employee"] = "员工编号",
        ["name"] = "姓名",
        ["department"] = "部门",
        ["contract"] = "聘任状态",
        ["post"] = "岗位",
        ["post level"] = "岗位等级",
        ["grade level"] = "级",
        ["step"] = "档",
        ["since"] = "起始日期",
        ["as of"] = "截至日期",
        ["appointed by"] = "聘任方式",
        ["term number"] = "聘期序号",
        ["term"] = "聘期",
        ["term ends"] = "聘期届满",
        ["probation ends"] = "试用期满",
        ["trial ends"] = "提拔试用期满",
        ["retirement"] = "法定退休日期",
        ["eligibility waived"] = "资格条件放宽",
        ["version"] = "版本",
        ["demotion due at floor"] = "应降级但已至最低等级",
        ["administrative rank"] = "职级",
        ["education"] = "学历",
        ["next post eligible on"] = "可竞聘上一岗位日期",
        ["next post"] = "上一岗位",
        ["seconded to"] = "借调至",
        ["from"] = "自",
        ["to"] = "至",
        ["graded meanwhile by"] = "期间考核单位",
        ["post since"] = "任现岗位起",
        ["grade since"] = "任现等级起",
        ["counted years"] = "计算年限",
        ["promotion frozen until"] = "晋升冻结至",
        ["rotation due"] = "应交流日期",

        // Departments.
        ["kind"] = "类型",
        ["headcount"] = "人数",
        ["year"] = "年度",
        ["tier"] = "部门等次",
        ["city rank"] = "市级排名",
        ["yellow card"] = "黄牌警告",
        ["leadership adjustment"] = "领导班子调整",
        ["delivered to"] = "送达",
        ["discharged by"] = "由新任正职履行",
        ["settled on"] = "办结日期",
        ["pending leadership adjustment (year)"] = "待办领导班子调整 (年度)",
        ["ordered on"] = "决定日期",
        ["yellow card withdrawn"] = "黄牌撤销",
        ["leadership adjustment rescinded"] = "领导班子调整撤销",
        ["quarter"] = "季度",
        ["quota"] = "名额",
        ["eligible"] = "参加考核人数",
        ["cap"] = "上限",
        ["granted"] = "已评定",
        ["left"] = "剩余",

        // Consequences and rules.
        ["consequence"] = "后果",
        ["rule"] = "依据条款",
        ["what it means"] = "说明",
        ["effective on"] = "生效日期",
        ["why"] = "原因",
        ["reason"] = "原因",

        // Grades and appeals.
        ["grade"] = "等次",
        ["no grade because"] = "不定等次原因",
        ["comments"] = "评语",
        ["decided on"] = "决定日期",
        ["pay %"] = "季度绩效比例",
        ["assessing unit"] = "考核单位",
        ["recorded by"] = "记录人",
        ["year counted"] = "计算年限",
        ["under appeal"] = "复核/申诉中",
        ["set after investigation"] = "补定等次",
        ["earliest decision on"] = "最早决定日期",
        ["notice started on"] = "公示开始日期",

        // Rotation.
        ["due on"] = "应交流日期",
        ["strength"] = "强度",
        ["terms"] = "连续聘期",

        // History and events.
        ["occurred on"] = "发生日期",
        ["recorded at"] = "记录时间",
        ["type"] = "事项",
        ["details"] = "详情",
        ["position"] = "序号",
        ["stream"] = "对象",

        // Pay.
        ["personal coefficient"] = "个人系数",
        ["department coefficient"] = "部门系数",
        ["post coefficient"] = "岗位系数",
        ["quarterly pay %"] = "季度绩效比例 (一至四季度)",
        ["quarterly months withheld"] = "季度绩效按月扣发 (一至四季度)",
        ["annual months withheld"] = "年度绩效按月扣发",
        ["withheld because"] = "不发放原因",
        ["component"] = "工资项目",
        ["unit"] = "扣发方式",
        ["quantity"] = "数量",
        ["period"] = "期间",
        ["pool"] = "年度绩效总额",
        ["amount"] = "金额",
        ["withheld"] = "扣发",
        ["undistributed"] = "未分配",

        // Keys and imports.
        ["key id"] = "密钥编号",
        ["role"] = "角色",
        ["revoked"] = "已吊销",
        ["created at"] = "创建时间",
        ["row"] = "行号",
        ["code"] = "结果代码",
    };

    /// <summary>"员工编号 / employee" for "employee"; a heading without a Chinese term stays English.</summary>
    public static string Of(string english) =>
        Chinese.TryGetValue(english, out var chinese) ? $"{chinese} / {english}" : english;

    /// <summary>Whether <paramref name="english"/> has its Chinese term (tests check every heading a command prints).</summary>
    public static bool Has(string english) => Chinese.ContainsKey(english);
}
