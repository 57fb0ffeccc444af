using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>Something the scenario does at a simulated time. <see cref="SourceLine"/> points into the file for errors.</summary>
public abstract record TimelineEntry(Duration At, int SourceLine)
{
    /// <summary>Stable name as written in scenario files, e.g. "crash".</summary>
    public abstract string Verb { get; }
}

/// <summary>The node stops instantly; volatile state is lost, only completed persists survive.
/// With <see cref="TornWrite"/>, a persist in flight leaves a torn record the restart must reject.</summary>
public sealed record CrashNode(Duration At, int SourceLine, NodeId Node, bool TornWrite) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "crash";
}

/// <summary>A crashed node boots again from what its disk holds. With <see cref="EpochAtLeast"/> above 0,
/// the disk's highest seen epoch is first raised to at least that (a stale high epoch, as if the
/// node had burnt epochs in candidacies nobody saw).</summary>
public sealed record RestartNode(Duration At, int SourceLine, NodeId Node, long EpochAtLeast = 0) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "restart";
}

/// <summary>Stop-the-world pause: the node is alive and its connections open, but it answers nothing
/// until the pause ends; then it sees everything that queued up, with timers that are now stale.</summary>
public sealed record PauseNode(Duration At, int SourceLine, NodeId Node, Duration For) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "pause";
}

/// <summary>Cuts every link between <see cref="Group"/> and the rest (or <see cref="Other"/> if given),
/// both ways, until healed.</summary>
public sealed record PartitionNodes(Duration At, int SourceLine, ImmutableArray<NodeId> Group, ImmutableArray<NodeId> Other)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "partition";
}

/// <summary>Drops every message from <see cref="From"/> to <see cref="To"/>; the reverse direction still works.</summary>
public sealed record BlockOneWay(Duration At, int SourceLine, ImmutableArray<NodeId> From, ImmutableArray<NodeId> To)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "one_way";
}

/// <summary>The link between two nodes goes down and up every <see cref="Period"/> until healed.</summary>
public sealed record FlapLink(Duration At, int SourceLine, NodeId A, NodeId B, Duration Period) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "flap";
}

/// <summary>
/// Every message to or from <see cref="Node"/> is delayed by an extra amount that starts at <see cref="Level"/>
/// (the current extra when null) and grows by <see cref="PerHour"/> every hour; <c>per_hour: 0s, to: 0s</c> ends it.
/// </summary>
public sealed record LinkDelay(Duration At, int SourceLine, NodeId Node, Duration PerHour, Duration? Level) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "link_delay";
}

/// <summary>Removes every partition, one-way block and flapping link; the network's loss settings stay.</summary>
public sealed record HealNetwork(Duration At, int SourceLine) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "heal";
}

/// <summary>Changes the network's per-message fault probabilities from now on.</summary>
public sealed record SetNetworkFaults(Duration At, int SourceLine, Ratio Loss, Ratio Duplicate, Ratio Reorder, Ratio Replay)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "network";
}

/// <summary>The node's clock jumps by <see cref="By"/> (monotonic clocks only move forward, so a
/// negative step is clamped by the host to a freeze).</summary>
public sealed record StepClock(Duration At, int SourceLine, NodeId Node, Duration By) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "clock_step";
}

/// <summary>The node's clock runs fast (positive) or slow (negative) by <see cref="Ppm"/> parts per million.</summary>
public sealed record DriftClock(Duration At, int SourceLine, NodeId Node, int Ppm) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "clock_drift";
}

/// <summary>A GPU fault on the node: fail-stop, hang, straggler, or misdetection.</summary>
public sealed record GpuFault(Duration At, int SourceLine, NodeId Node, GpuFaultKind Kind, int SlowdownPercent)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "gpu";
}

public enum GpuFaultKind : byte
{
    FailStop,
    Hang,
    Straggler,
    Misdetected,
    Recover,
}

/// <summary>From now on, launches on the node fail, exit early, or are OOM-killed with this probability.</summary>
public sealed record ProcessFaults(Duration At, int SourceLine, NodeId Node, Ratio LaunchFailure, Ratio EarlyExit, Ratio OutOfMemory)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "process_faults";
}

/// <summary>The node's disk becomes slow (each persist takes <see cref="Latency"/>), full, or fails fsync;
/// <see cref="DiskFaultKind.Healthy"/> restores it.</summary>
public sealed record DiskFault(Duration At, int SourceLine, NodeId Node, DiskFaultKind Kind, Duration Latency)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "disk";
}

public enum DiskFaultKind : byte
{
    Healthy,
    Slow,
    Full,
    FsyncFails,
}

/// <summary>An operator asks the node to run a job; in the simulator it runs for <see cref="Runtime"/>.</summary>
public sealed record LaunchCommand(Duration At, int SourceLine, NodeId Node, JobSpec Job, Duration Runtime)
    : TimelineEntry(At, SourceLine)
{
    public override string Verb => "launch";
}

/// <summary>An operator asks the node to kill a job.</summary>
public sealed record TerminateCommand(Duration At, int SourceLine, NodeId Node, JobId Job) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "terminate";
}

/// <summary>
/// Halts (or resumes) dispatch on every node: the leader keeps its book and its stall alarm but places
/// nothing, as when its dispatch component has crashed.
/// </summary>
public sealed record DispatchCommand(Duration At, int SourceLine, bool Halted) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "dispatch";
}
