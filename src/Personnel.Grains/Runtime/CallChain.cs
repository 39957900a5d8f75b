namespace Personnel.Grains.Runtime;

/// <summary>
/// The grains whose turns are waiting on the current call, innermost first. It flows with the
/// ExecutionContext through awaits, so a grain call made inside a turn knows who is waiting on it.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> _current = new();

    private CallChain(GrainId grain, CallChain? caller)
    {
        Grain = grain;
        Caller = caller;
    }

    /// <summary>The chain of the turn running on this logical flow, or null outside any grain.</summary>
    public static CallChain? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    public GrainId Grain { get; }

    public CallChain? Caller { get; }

    public static CallChain Enter(GrainId grain, CallChain? caller) => new(grain, caller);

    public bool Contains(GrainId grain)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (link.Grain == grain)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The grains from the outermost caller to this one, then <paramref name="next"/>.</summary>
    public IReadOnlyList<GrainId> PathTo(GrainId next)
    {
        var path = new List<GrainId> { next };
        for (var link = this; link is not null; link = link.Caller)
        {
            path.Add(link.Grain);
        }

        path.Reverse();
        return path;
    }
}
