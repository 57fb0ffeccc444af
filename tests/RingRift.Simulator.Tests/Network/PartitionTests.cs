using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Network;

/// <summary>
/// Partitions, one-way blocks and heals as whole runs see them: which node pairs still exchange
/// heartbeats. A message already in flight when a link is cut still arrives, so deliveries are judged
/// from one maximum same-provider latency (120 ms) after the cut.
/// </summary>
public sealed class PartitionTests
{
    private static readonly long CutAt = Duration.FromSeconds(30).Micros;
    private static readonly long InFlightMax = Duration.FromMillis(120).Micros;

    /// <summary>After a partition, nothing crosses the cut either way, and every pair on one side still talks.</summary>
    [Property]
    public Property Partition_BlocksBothDirections() =>
        Prop.ForAll(Arb.From(Layouts(sides: 2)), Arb.From(Gen.Choose(1, 1_000_000)), (side, seed) =>
        {
            var group = NodesOn(side, 0);
            var run = SimRun.Of(Cluster(side.Length, Duration.FromSeconds(120))
                .At(new PartitionNodes(Duration.FromSeconds(30), 1, group, default)).Build(), (ulong)seed);

            return Talked(run, after: CutAt + InFlightMax).SetEquals(Pairs(side, (a, b) => a == b));
        });

    /// <summary>With an explicit other side, only links between the two named groups are cut.</summary>
    [Property]
    public Property Partition_WithOtherGroup_CutsOnlyBetweenTheTwoGroups() =>
        Prop.ForAll(Arb.From(Layouts(sides: 3)), Arb.From(Gen.Choose(1, 1_000_000)), (side, seed) =>
        {
            var run = SimRun.Of(Cluster(side.Length, Duration.FromSeconds(120))
                .At(new PartitionNodes(Duration.FromSeconds(30), 1, NodesOn(side, 0), NodesOn(side, 1))).Build(), (ulong)seed);

            return Talked(run, after: CutAt + InFlightMax).SetEquals(Pairs(side, (a, b) => a + b != 1));
        });

    /// <summary>A one-way block silences only the blocked direction: the reverse and every other pair still talk.</summary>
    [Property]
    public Property OneWay_BlocksOneDirectionOnly() =>
        Prop.ForAll(Arb.From(Layouts(sides: 3)), Arb.From(Gen.Choose(1, 1_000_000)), (side, seed) =>
        {
            var run = SimRun.Of(Cluster(side.Length, Duration.FromSeconds(120))
                .At(new BlockOneWay(Duration.FromSeconds(30), 1, NodesOn(side, 0), NodesOn(side, 1))).Build(), (ulong)seed);

            return Talked(run, after: CutAt + InFlightMax).SetEquals(Pairs(side, (from, to) => !(from == 0 && to == 1)));
        });

    /// <summary>A heal lifts every cut at once: afterwards every ordered pair talks again.</summary>
    [Property]
    public Property Heal_RestoresEveryLink() =>
        Prop.ForAll(Arb.From(Layouts(sides: 3)), Arb.From(Gen.Choose(1, 1_000_000)), (side, seed) =>
        {
            var run = SimRun.Of(Cluster(side.Length, Duration.FromSeconds(90))
                .At(new PartitionNodes(Duration.FromSeconds(20), 1, NodesOn(side, 0), default))
                .At(new BlockOneWay(Duration.FromSeconds(25), 2, NodesOn(side, 1), NodesOn(side, 2)))
                .At(new HealNetwork(Duration.FromSeconds(60), 3)).Build(), (ulong)seed);

            return Talked(run, after: Duration.FromSeconds(60).Micros).SetEquals(Pairs(side, (_, _) => true))
                && run.Report.Violations.IsEmpty;
        });

    [Fact]
    public void Flap_UpPhasesDuringAPartition_KeepThePartitionedLinkCut()
    {
        var scenario = Cluster(3, Duration.FromMinutes(4))
            .At(new PartitionNodes(Duration.FromSeconds(30), 1, [Nodes.Gpu(1)], default))
            .At(new FlapLink(Duration.FromSeconds(40), 2, Nodes.Gpu(1), Nodes.Gpu(2), Duration.FromSeconds(20)))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Equal(5, run.LinesWith("flap lambda-gpu-01<->lambda-gpu-02 down=False").Count);
        Assert.Equal(Pairs([0, 1, 1], (a, b) => a == b), Talked(run, after: CutAt + InFlightMax));
    }

