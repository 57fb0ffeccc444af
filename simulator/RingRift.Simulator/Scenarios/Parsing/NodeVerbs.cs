using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs that act on one node's process and clock: crash, restart, pause, clock_step, clock_drift.</summary>
internal static class NodeVerbs
{
    /// <summary>The largest stale epoch a restart may plant: far beyond any run, far from overflow.</summary>
    public const long EpochMax = 1L << 53;

    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("crash", ["torn_write"], c => new CrashNode(c.At, c.Line, c.NodeOrLeader(), c.Entry.Optional("torn_write")?.Bool() ?? false)),
        new("restart", ["epoch"], c => new RestartNode(
            c.At, c.Line, c.NodeOrLeader(), c.Entry.Optional("epoch") is { } epoch ? epoch.Integer(1, EpochMax) : 0)),
        new("pause", ["for"], c => new PauseNode(c.At, c.Line, c.NodeOrLeader(), c.Entry.Required("for").PositiveDuration())),
        new("clock_step", ["by"], c => new StepClock(c.At, c.Line, c.NodeOrLeader(), c.Entry.Required("by").Duration(allowNegative: true))),
        new("clock_drift", ["ppm"], c => new DriftClock(
            c.At, c.Line, c.NodeOrLeader(), c.Entry.Required("ppm").Int(-HostSection.DriftPpmMax, HostSection.DriftPpmMax))),
    ];
}
