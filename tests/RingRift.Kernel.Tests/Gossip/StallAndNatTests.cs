using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.MembershipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class StallAndNatTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile Nat = Profiles.Gpu("node-nat", natBlocked: true);

    [Fact]
    public void StallThreshold_IsTwoHeartbeatIntervals()
    {
        Assert.Equal(Duration.FromSeconds(20), Configs.Membership.StallThreshold);
        Assert.Equal(Duration.FromSeconds(30), MembershipConfig.Default.StallThreshold);
    }

    [Fact]
    public void ObserveTime_GapOfExactlyTheThreshold_IsNotAStall()
    {
        var rig = new MembershipRig([B]);

        rig.Machine.ObserveTime(At(20));

        Assert.False(rig.Outbox.DrainAll().HasWork);
    }

    [Fact]
    public void ObserveTime_GapBeyondTheThreshold_ReportsTheStall()
    {
        var rig = new MembershipRig([B]);
        rig.Machine.ObserveTime(At(5));

        rig.Machine.ObserveTime(At(25) + Micro);

        Assert.Equal(new LocalStallDetected(Duration.FromSeconds(20) + Micro), Assert.Single(rig.Outbox.DrainAll().Notices));
    }

    [Fact]
    public void ObserveTime_Stall_CreditsPeersWithTheGap()
    {
        var rig = new MembershipRig([B]);
        rig.Machine.ObserveTime(At(5));
        rig.HearFrom(At(5), B);

        // 45 s without a step: B was last heard 45 s ago, but the silence was ours.
        rig.Machine.ObserveTime(At(50));
        var stalled = rig.Tick(At(50));

        Assert.Equal(new LocalStallDetected(Duration.FromSeconds(45)), Assert.Single(stalled.Notices));
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(B.Node));
        Assert.Empty(rig.Tick(At(80) - Micro).Notices.OfType<MemberStateChanged>());
        Assert.Equal(MemberState.Suspect, Assert.Single(rig.Tick(At(80)).Notices.OfType<MemberStateChanged>()).To);
    }

    [Fact]
    public void KernelNode_SteppedAfterALongGap_ReportsStallAndSuspectsNobody()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        rig.RunUntil(At(25));

        var resumed = rig.Wake(At(300));

        Assert.Contains(resumed.Notices, n => n is LocalStallDetected);
        Assert.DoesNotContain(resumed.Notices, n => n is MemberStateChanged);
        Assert.All(resumed.Status.Members, m => Assert.Equal(MemberState.Alive, m.State));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void CanHearDirectly_OnlyNatToNatIsImpossible(bool selfNat, bool peerNat, bool expected)
    {
        Assert.Equal(expected, HeartbeatMembershipMachine.CanHearDirectly(
            Profiles.Gpu("node-a", natBlocked: selfNat), Profiles.Gpu("node-b", natBlocked: peerNat)));
    }

    [Fact]
    public void NatBlockedSelf_OtherNatBlockedPeers_AreLeftOutOfTheTable()
    {
        var rig = new MembershipRig([B, Nat], self: Profiles.Gpu("node-a", natBlocked: true));

        Assert.Equal<MemberView>([new MemberView(B.Node, MemberState.Alive, 0)], rig.Machine.Snapshot());
        Assert.Null(rig.Machine.StateOf(Nat.Node));
        Assert.DoesNotContain(rig.RunUntil(At(500)).SelectMany(s => s.Ready.Notices), n => n is MemberStateChanged { Peer.Value: "node-nat" });
    }

    [Fact]
    public void DialableSelf_NatBlockedPeers_StayInTheTable()
    {
        var rig = new MembershipRig([B, Nat]);

        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(Nat.Node));
        Assert.Equal(2, rig.Machine.PeerCount);
    }

    [Fact]
    public void Heartbeat_AndAck_StateTheSendersIncarnation()
    {
        ICarriesIncarnation beat = new Heartbeat(7, 1, B, NodeLoad.Idle, false);
        ICarriesIncarnation ack = new HeartbeatAck(8, 1, B, NodeLoad.Idle);

        Assert.Equal((7L, 8L), (beat.Incarnation, ack.Incarnation));
    }
}