    [Fact]
    public void Run_MinorityPartitionedThenHealed_BothSidesSeeEachOtherDeadThenAlive()
    {
        var builder = Cluster(5, Duration.FromMinutes(10))
            .At(new PartitionNodes(Duration.FromSeconds(60), 1, [Nodes.Gpu(4), Nodes.Gpu(5)], default))
            .At(new HealNetwork(Duration.FromSeconds(400), 2));
        foreach (var majority in new[] { 1, 2, 3 })
            foreach (var minority in new[] { 4, 5 })
                builder
                    .Expect(Views.At(250, Nodes.Gpu(majority), Nodes.Gpu(minority), MemberState.Dead))
                    .Expect(Views.At(250, Nodes.Gpu(minority), Nodes.Gpu(majority), MemberState.Dead));
        builder
            .Expect(Views.At(250, Nodes.Gpu(1), Nodes.Gpu(2), MemberState.Alive))
            .Expect(Views.At(250, Nodes.Gpu(4), Nodes.Gpu(5), MemberState.Alive));
        for (var i = 1; i <= 5; i++) builder.Expect(Views.At(600, null, Nodes.Gpu(i), MemberState.Alive));

        var report = SimRun.Of(builder.Build()).Report;

        Assert.Empty(report.ExpectationFailures);
        Assert.True(report.Passed);
        Assert.True(report.MessagesDropped > 0);
    }

    [Fact]
    public void Run_OneWayBlock_OnlyTheReceiverSuspectsTheSender()
    {
        NodeId n1 = Nodes.Gpu(1), n2 = Nodes.Gpu(2), n3 = Nodes.Gpu(3);
        var scenario = Cluster(3, Duration.FromMinutes(6))
            .At(new BlockOneWay(Duration.FromSeconds(60), 1, [n3], [n1]))
            .At(new HealNetwork(Duration.FromSeconds(250), 2))
            .Expect(Views.At(200, n1, n3, MemberState.Suspect))
            .Expect(Views.At(200, n1, n2, MemberState.Alive))
            .Expect(Views.At(200, n3, n1, MemberState.Alive))
            .Expect(Views.At(200, n2, n1, MemberState.Alive))
            .Expect(Views.At(200, n2, n3, MemberState.Alive))
            .Expect(Views.At(300, n1, n3, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.ExpectationFailures);
        run.AssertPassed();
        Assert.Equal(3, run.Report.MemberStateChanges);
        var changes = run.LinesWith("member_state_changed").ConvertAll(line => line[(line.IndexOf(' ', System.StringComparison.Ordinal) + 1)..]);
        Assert.Equal(
            [
                $"{n1} member_state_changed peer={n3} from=Alive to=Suspect",
                $"{n1} member_state_changed peer={n3} from=Suspect to=Dead",
                $"{n1} member_state_changed peer={n3} from=Dead to=Alive",
            ],
            changes);
    }

    private static ScenarioBuilder Cluster(int nodes, Duration runFor) => new ScenarioBuilder().WithHosts(nodes).For(runFor);

    /// <summary>Clusters of 3 to 6 nodes, each node placed on one of <paramref name="sides"/> sides, the first two sides never empty.</summary>
    private static Gen<int[]> Layouts(int sides) =>
        Gen.Choose(3, 6)
            .SelectMany(n => Gen.ArrayOf(Gen.Choose(0, sides - 1), n))
            .Where(side => side.Contains(0) && side.Contains(1));

    private static ImmutableArray<NodeId> NodesOn(int[] side, int which) =>
        [.. Enumerable.Range(0, side.Length).Where(i => side[i] == which).Select(i => Nodes.Gpu(i + 1))];

    /// <summary>The ordered (receiver, sender) pairs of distinct nodes for which <paramref name="open"/>(sender's side, receiver's side) holds.</summary>
    private static HashSet<(string To, string From)> Pairs(int[] side, System.Func<int, int, bool> open)
    {
        var pairs = new HashSet<(string, string)>();
        for (var from = 0; from < side.Length; from++)
            for (var to = 0; to < side.Length; to++)
                if (from != to && open(side[from], side[to])) pairs.Add((Nodes.Gpu(to + 1).Value, Nodes.Gpu(from + 1).Value));
        return pairs;
    }

    private static HashSet<(string To, string From)> Talked(SimRun run, long after)
    {
        var pairs = new HashSet<(string, string)>();
        // A node's messages to itself (a voter answering its own candidacy) go through loopback, not a link.
        foreach (var (time, to, from) in run.AllDeliveries())
            if (time > after && to != from) pairs.Add((to, from));
        return pairs;
    }
}
