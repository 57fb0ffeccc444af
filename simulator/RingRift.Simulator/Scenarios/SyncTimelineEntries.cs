using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>The node's host writes <see cref="Count"/> game databases of <see cref="Bytes"/> each (a job's output).</summary>
public sealed record WriteGames(Duration At, int SourceLine, NodeId Node, int Count, long Bytes) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "write_games";
}

/// <summary>Every file on the node's data disk is gone (a replaced or wiped disk); the node keeps running.</summary>
public sealed record WipeDisk(Duration At, int SourceLine, NodeId Node) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "disk_wipe";
}

/// <summary>An operator deletes every game database on the node by hand, outside the kernel (what a consolidation once did).</summary>
public sealed record DeleteGames(Duration At, int SourceLine, NodeId Node) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "delete_games";
}

/// <summary>Other data fills the node's disk to <see cref="Used"/> of its size (its own files included).</summary>
public sealed record FillDisk(Duration At, int SourceLine, NodeId Node, Ratio Used) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "disk_level";
}

/// <summary>From now on transfers between <see cref="A"/> and <see cref="B"/> (either way) have these faults and, if given, this bandwidth.</summary>
public sealed record SetLinkFaults(Duration At, int SourceLine, NodeId A, NodeId B, LinkFaults Faults, long? BytesPerSecond)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "sync_link";
}
