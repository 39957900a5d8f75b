namespace Personnel.Grains.Runtime;

/// <summary>A registered grain: its type name, the interface callers use, and how to make an instance.</summary>
internal sealed record GrainClass(string Type, Type Interface, Func<Grain> Create);
