using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs that break a node's hardware or processes: gpu, process_faults, disk.</summary>
internal static class FaultVerbs
{
    /// <summary>A straggler runs at most a hundred times slower; beyond that it is a hang.</summary>
    public static readonly Ratio SlowdownMax = Ratio.FromPercent(10_000);

    private static readonly WordTable<GpuFaultKind> GpuFaults = new(
        ("fail_stop", GpuFaultKind.FailStop), ("hang", GpuFaultKind.Hang), ("straggler", GpuFaultKind.Straggler),
        ("misdetected", GpuFaultKind.Misdetected), ("recover", GpuFaultKind.Recover));

    private static readonly WordTable<DiskFaultKind> DiskFaults = new(
        ("slow", DiskFaultKind.Slow), ("full", DiskFaultKind.Full),
        ("fsync_fails", DiskFaultKind.FsyncFails), ("healthy", DiskFaultKind.Healthy));

    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("gpu", ["fault", "slowdown"], ReadGpu),
        new("process_faults", ["launch_failure", "early_exit", "oom"], c => new ProcessFaults(
            c.At, c.Line, c.Node(),
            c.Entry.Optional("launch_failure")?.Probability() ?? Ratio.Zero,
            c.Entry.Optional("early_exit")?.Probability() ?? Ratio.Zero,
            c.Entry.Optional("oom")?.Probability() ?? Ratio.Zero)),
        new("disk", ["fault", "latency"], ReadDisk),
    ];

    /// <summary>Without a straggler's slowdown, jobs run at 100% of their runtime.</summary>
    private static TimelineEntry ReadGpu(VerbContext c)
    {
        var node = c.Node();
        if (!c.Nodes.Profile(node).HasGpu) throw c.Value.Error($"gpu names '{node}', which has no GPU");
        var kind = c.Entry.Required("fault").Word(GpuFaults);
        var slowdownPercent = 100;
        if (c.OptionOnlyFor("slowdown", kind == GpuFaultKind.Straggler, "fault: straggler") is { } value)
        {
            var slowdown = value.Ratio(SlowdownMax);
            if (slowdown <= Ratio.One || slowdown.BasisPoints % 100 != 0)
                throw value.Error($"'slowdown' is the straggler's runtime as a whole percent above 100%, e.g. 300%; got {slowdown}");
            slowdownPercent = slowdown.BasisPoints / 100;
        }
        return new GpuFault(c.At, c.Line, node, kind, slowdownPercent);
    }

    private static TimelineEntry ReadDisk(VerbContext c)
    {
        var node = c.Node();
        var kind = c.Entry.Required("fault").Word(DiskFaults);
        var latency = c.OptionOnlyFor("latency", kind == DiskFaultKind.Slow, "fault: slow")?.PositiveDuration() ?? Duration.Zero;
        return new DiskFault(c.At, c.Line, node, kind, latency);
    }
}
