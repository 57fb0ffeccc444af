using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>One simulated host: what it advertises, and how its clock misbehaves from the start.</summary>
public sealed record HostSpec(NodeProfile Profile, ClockSpec Clock)
{
    public NodeId Node => Profile.Node;
}

/// <summary>A node clock's initial offset from virtual time and its drift in parts per million.</summary>
public sealed record ClockSpec(Duration Offset, int DriftPpm)
{
    public static readonly ClockSpec Perfect = new(Duration.Zero, 0);
}
