using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimLifeguardTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b"), C = Profiles.Gpu("node-c"), D = Profiles.Gpu("node-d"), E = Profiles.Gpu("node-e");

    /// <summary>
    /// Lets the first probe fail with no nack: health rises by the three missing nacks. Returns when that
    /// probe went out, and the second probe, which the same step sent.
    /// </summary>
    private static (Instant First, NodeId To, SwimPing Ping) FailFirstProbe(SwimRig rig)
    {
        var (at, _, _) = rig.NextPing(At(100));
        rig.RunUntil(at + Config.Period - Micro);
        Assert.Equal(0, rig.Machine.HealthScore);
        var ready = rig.Tick(at + Config.Period);
        Assert.Equal(new LocalHealthChanged(3), Assert.Single(NoticesOf<LocalHealthChanged>(ready)));
        var (to, ping) = Assert.Single(Sent<SwimPing>(ready));
        return (at, to, ping);
    }

    [Fact]
    public void FailedProbe_WithoutNacks_RaisesHealthByTheMissingNacks_AndStretchesPeriodAndProbeTimeout()
    {
        var rig = new SwimRig([B, C, D, E]);
        var second = FailFirstProbe(rig).First + Config.Period;

        var requests = rig.RunUntil(second + Duration.FromSeconds(16)).Where(s => Sent<SwimPingReq>(s.Ready).Any()).Select(s => s.At);
        var (period, stall) = (rig.Machine.CurrentPeriod, rig.Machine.StallThreshold);
        var third = rig.NextPing(At(1000)).At;

        // Multiplier 4: the probe timeout is 16 s and the period 40 s.
        Assert.Equal([second + Duration.FromSeconds(16)], requests);
        Assert.Equal(second + Duration.FromSeconds(40), third);
        Assert.Equal((Duration.FromSeconds(40), Duration.FromSeconds(80)), (period, stall));
    }

    [Fact]
    public void FailedProbe_OneNackMissing_RaisesHealthByOne()
    {
        var rig = new SwimRig([B, C, D, E]);
        var (at, _, ping) = rig.NextPing(At(100));
        var asked = Sent<SwimPingReq>(rig.Tick(at + Config.ProbeTimeout)).Select(r => r.To).ToList();

        foreach (var intermediary in asked.Skip(1)) rig.Deliver(at + Duration.FromSeconds(7), intermediary, new SwimNack(Inc(), ping.Sequence));
        rig.Tick(at + Config.Period);

        Assert.Equal(1, rig.Machine.HealthScore);
    }

    [Fact]
    public void FailedProbe_NobodyToAsk_RaisesHealthByOne()
    {
        var rig = new SwimRig([B]);
        var (at, _, _) = rig.NextPing(At(100));

        rig.RunUntil(at + Config.Period);

        Assert.Equal(1, rig.Machine.HealthScore);
    }

    [Fact]
    public void SuccessfulProbe_LowersHealthByOne()
    {
        var rig = new SwimRig([B, C, D, E]);
        var (first, to, ping) = FailFirstProbe(rig);

        var ready = rig.Deliver(first + Config.Period, to, new SwimAck(Inc(), ping.Sequence, []));

        Assert.Equal(new LocalHealthChanged(2), Assert.Single(NoticesOf<LocalHealthChanged>(ready)));
    }

    [Fact]
    public void Health_NeverExceedsTheAwarenessCeiling()
    {
        var rig = new SwimRig([B, C, D, E]);

        rig.RunUntil(At(3000));

        Assert.Equal(Config.AwarenessMax - 1, rig.Machine.HealthScore);
        Assert.Equal(Config.Period * Config.AwarenessMax, rig.Machine.CurrentPeriod);
    }

    [Fact]
    public void BeingAccused_RaisesHealth()
    {
        var rig = new SwimRig([B, C, D, E]);

        rig.Deliver(At(1), B.Node, new SwimAck(Inc(), 1, [SwimUpdate.Suspect(new NodeId("node-a"), Inc(), C.Node)]));

        Assert.Equal(1, rig.Machine.HealthScore);
    }

    [Fact]
    public void SuspicionStartedWhileUnhealthy_IsStretchedByTheMultiplier()
    {
        var rig = new SwimRig([B, C, D, E]);
        var accusedAt = FailFirstProbe(rig).First + Config.Period + Micro;

        rig.Deliver(accusedAt, B.Node, new SwimAck(Inc(), 9001, [SwimUpdate.Suspect(C.Node, Inc(), B.Node)]));
        rig.Deliver(accusedAt, D.Node, new SwimAck(Inc(), 9002, [SwimUpdate.Suspect(C.Node, Inc(), D.Node)]));
        rig.Deliver(accusedAt, E.Node, new SwimAck(Inc(), 9003, [SwimUpdate.Suspect(C.Node, Inc(), E.Node)]));
        var dead = Changes(rig.RunAcking(At(2000))).Where(c => c.Change.Peer == C.Node && c.Change.To == MemberState.Dead).Select(c => c.At);

        // Fully confirmed: the shortest suspicion, 40 s, times the multiplier 4 the failed probe left.
        Assert.Equal([accusedAt + Config.SuspicionMin(5) * 4], dead);
    }

    [Fact]
    public void Stall_DropsTheOpenProbeWithoutAVerdict_CreditsSuspicions_AndCountsAgainstHealth()
    {
        var rig = new SwimRig([B, C, D, E]);
        rig.Deliver(At(1), B.Node, new SwimAck(Inc(), 9001, [SwimUpdate.Suspect(C.Node, Inc(), B.Node)]));
        rig.Deliver(At(1), D.Node, new SwimAck(Inc(), 9002, [SwimUpdate.Suspect(C.Node, Inc(), D.Node)]));
        rig.Deliver(At(1), E.Node, new SwimAck(Inc(), 9003, [SwimUpdate.Suspect(C.Node, Inc(), E.Node)]));
        var (at, target, _) = rig.NextPing(At(100));
        var resumed = at + Duration.FromSeconds(100);

        var ready = rig.Tick(resumed);
        var dead = Changes(rig.RunAcking(At(1000))).Where(c => c.Change.To == MemberState.Dead).Select(c => c.At);

        Assert.Equal(new LocalStallDetected(resumed - at), Assert.Single(NoticesOf<LocalStallDetected>(ready)));
        Assert.DoesNotContain(NoticesOf<MemberStateChanged>(ready), n => n.Peer == target);
        Assert.Equal(new LocalHealthChanged(1), Assert.Single(NoticesOf<LocalHealthChanged>(ready)));
        Assert.Equal([At(1) + Config.SuspicionMin(5) + (resumed - at)], dead);
    }
}
