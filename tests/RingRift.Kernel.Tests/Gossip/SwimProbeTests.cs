using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimProbeTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b"), C = Profiles.Gpu("node-c"), D = Profiles.Gpu("node-d"), E = Profiles.Gpu("node-e");

    /// <summary>Drives <paramref name="count"/> periods, acking every probe at once; returns each probe's time and target.</summary>
    private static List<(Instant At, string To)> Probes(SwimRig rig, int count)
    {
        var probes = new List<(Instant, string)>();
        for (var i = 0; i < count; i++)
        {
            var (at, to, ping) = rig.NextPing(At(10_000));
            probes.Add((at, to.Value));
            rig.Deliver(at, to, new SwimAck(Inc(), ping.Sequence, []));
        }
        return probes;
    }

    [Fact]
    public void ProbeOrder_FixedSeed_IsTheSeededShuffleReshuffledEachRound()
    {
        var rig = new SwimRig([B, C, D, E]);

        var targets = Probes(rig, 12).Select(p => p.To).ToArray();

        Assert.Equal(
            ["node-b", "node-e", "node-d", "node-c", "node-e", "node-b", "node-d", "node-c", "node-d", "node-c", "node-b", "node-e"],
            targets);
    }

    [Fact]
    public void ProbeOrder_AnySeed_ProbesEveryMemberOncePerRound()
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var rig = new SwimRig([B, C, D, E], seed: seed);

            var targets = Probes(rig, 12).Select(p => p.To).ToArray();

            for (var round = 0; round < 3; round++)
                Assert.Equal(["node-b", "node-c", "node-d", "node-e"], targets.Skip(round * 4).Take(4).Order());
        }
    }

    [Fact]
    public void Periods_FirstWithinOnePeriodOfStart_ThenExactlyOnePeriodApart()
    {
        var rig = new SwimRig([B, C, D, E]);

        var times = Probes(rig, 5).Select(p => p.At).ToArray();

        Assert.InRange(times[0].Micros, 0, (At(10) - Micro).Micros);
        for (var i = 1; i < times.Length; i++) Assert.Equal(Config.Period, times[i] - times[i - 1]);
    }

    [Fact]
    public void Probe_EachPing_CarriesTheSenderIncarnationAndAFreshSequence()
    {
        var rig = new SwimRig([B, C], boot: 4);

        var first = rig.NextPing(At(100));
        rig.Deliver(first.At, first.To, new SwimAck(Inc(), first.Ping.Sequence, []));
        var second = rig.NextPing(At(100));

        Assert.Equal(new SwimIncarnation(4, 0), first.Ping.Sender);
        Assert.Equal(4, first.Ping.Incarnation);
        Assert.Equal(first.Ping.Sequence + 1, second.Ping.Sequence);
    }

    [Fact]
    public void NotDurable_SendsNoProbeAndAnswersNoPing_UntilTheBootPersistCompletes()
    {
        var rig = new SwimRig([B, C], durable: false);

        var silent = rig.RunUntil(At(60)).SelectMany(s => s.Ready.Messages);
        var unanswered = rig.Deliver(At(61), B.Node, new SwimPing(Inc(), 5, []));
        rig.MakeDurable();
        var (at, _, _) = rig.NextPing(At(200));

        Assert.Empty(silent);
        Assert.Empty(unanswered.Messages);
        Assert.InRange(at.Micros, At(61).Micros, At(71).Micros);
    }

    [Fact]
    public void Ping_FromAMember_IsAnsweredByAnAckWithItsSequence_AsAResponse()
    {
        var rig = new SwimRig([B, C]);

        var ready = rig.Deliver(At(1), B.Node, new SwimPing(Inc(), 42, []));

        var (to, ack) = Assert.Single(Sent<SwimAck>(ready));
        Assert.Equal(B.Node, to);
        Assert.Equal(42, ack.Sequence);
        Assert.Equal(Inc(), ack.Sender);
        Assert.True(Assert.Single(ready.Messages).IsResponse);
    }

    [Fact]
    public void Ping_FromANodeOutsideTheCluster_IsIgnored()
    {
        var rig = new SwimRig([B, C]);

        var ready = rig.Deliver(At(1), new NodeId("stranger"), new SwimPing(Inc(), 1, []));

        Assert.Empty(ready.Messages);
        Assert.Null(rig.Machine.StateOf(new NodeId("stranger")));
    }

    [Fact]
    public void DeadOrRetiredMember_IsSkippedByTheRoundRobin_AndPingedOnlyByTheDeadProbe()
    {
        var rig = new SwimRig([B, C, D, E]);
        rig.Deliver(At(1), B.Node, new SwimAck(Inc(), 999, [SwimUpdate.Dead(C.Node, Inc())]));

        var steps = rig.RunUntil(At(100));
        var pingsToC = steps.SelectMany(s => Sent<SwimPing>(s.Ready).Where(p => p.To == C.Node).Select(_ => s.At)).ToList();

        // Dead at 1 s, Retired 60 s later; the dead probe runs every 20 s from the start and C is its only target.
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(C.Node));
        Assert.Equal([At(20), At(40), At(60), At(80), At(100)], pingsToC);
        Assert.All(steps.SelectMany(s => Sent<SwimPing>(s.Ready)).Where(p => p.To == C.Node),
            p => Assert.Equal(SwimUpdate.Dead(C.Node, Inc()), p.Message.Updates[0]));
    }
}
