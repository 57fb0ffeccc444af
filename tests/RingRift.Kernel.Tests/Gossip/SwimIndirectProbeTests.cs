using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimIndirectProbeTests
{
    private static readonly NodeProfile[] Peers = [.. Profiles.Cluster("node-b", "node-c", "node-d", "node-e", "node-f")];

    /// <summary>A rig whose first probe is out, unanswered: when it went, to whom, with what sequence.</summary>
    private static (SwimRig Rig, Instant At, NodeId Target, long Sequence) FirstProbe()
    {
        var rig = new SwimRig(Peers);
        var (at, to, ping) = rig.NextPing(At(100));
        return (rig, at, to, ping.Sequence);
    }

    [Fact]
    public void DirectProbe_UnansweredForTheProbeTimeout_AsksThreeOtherMembersWithTheSameSequence()
    {
        var (rig, at, target, sequence) = FirstProbe();

        Assert.Empty(rig.Tick(at + Config.ProbeTimeout - Micro).Messages);
        var requests = Sent<SwimPingReq>(rig.Tick(at + Config.ProbeTimeout)).ToList();

        Assert.Equal(3, requests.Count);
        Assert.Equal(3, requests.Select(r => r.To).Distinct().Count());
        Assert.DoesNotContain(target, requests.Select(r => r.To));
        Assert.All(requests, r => Assert.Equal((target, sequence, Inc()), (r.Message.Target, r.Message.Sequence, r.Message.Sender)));
    }

    [Fact]
    public void IndirectAck_BeforeThePeriodEnds_ClosesTheProbeWithoutSuspicion()
    {
        var (rig, at, target, sequence) = FirstProbe();
        var intermediary = Sent<SwimPingReq>(rig.Tick(at + Config.ProbeTimeout)).First().To;

        rig.Deliver(at + Duration.FromSeconds(7), intermediary, new SwimAck(Inc(), sequence, []));
        var changes = Changes(rig.RunUntil(at + Config.Period * 3));

        Assert.DoesNotContain(changes, c => c.Change.Peer == target);
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(target));
    }

    [Fact]
    public void DirectAck_ArrivingAfterTheProbeTimeout_StillCountsWhileThePeriodLasts()
    {
        var (rig, at, target, sequence) = FirstProbe();
        rig.Tick(at + Config.ProbeTimeout);

        rig.Deliver(at + Config.Period - Micro, target, new SwimAck(Inc(), sequence, []));
        var changes = Changes(rig.RunUntil(at + Config.Period * 3));

        Assert.DoesNotContain(changes, c => c.Change.Peer == target);
    }

    [Fact]
    public void AckWithAnotherSequence_DoesNotCloseTheProbe()
    {
        var (rig, at, target, sequence) = FirstProbe();

        rig.Deliver(at + Duration.FromSeconds(1), target, new SwimAck(Inc(), sequence + 100, []));
        var changes = Changes(rig.RunUntil(at + Config.Period));

        Assert.Equal([(at + Config.Period, new MemberStateChanged(target, MemberState.Alive, MemberState.Suspect))], changes);
    }

    [Fact]
    public void Intermediary_PingsTheTargetAndRelaysItsAckToTheRequester_AsAResponse()
    {
        var rig = new SwimRig(Peers);
        var c = new NodeId("node-c");

        var relayed = Assert.Single(Sent<SwimPing>(rig.Deliver(At(1), new NodeId("node-b"), new SwimPingReq(Inc(), 77, c, []))));
        var answer = rig.Deliver(At(2), c, new SwimAck(Inc(), relayed.Message.Sequence, []));

        Assert.Equal(c, relayed.To);
        var ack = Assert.Single(answer.Messages);
        Assert.Equal((new NodeId("node-b"), true), (ack.To, ack.IsResponse));
        Assert.Equal(77, Assert.IsType<SwimAck>(ack.Message).Sequence);
    }

    [Fact]
    public void Intermediary_TargetSilent_NacksAfterHalfTheIndirectWindow_AndStillRelaysALateAck()
    {
        var rig = new SwimRig(Peers);
        var (b, c) = (new NodeId("node-b"), new NodeId("node-c"));
        var relayed = Sent<SwimPing>(rig.Deliver(At(1), b, new SwimPingReq(Inc(), 77, c, []))).Single().Message;

        Assert.Empty(rig.Tick(At(4) - Micro).Messages);
        var nack = Assert.Single(rig.Tick(At(4)).Messages);
        var late = rig.Deliver(At(6), c, new SwimAck(Inc(), relayed.Sequence, []));
        var tooLate = rig.Deliver(At(7), c, new SwimAck(Inc(), relayed.Sequence, []));

        Assert.Equal(Duration.FromSeconds(3), Config.NackAfter);
        Assert.Equal((b, true, new SwimNack(Inc(), 77)), (nack.To, nack.IsResponse, nack.Message));
        Assert.Equal(77, Assert.IsType<SwimAck>(Assert.Single(late.Messages).Message).Sequence);
        Assert.Empty(tooLate.Messages);
    }

    [Fact]
    public void Intermediary_PingRequestsForNatOrUnknownTargets_AreNotServed()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var rig = new SwimRig([.. Peers, nat]);
        var b = new NodeId("node-b");

        var forNat = rig.Deliver(At(1), b, new SwimPingReq(Inc(), 1, nat.Node, []));
        var forStranger = rig.Deliver(At(1), b, new SwimPingReq(Inc(), 2, new NodeId("stranger"), []));

        Assert.Empty(forNat.Messages);
        Assert.Empty(forStranger.Messages);
    }

    [Fact]
    public void Intermediary_RelaysAtMostRelaysMaxAtOnce()
    {
        var rig = new SwimRig(Peers);
        var b = new NodeId("node-b");

        var pings = 0;
        for (var i = 0; i < SwimMembershipMachine.RelaysMax + 10; i++)
            pings += Sent<SwimPing>(rig.Deliver(At(1), b, new SwimPingReq(Inc(), i, new NodeId("node-c"), []))).Count();

        Assert.Equal(SwimMembershipMachine.RelaysMax, pings);
    }

    [Fact]
    public void Nack_IsCountedOnlyForTheOpenProbe()
    {
        var (rig, at, _, sequence) = FirstProbe();
        var asked = Sent<SwimPingReq>(rig.Tick(at + Config.ProbeTimeout)).Select(r => r.To).ToList();

        foreach (var intermediary in asked) rig.Deliver(at + Duration.FromSeconds(8), intermediary, new SwimNack(Inc(), sequence));
        rig.Tick(at + Config.Period);

        // Every intermediary answered: the network around this node works, so its own health is not blamed.
        Assert.Equal(0, rig.Machine.HealthScore);
    }
}
