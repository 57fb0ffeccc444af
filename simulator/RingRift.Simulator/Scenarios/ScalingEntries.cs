using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>A burst of work: the leader is asked to queue <see cref="Count"/> selfplay jobs of <see cref="Config"/>.</summary>
public sealed record QueueWorkCommand(Duration At, int SourceLine, int Count, string Config) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "queue_work";
}

/// <summary>
/// The node's disk starts filling: from <see cref="FreeGb"/> free it loses <see cref="GbPerHour"/> an hour,
/// down to nothing; the host samples it every ten minutes (an <see cref="Observed"/> input with the free space).
/// </summary>
public sealed record DiskFill(Duration At, int SourceLine, NodeId Node, int FreeGb, int GbPerHour) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "disk_fill";
}
