using Personnel.Cli.Output;

namespace Personnel.Cli.Commands;

/// <summary>Turns option text into API values, refusing bad text with a message that names the option and the choices.</summary>
internal static class Args
{
    public static T Enum<T>(string? text, string option)
        where T : struct, System.Enum =>
        Values.TryParseEnum<T>(text, out var value)
            ? value
            : throw new InputException($"{option} \"{text}\" is not one of {Values.Choices<T>()}.");

    public static T? OptionalEnum<T>(string? text, string option)
        where T : struct, System.Enum =>
        string.IsNullOrWhiteSpace(text) ? null : Enum<T>(text, option);

    public static Google.Type.Date Date(string? text, string option) =>
        Values.TryParseDate(text, out var date)
            ? date
            : throw new InputException($"{option} \"{text}\" is not a date (yyyy-MM-dd).");

    public static Google.Type.Date? OptionalDate(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null : Date(text, option);

    /// <summary>A free-text option that must say something: an empty or blank value is refused with <paramref name="why"/>.</summary>
    public static string Text(string? text, string option, string why) =>
        string.IsNullOrWhiteSpace(text) ? throw new InputException($"{option} is empty: {why}") : text.Trim();

    /// <summary>Exactly one of two flags (--passed/--failed, --grade/--no-grade), refused before any call otherwise.</summary>
    public static bool OneOf(bool first, bool second, string firstName, string secondName) =>
        first != second ? first : throw new InputException($"give exactly one of {firstName} and {secondName}.");

    /// <summary>A post level from its three options.</summary>
    public static Api.V1.PostLevel PostLevel(string? post, int gradeLevel, int step) => new()
    {
        Post = Enum<Api.V1.Post>(post, "--post"),
        GradeLevel = gradeLevel,
        Step = step,
    };

    /// <summary>A quarterly grade in English (fairly-good, FAIRLY_GOOD) or Chinese (较好).</summary>
    public static Api.V1.QuarterlyGrade QuarterlyGrade(string? text, string option) =>
        Terms.TryParseChinese(text, out Api.V1.QuarterlyGrade grade) || Values.TryParseEnum(text, out grade)
            ? grade
            : throw new InputException($"{option} \"{text}\" is not one of {Values.Choices<Api.V1.QuarterlyGrade>()} (好, 较好, 一般, 较差; AS 第八条).");

    /// <summary>An annual grade in English (basically-competent) or Chinese (基本称职).</summary>
    public static Api.V1.AnnualGrade AnnualGrade(string? text, string option) =>
        Terms.TryParseChinese(text, out Api.V1.AnnualGrade grade) || Values.TryParseEnum(text, out grade)
            ? grade
            : throw new InputException($"{option} \"{text}\" is not one of {Values.Choices<Api.V1.AnnualGrade>()} (优秀, 称职, 基本称职, 不称职; AS 第十条).");
}
