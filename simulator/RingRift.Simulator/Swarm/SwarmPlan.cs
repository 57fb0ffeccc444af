using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Swarm;

/// <summary>The fault timeline of one swarm seed, drawn fault kind by fault kind.</summary>
internal sealed class SwarmPlan(Scenario scenario, Prng prng)
{
    private const int Line = 0;
    private readonly Duration _safety = scenario.Swarm.SafetyPhase;
    private readonly ImmutableArray<HostSpec> _hosts = scenario.Hosts;

    public List<TimelineEntry> Timeline { get; } = new();
    public SortedSet<string> Kinds { get; } = new(System.StringComparer.Ordinal);

    public void DrawFaults()
    {
        Maybe("crash", DrawCrash);
        Maybe("pause", DrawPause);
        Maybe("partition", DrawPartition);
        Maybe("one_way", DrawOneWay);
        Maybe("flap", DrawFlap);
        Maybe("network", DrawNetworkFaults);
        Maybe("clock", DrawClockFault);
        Maybe("disk", DrawDiskFault);
        Maybe("gpu", DrawGpuFault);
        Maybe("leader", DrawLeaderFault);
        Maybe("stale_restart", DrawStaleRestart);
    }

    /// <summary>At the end of the safety phase every fault is lifted, so liveness can be judged.</summary>
    public void HealEverything()
    {
        Timeline.Add(new HealNetwork(_safety, Line));
        Timeline.Add(new SetNetworkFaults(_safety, Line, Ratio.Zero, Ratio.Zero, Ratio.Zero, Ratio.Zero));
        foreach (var host in _hosts)
        {
            Timeline.Add(new DiskFault(_safety, Line, host.Node, DiskFaultKind.Healthy, Duration.Zero));
            Timeline.Add(new GpuFault(_safety, Line, host.Node, GpuFaultKind.Recover, 100));
            Timeline.Add(new DriftClock(_safety, Line, host.Node, host.Clock.DriftPpm));
            Timeline.Add(new RestartNode(_safety, Line, host.Node));
        }
    }

    private void Maybe(string kind, System.Action draw)
    {
        if (prng.NextBelow(2) == 0) return;
        Kinds.Add(kind);
        var count = 1 + (int)prng.NextBelow(3);
        for (var i = 0; i < count; i++) draw();
    }

    private Duration AnyTime() => prng.NextDuration(Duration.Zero, _safety - Duration.FromSeconds(1));

    private NodeId AnyNode() => _hosts[(int)prng.NextBelow((ulong)_hosts.Length)].Node;

    private void DrawCrash()
    {
        var at = AnyTime();
        var node = AnyNode();
        Timeline.Add(new CrashNode(at, Line, node, TornWrite: prng.NextBelow(2) == 0));
        Timeline.Add(new RestartNode(prng.NextDuration(at, _safety), Line, node));
    }

    private void DrawPause() => Timeline.Add(new PauseNode(AnyTime(), Line, AnyNode(), PauseSpan()));

    private Duration PauseSpan() => prng.NextDuration(Duration.FromSeconds(1), scenario.Membership.DeadTimeout * 2);

    /// <summary>
    /// A fault aimed at whichever node leads when it strikes (<see cref="LeaderReference"/>): crash and
    /// restart, a pause, cut off, one-way links either way, a flapping link, or a drifting clock.
    /// </summary>
    private void DrawLeaderFault()
    {
        var at = AnyTime();
        var leader = LeaderReference.Node;
        switch (prng.NextBelow(7))
        {
            case 0:
                Timeline.Add(new CrashNode(at, Line, leader, TornWrite: prng.NextBelow(2) == 0));
                Timeline.Add(new RestartNode(prng.NextDuration(at, _safety), Line, leader));
                break;
            case 1: Timeline.Add(new PauseNode(at, Line, leader, PauseSpan())); break;
            case 2: Timeline.Add(new PartitionNodes(at, Line, [leader], [])); break;
            case 3: Timeline.Add(new BlockOneWay(at, Line, [leader], AnyGroup())); break;
            case 4: Timeline.Add(new BlockOneWay(at, Line, AnyGroup(), [leader])); break;
            case 5: Timeline.Add(new FlapLink(at, Line, leader, AnyNode(), FlapPeriod())); break;
            default: Timeline.Add(new DriftClock(at, Line, leader, (int)prng.NextInRange(-500, 501))); break;
        }
    }

    /// <summary>
    /// A node crashes and soon boots again from its disk: a voter with a persisted grant, a former
    /// leader, or (half the time) a node whose disk holds an epoch far above the cluster's.
    /// </summary>
    private void DrawStaleRestart()
    {
        var at = AnyTime();
        var node = AnyNode();
        var epoch = prng.NextBelow(2) == 0 ? 0 : 100 + (long)prng.NextBelow(1_000_000);
        Timeline.Add(new CrashNode(at, Line, node, TornWrite: prng.NextBelow(2) == 0));
        Timeline.Add(new RestartNode(at + prng.NextDuration(Duration.FromMillis(1), Duration.FromSeconds(30)), Line, node, epoch));
    }

    private void DrawPartition() => Timeline.Add(new PartitionNodes(AnyTime(), Line, AnyGroup(), []));

    private void DrawOneWay() => Timeline.Add(new BlockOneWay(AnyTime(), Line, AnyGroup(), AnyGroup()));

    private void DrawFlap()
    {
        var a = AnyNode();
        var b = AnyNode();
        if (a == b) return;
        Timeline.Add(new FlapLink(AnyTime(), Line, a, b, FlapPeriod()));
    }

    private Duration FlapPeriod() => prng.NextDuration(Duration.FromSeconds(5), Duration.FromMinutes(2));

    private void DrawNetworkFaults() => Timeline.Add(new SetNetworkFaults(
        AnyTime(), Line, Basis(500), Basis(500), Basis(1000), Basis(100)));

    /// <summary>
    /// Drift within the drift bound, or a forward step within the election's clock-step bound: the
    /// faults leases are built to survive (beyond them, see scenarios/checks).
    /// </summary>
    private void DrawClockFault()
    {
        var node = AnyNode();
        if (prng.NextBelow(2) == 0)
            Timeline.Add(new DriftClock(AnyTime(), Line, node, (int)prng.NextInRange(-500, 501)));
        else
            Timeline.Add(new StepClock(AnyTime(), Line, node, prng.NextDuration(Duration.Zero, scenario.ElectionTimings.ClockStepMax)));
    }

    private void DrawDiskFault()
    {
        var kind = prng.NextBelow(3) switch { 0 => DiskFaultKind.Slow, 1 => DiskFaultKind.Full, _ => DiskFaultKind.FsyncFails };
        Timeline.Add(new DiskFault(AnyTime(), Line, AnyNode(), kind, prng.NextDuration(Duration.FromMillis(10), Duration.FromSeconds(2))));
    }

    private void DrawGpuFault()
    {
        var kind = (GpuFaultKind)prng.NextBelow(4);
        Timeline.Add(new GpuFault(AnyTime(), Line, AnyNode(), kind, 100 + (int)prng.NextBelow(400)));
    }

    /// <summary>A non-empty minority: at most half the cluster, so a majority always remains.</summary>
    private ImmutableArray<NodeId> AnyGroup()
    {
        var size = 1 + (int)prng.NextBelow((ulong)System.Math.Max(1, _hosts.Length / 2));
        var picked = new SortedSet<NodeId>();
        while (picked.Count < size) picked.Add(AnyNode());
        return [.. picked];
    }

    private Ratio Basis(int maxBasisPoints) => new((int)prng.NextBelow((ulong)maxBasisPoints + 1));
}
