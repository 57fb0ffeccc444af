using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>A fault the operations loops (monitoring, healing) must see; applied by the world's operations model.</summary>
public abstract record OperationsFault(Duration At, int SourceLine, NodeId Node) : TimelineEntry(At, SourceLine);

/// <summary>The node's disk fills by <see cref="PerHour"/> of its size every hour from now (0% stops it).</summary>
public sealed record DiskFill(Duration At, int SourceLine, NodeId Node, Ratio PerHour) : OperationsFault(At, SourceLine, Node)
{
    public override string Verb => "disk_fill";
}

/// <summary>An operator frees the node's disk down to <see cref="To"/> used; any fill continues from there.</summary>
public sealed record DiskCleanup(Duration At, int SourceLine, NodeId Node, Ratio To) : OperationsFault(At, SourceLine, Node)
{
    public override string Verb => "disk_cleanup";
}

/// <summary>
/// The node's selfplay silently stops producing (<see cref="Silent"/>) or recovers: its GPU processes stay
/// alive and write no game, and nothing the host samples says the GPU is unwell.
/// </summary>
public sealed record SelfplaySilent(Duration At, int SourceLine, NodeId Node, bool Silent) : OperationsFault(At, SourceLine, Node)
{
    public override string Verb => "selfplay";
}

/// <summary>
/// The node is slow but healthy for <see cref="For"/>: it stalls for <see cref="Stall"/> every
/// <see cref="Every"/> (slow steps, late heartbeats) and its selfplay writes games <see cref="SlowdownPercent"/>
/// percent as slowly.
/// </summary>
public sealed record Overload(Duration At, int SourceLine, NodeId Node, Duration For, Duration Stall, Duration Every, int SlowdownPercent)
    : OperationsFault(At, SourceLine, Node)
{
    public override string Verb => "overload";
}
