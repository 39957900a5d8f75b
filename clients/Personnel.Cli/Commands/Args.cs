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
}
