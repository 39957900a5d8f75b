namespace Personnel.Grains.Abstractions;

/// <summary>
/// Who asks, when, and the idempotency key. The same <paramref name="RequestId"/> with the same command
/// returns the first result and records nothing new; with a different command it is refused
/// (<see cref="RequestIdReusedException"/>, INVALID_ARGUMENT).
/// </summary>
/// <param name="RequestId">Unique per intent, chosen by the client (1–128 characters).</param>
/// <param name="RecordedBy">Who records it (the API key id); stored on every event.</param>
/// <param name="Today">The civil date the command takes effect on.</param>
public sealed record CommandContext(string RequestId, string RecordedBy, DateOnly Today);
