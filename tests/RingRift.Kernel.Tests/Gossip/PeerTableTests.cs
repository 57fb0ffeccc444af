using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.MembershipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class PeerTableTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile C = Profiles.Gpu("node-c");
    private static readonly NodeProfile Stranger = Profiles.Gpu("node-bb");

    [Fact]
    public void Construction_ConfiguredPeers_AreAliveInIdOrderWithoutSelf()
    {
        var rig = new MembershipRig([C, Profiles.Gpu("node-a"), B]);

        Assert.Equal<MemberView>(
            [new MemberView(B.Node, MemberState.Alive, 0), new MemberView(C.Node, MemberState.Alive, 0)],
            rig.Machine.Snapshot());
        Assert.Equal(2, rig.Machine.PeerCount);
        Assert.Null(rig.Machine.StateOf(rig.Self.Node));
    }

    [Fact]
    public void Heartbeat_ProfileNamingAnotherNode_IsIgnored()
    {
        var rig = new MembershipRig([B, C]);

        // B claims to be C: neither is refreshed, so both are suspected on the original schedule.
        var ready = rig.Deliver(At(20), B.Node, new Heartbeat(1, 1, C, NodeLoad.Idle, WantsAck: true));

        Assert.Empty(ready.Notices);
        Assert.DoesNotContain(ready.Messages, m => m.IsResponse);
        Assert.Equal<MemberView>(
            [new MemberView(B.Node, MemberState.Alive, 0), new MemberView(C.Node, MemberState.Alive, 0)],
            rig.Machine.Snapshot());
        Assert.Equal(2, rig.Tick(At(30)).Notices.Count);
    }

    [Fact]
    public void Ack_ProfileNamingAnotherNode_IsIgnored()
    {
        var rig = new MembershipRig([B, C]);

        rig.Deliver(At(20), B.Node, new HeartbeatAck(1, 1, C, NodeLoad.Idle));

        Assert.Equal(2, rig.Tick(At(30)).Notices.Count);
    }

    [Fact]
    public void Heartbeat_FromUnknownNodeNamingAnother_DiscoversNothing()
    {
        var rig = new MembershipRig([B]);

        var ready = rig.Deliver(At(1), Stranger.Node, new Heartbeat(1, 1, Profiles.Gpu("node-zz"), NodeLoad.Idle, false));

        Assert.Empty(ready.Notices);
        Assert.Equal(1, rig.Machine.PeerCount);
    }

    [Fact]
    public void Heartbeat_ClaimingToBeSelf_IsIgnored()
    {
        var rig = new MembershipRig([B]);

        var ready = rig.Deliver(At(1), rig.Self.Node, new Heartbeat(1, 1, rig.Self, NodeLoad.Idle, WantsAck: true));

        Assert.False(ready.HasWork);
        Assert.Null(rig.Machine.StateOf(rig.Self.Node));
        Assert.Equal(1, rig.Machine.PeerCount);
    }

    [Fact]
    public void UnknownNode_Heartbeat_IsDiscoveredAlive()
    {
        var rig = new MembershipRig([B, C]);
        var version = rig.Machine.Version;

        var ready = rig.HearFrom(At(1), Stranger);

        Assert.Equal(new PeerDiscovered(Stranger.Node), Assert.Single(ready.Notices));
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(Stranger.Node));
        Assert.Equal(3, rig.Machine.PeerCount);
        Assert.Equal(3, rig.Machine.AlivePeerCount);
        Assert.True(rig.Machine.Version > version);
        Assert.Equal<MemberView>(
            [
                new MemberView(B.Node, MemberState.Alive, 0),
                new MemberView(Stranger.Node, MemberState.Alive, 1),
                new MemberView(C.Node, MemberState.Alive, 0),
            ],
            rig.Machine.Snapshot());
    }

    [Fact]
    public void DiscoveredPeer_IsIncludedInHeartbeatRoundsInIdOrder()
    {
        var rig = new MembershipRig([B, C]);
        rig.HearFrom(At(1), Stranger);

        Assert.Equal([B.Node, Stranger.Node, C.Node], Recipients(rig.Tick(At(3))));
    }

    [Fact]
    public void DiscoveredNatBlockedPeer_IsAnsweredButNeverDialled()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var rig = new MembershipRig([B]);

        var ready = rig.HearFrom(At(1), nat, wantsAck: true);

        Assert.Equal(nat.Node, Assert.Single(ready.Messages).To);
        Assert.DoesNotContain(nat.Node, Recipients(rig.Tick(At(3))));
    }

    [Fact]
    public void DiscoveredPeer_AfterEveryOtherPeerRetired_IsStillSuspectedOnTime()
    {
        var rig = new MembershipRig([B]);
        rig.RunUntil(At(150));
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(B.Node));

        rig.HearFrom(At(151), Stranger);
        var changes = rig.RunUntil(At(400))
            .SelectMany(s => NoticesOf<MemberStateChanged>(s.Ready).Select(n => (s.At, n.Peer, n.To)))
            .ToArray();

        Assert.Equal(
            [
                (At(181), Stranger.Node, MemberState.Suspect),
                (At(211), Stranger.Node, MemberState.Dead),
                (At(251), Stranger.Node, MemberState.Retired),
            ],
            changes);
    }

    [Fact]
    public void DiscoveredPeer_WithNoConfiguredPeers_IsStillSuspectedOnTime()
    {
        var rig = new MembershipRig([]);
        rig.RunUntil(At(40));

        rig.HearFrom(At(41), Stranger);

        Assert.Empty(rig.Tick(At(71) - Micro).Notices);
        Assert.Equal(
            new MemberStateChanged(Stranger.Node, MemberState.Alive, MemberState.Suspect),
            Assert.Single(rig.RunUntil(At(71)).SelectMany(s => s.Ready.Notices)));
    }

    [Fact]
    public void UnknownNode_TableFull_IsIgnored()
    {
        var config = Configs.Membership with { PeerTableMax = 3 };
        var rig = new MembershipRig([B, C], config: config);
        rig.HearFrom(At(1), Stranger);

        var ready = rig.HearFrom(At(2), Profiles.Gpu("node-zz"), wantsAck: true);

        Assert.False(ready.HasWork);
        Assert.Null(rig.Machine.StateOf(new NodeId("node-zz")));
        Assert.Equal(3, rig.Machine.PeerCount);
    }

    [Fact]
    public void KnownPeer_TableFull_IsStillHeard()
    {
        var config = Configs.Membership with { PeerTableMax = 2 };
        var rig = new MembershipRig([B, C], config: config);

        var ready = rig.Deliver(At(2), B.Node, new Heartbeat(5, 1, B, NodeLoad.Idle, false));

        Assert.Empty(ready.Notices);
        Assert.Equal(new MemberView(B.Node, MemberState.Alive, 5), rig.Machine.Snapshot()[0]);
    }

    [Fact]
    public void Construction_MorePeersThanTable_ViolatesInvariant()
    {
        var config = Configs.Membership with { PeerTableMax = 1 };

        Assert.Throws<InvariantViolationException>(() => new MembershipRig([B, C], config: config));
    }

    [Fact]
    public void Heartbeat_ProfileChange_IsAdopted()
    {
        var rig = new MembershipRig([B]);
        var natB = B with { NatBlocked = true };

        rig.Deliver(At(1), B.Node, new Heartbeat(1, 1, natB, NodeLoad.Idle, false));

        Assert.Empty(rig.Tick(At(3)).Messages);
    }
}
