using System.CommandLine;
using Personnel.Api.V1;
using Personnel.Cli.Output;
using Personnel.Client;

namespace Personnel.Cli.Commands;

/// <summary>
/// <c>personnel events watch</c>: the feed of recorded events, from a position, then live. One line per event as it
/// arrives (with --json one JSON object per line), so a script can read it as it comes.
/// </summary>
internal static class EventCommands
{
    public static Command Build(GlobalOptions globals)
    {
        var after = new Option<long>("--after") { Description = "Only events after this position (the first column). Defaults to 0: from the beginning." };
        var types = new Option<string[]>("--type") { Description = "Only events of this type (e.g. demoted, contract-renewed); repeatable." };
        var department = new Option<string?>("--department") { Description = "Only events of this department and its employees." };
        var limit = new Option<int>("--limit") { Description = "Stop after this many events. Defaults to no limit." };
        var idle = new Option<double>("--until-idle") { Description = "Stop once no event arrived for this many seconds (e.g. 2: print what is recorded, then exit). Defaults to following until Ctrl+C." };
        var watch = new Command("watch",
            "Print recorded events from a position, then new ones as they are recorded, until Ctrl+C, --limit or --until-idle. Resume with --after the last position printed.")
        {
            after, types, department, limit, idle,
        };
        watch.SetAction((parsed, cancellationToken) => globals.RunAsync(parsed, async client =>
        {
            var request = new WatchEventsRequest { AfterPosition = parsed.GetValue(after), DepartmentId = parsed.GetValue(department) ?? string.Empty };
            request.Types_.Add(parsed.GetValue(types) ?? []);
            var (max, idleSeconds) = (parsed.GetValue(limit), parsed.GetValue(idle));
            if (max < 0 || idleSeconds < 0)
            {
                throw new InputException("--limit and --until-idle cannot be negative.");
            }

            await WatchAsync(globals, client, request, max, idleSeconds > 0 ? TimeSpan.FromSeconds(idleSeconds) : null, parsed.GetValue(globals.Json), cancellationToken)
                .ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return new Command("events", "The feed of recorded events (for following changes as they happen).") { watch };
    }

    private static async Task WatchAsync(GlobalOptions globals, PersonnelClient client, WatchEventsRequest request, int limit, TimeSpan? idle, bool json, CancellationToken cancellationToken)
    {
        var writer = globals.Context.Out.Profile.Out.Writer;

        // Ending the stream is the caller's doing here (Ctrl+C, the limit, the idle time): it is a normal end, not an error.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (idle is { } first)
        {
            stop.CancelAfter(first);
        }

        var count = 0;
        try
        {
            await foreach (var e in client.Events.WatchEventsAsync(request, stop.Token).ConfigureAwait(false))
            {
                if (count == 0 && !json)
                {
                    // The header comes with the first event: a refused call prints nothing on stdout.
                    await writer.WriteLineAsync(Line(["position", "occurred on", "stream", "type", "recorded by", "details"], Headings.Of)).ConfigureAwait(false);
                }

                await writer.WriteLineAsync(json
                    ? Values.Json(e)
                    : Line([e.Position.ToString(), Values.Show(e.OccurredOn), e.StreamId, e.Type, e.RecordedBy, e.PayloadJson], s => s)).ConfigureAwait(false);
                await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                if (++count == limit)
                {
                    break;
                }

                if (idle is { } again)
                {
                    stop.CancelAfter(again);
                }
            }
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or PersonnelException { StatusCode: Grpc.Core.StatusCode.Cancelled })
        {
            // Stopped by Ctrl+C or --until-idle.
        }
    }

    private static string Line(IEnumerable<string> cells, Func<string, string> show) => string.Join(" │ ", cells.Select(show));
}
