using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimNatTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b"), C = Profiles.Gpu("node-c"), D = Profiles.Gpu("node-d");
    private static readonly NodeProfile Nat = Profiles.Gpu("node-nat", natBlocked: true);
    private static readonly NodeProfile OtherNat = Profiles.Gpu("node-nat2", natBlocked: true);

    [Fact]
    public void NatMember_IsNeverProbed_NorAskedToRelay_EvenWhenEveryProbeFails()
    {
        var rig = new SwimRig([B, C, D, Nat]);

        var sent = rig.RunUntil(At(600)).SelectMany(s => s.Ready.Messages).ToList();

        Assert.Contains(sent, m => m.Message is SwimPingReq);
        Assert.DoesNotContain(sent, m => m.To == Nat.Node);
        Assert.All(sent.Select(m => m.Message).OfType<SwimPingReq>(), r => Assert.NotEqual(Nat.Node, r.Target));
    }

    [Fact]
    public void NatMember_BeatingEveryPeriod_IsNeverSuspected_SilentForNatSilence_IsSuspected()
    {
        var rig = new SwimRig([B, C, D, Nat]);
        for (var t = 10; t <= 300; t += 10)
        {
            rig.RunAcking(At(t) - Micro);
            rig.Deliver(At(t), Nat.Node, new SwimPing(Inc(), t, []));
        }

        var changes = Changes(rig.RunAcking(At(1000)));

        Assert.Equal((At(300) + Config.NatSilence, new MemberStateChanged(Nat.Node, MemberState.Alive, MemberState.Suspect)), changes[0]);
    }

    [Fact]
    public void NatMember_BeatRelayedByGossip_KeepsItAlive_AndIsGossipedOn()
    {
        var rig = new SwimRig([B, C, D, Nat]);
        for (var t = 10; t <= 300; t += 10)
        {
            rig.RunAcking(At(t) - Micro);
            rig.Deliver(At(t), B.Node, new SwimAck(Inc(), 9000 + t, [SwimUpdate.Heartbeat(Nat.Node, Inc(), t)]));
        }

        var next = rig.NextPing(At(400));

        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(Nat.Node));
        Assert.Contains(SwimUpdate.Heartbeat(Nat.Node, Inc(), 300), next.Ping.Updates);
    }

    [Fact]
    public void NatMember_OldOrRepeatedBeat_DoesNotRestartItsSilence()
    {
        var rig = new SwimRig([B, C, D, Nat]);
        rig.Deliver(At(1), Nat.Node, new SwimPing(Inc(), 50, []));
        rig.RunAcking(At(30));
        rig.Deliver(At(31), B.Node, new SwimAck(Inc(), 9000, [SwimUpdate.Heartbeat(Nat.Node, Inc(), 50), SwimUpdate.Heartbeat(Nat.Node, Inc(), 49)]));

        var changes = Changes(rig.RunAcking(At(200)));

        Assert.Equal((At(1) + Config.NatSilence, new MemberStateChanged(Nat.Node, MemberState.Alive, MemberState.Suspect)), changes[0]);
    }

    [Fact]
    public void NatMember_SuspicionRunsOut_WithoutAVerificationProbe()
    {
        var rig = new SwimRig([B, C, D, Nat]);

        var changes = Changes(rig.RunAcking(At(1000))).Where(c => c.Change.Peer == Nat.Node).ToList();

        Assert.Equal(
            [
                (Instant.Zero + Config.NatSilence, MemberState.Suspect),
                (Instant.Zero + Config.NatSilence + Config.SuspicionMax(5), MemberState.Dead),
                (Instant.Zero + Config.NatSilence + Config.SuspicionMax(5) + Config.RetireAfter, MemberState.Retired),
            ],
            changes.Select(c => (c.At, c.Change.To)));
    }

    [Fact]
    public void NatSelf_PingsDialableMembersEveryPeriod_ButOpensNoProbe_AndSuspectsNobody()
    {
        var rig = new SwimRig([B, C, D, OtherNat], self: Profiles.Gpu("node-a", natBlocked: true));

        var steps = rig.RunUntil(At(600));
        var sent = steps.SelectMany(s => s.Ready.Messages).ToList();

        Assert.Equal(60, sent.Count(m => m.Message is SwimPing));
        Assert.DoesNotContain(sent, m => m.Message is SwimPingReq || m.To == OtherNat.Node);
        Assert.Empty(Changes(steps));
        Assert.Equal(0, rig.Machine.HealthScore);
    }

    [Fact]
    public void NatSelf_KeepsOtherNatNodesOutOfItsTable_AndIgnoresUpdatesAboutThem()
    {
        var rig = new SwimRig([B, C, OtherNat], self: Profiles.Gpu("node-a", natBlocked: true));

        rig.Deliver(At(1), B.Node, new SwimAck(Inc(), 9000, [SwimUpdate.Dead(OtherNat.Node, Inc())]));

        Assert.Null(rig.Machine.StateOf(OtherNat.Node));
        Assert.Equal(2, rig.Machine.PeerCount);
        Assert.DoesNotContain(rig.Machine.Snapshot(), v => v.Peer == OtherNat.Node);
    }

    [Fact]
    public void NatSelf_LearnsDeathsByGossip_FromTheAcksToItsOwnPings()
    {
        var rig = new SwimRig([B, C, D], self: Profiles.Gpu("node-a", natBlocked: true));
        var (at, to, ping) = rig.NextPing(At(100));

        var ready = rig.Deliver(at + Duration.FromSeconds(3), to, new SwimAck(Inc(), ping.Sequence, [SwimUpdate.Dead(C.Node, Inc())]));

        Assert.Equal(MemberState.Dead, rig.Machine.StateOf(C.Node));
        Assert.Equal(2, NoticesOf<MemberStateChanged>(ready).Count());
    }
}
