namespace Personnel.Grains.Runtime;

/// <summary>
/// The identity of a grain: its registered type name and its key. The same identity always reaches
/// the same activation while one exists.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
