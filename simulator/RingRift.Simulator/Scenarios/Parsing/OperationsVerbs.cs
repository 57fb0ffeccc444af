using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs for the operations loops: disk_fill, disk_cleanup, selfplay (silent / recover), overload.</summary>
internal static class OperationsVerbs
{
    private static readonly WordTable<bool> SelfplayFaults = new(("silent", true), ("recover", false));

    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("disk_fill", ["per_hour"], c => new DiskFill(c.At, c.Line, c.Node(), c.Entry.Required("per_hour").Probability())),
        new("disk_cleanup", ["to"], c => new DiskCleanup(c.At, c.Line, c.Node(), c.Entry.Required("to").Probability())),
        new("selfplay", ["fault"], c => new SelfplaySilent(c.At, c.Line, c.Node(), c.Entry.Required("fault").Word(SelfplayFaults))),
        new("overload", ["for", "stall", "every", "slowdown"], ReadOverload),
    ];

    private static TimelineEntry ReadOverload(VerbContext c)
    {
        var stall = c.Entry.Required("stall").PositiveDuration();
        var every = c.Entry.Required("every").PositiveDuration();
        if (stall >= every) throw c.Entry.Required("stall").Error($"'stall' ({stall}) must be shorter than 'every' ({every})");
        var slowdown = c.Entry.Optional("slowdown")?.Ratio(Ratio.FromPercent(1_000)) ?? Ratio.FromPercent(100);
        if (slowdown < Ratio.FromPercent(100) || slowdown.BasisPoints % 100 != 0)
            throw c.Entry.Required("slowdown").Error($"'slowdown' is a whole percent of at least 100%, e.g. 200%; got {slowdown}");
        return new Overload(c.At, c.Line, c.Node(), c.Entry.Required("for").PositiveDuration(), stall, every, slowdown.BasisPoints / 100);
    }
}
