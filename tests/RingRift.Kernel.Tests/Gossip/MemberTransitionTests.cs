using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.MembershipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class MemberTransitionTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile C = Profiles.Gpu("node-c");

    /// <summary>A rig whose peer B was last heard at exactly 5 s (incarnation 1, sequence 1).</summary>
    private static MembershipRig HeardAtFive()
    {
        var rig = new MembershipRig([B]);
        rig.HearFrom(At(5), B);
        return rig;
    }

    [Fact]
    public void Peer_SilentJustUnderSuspectTimeout_StaysAlive()
    {
        var rig = HeardAtFive();

        var ready = rig.Tick(At(35) - Micro);

        Assert.Empty(NoticesOf<MemberStateChanged>(ready));
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(B.Node));
    }

    [Fact]
    public void Peer_SilentExactlySuspectTimeout_BecomesSuspect()
    {
        var rig = HeardAtFive();
        rig.Tick(At(35) - Micro);

        var ready = rig.Tick(At(35));

        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Alive, MemberState.Suspect), Assert.Single(ready.Notices));
        Assert.Equal(MemberState.Suspect, rig.Machine.StateOf(B.Node));
    }

    [Fact]
    public void Peer_SilentExactlyDeadTimeout_BecomesDead()
    {
        var rig = HeardAtFive();
        rig.Tick(At(35));

        Assert.Empty(rig.Tick(At(65) - Micro).Notices);
        var ready = rig.Tick(At(65));

        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Suspect, MemberState.Dead), Assert.Single(ready.Notices));
    }

    [Fact]
    public void Peer_SilentExactlyRetireTimeout_BecomesRetired()
    {
        var rig = HeardAtFive();
        rig.Tick(At(35));
        rig.Tick(At(65));

        Assert.Empty(rig.Tick(At(105) - Micro).Notices);
        var ready = rig.Tick(At(105));

        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Dead, MemberState.Retired), Assert.Single(ready.Notices));
        // Retired is final until heard again: only the heartbeat round (last run at 105 s - 1 us) is left.
        Assert.Equal(At(115) - Micro, rig.Machine.NextDeadline);
    }

    [Fact]
    public void Peer_DrivenAtDeadlines_WalksAliveSuspectDeadRetiredAtExactTimes()
    {
        var rig = HeardAtFive();

        var changes = rig.RunUntil(At(500))
            .SelectMany(s => NoticesOf<MemberStateChanged>(s.Ready).Select(n => (s.At, n.To)))
            .ToArray();

        Assert.Equal(
            [(At(35), MemberState.Suspect), (At(65), MemberState.Dead), (At(105), MemberState.Retired)],
            changes);
    }

    [Fact]
    public void ConfiguredPeer_NeverHeard_IsSuspectedOneTimeoutAfterStart()
    {
        var rig = new MembershipRig([B]);

        Assert.Empty(rig.Tick(At(30) - Micro).Notices);
        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Alive, MemberState.Suspect), Assert.Single(rig.Tick(At(30)).Notices));
    }

    [Fact]
    public void Tick_LongAfterLastHeard_WalksEveryStateAtOnce()
    {
        var rig = HeardAtFive();

        var ready = rig.Tick(At(500));

        Assert.Equal<Notice>(
            [
                new MemberStateChanged(B.Node, MemberState.Alive, MemberState.Suspect),
                new MemberStateChanged(B.Node, MemberState.Suspect, MemberState.Dead),
                new MemberStateChanged(B.Node, MemberState.Dead, MemberState.Retired),
            ],
            ready.Notices);
    }

    [Fact]
    public void SuspectPeer_HeardAgain_IsAliveAndSuspectedOneTimeoutLater()
    {
        var rig = HeardAtFive();
        rig.Tick(At(35));

        var revived = rig.HearFrom(At(40), B);

        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Suspect, MemberState.Alive), Assert.Single(revived.Notices));
        Assert.Empty(rig.Tick(At(70) - Micro).Notices);
        Assert.Equal(MemberState.Suspect, Assert.Single(NoticesOf<MemberStateChanged>(rig.Tick(At(70)))).To);
    }

    [Fact]
    public void DeadPeer_NewerSequence_Revives()
    {
        var rig = HeardAtFive();
        rig.Tick(At(65));

        var ready = rig.Deliver(At(70), B.Node, new Heartbeat(1, 2, B, NodeLoad.Idle, false));

        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Dead, MemberState.Alive), Assert.Single(ready.Notices));
    }

    /// <summary>Last heard (incarnation, sequence), then a late message that is not newer: a replay.</summary>
    [Theory]
    [InlineData(1L, 1L, 1L, 1L)] // the same heartbeat again
    [InlineData(1L, 10L, 1L, 9L)] // an older one from the same life, reordered
    [InlineData(2L, 1L, 1L, 1_000_000L)] // from a previous life, however high its sequence
    public void DeadPeer_MessageNotNewerThanLastHeard_DoesNotRevive(
        long heardIncarnation, long heardSequence, long lateIncarnation, long lateSequence)
    {
        var rig = new MembershipRig([B]);
        rig.Deliver(At(5), B.Node, new Heartbeat(heardIncarnation, heardSequence, B, NodeLoad.Idle, false));
        rig.Tick(At(65));

        var ready = rig.Deliver(At(70), B.Node, new Heartbeat(lateIncarnation, lateSequence, B, NodeLoad.Idle, false));

        Assert.Empty(ready.Notices);
        Assert.Equal(MemberState.Dead, rig.Machine.StateOf(B.Node));
    }

    [Fact]
    public void RetiredPeer_ReplayedAck_DoesNotRevive()
    {
        var rig = HeardAtFive();
        rig.Tick(At(105));

        var ready = rig.Deliver(At(110), B.Node, new HeartbeatAck(1, 1, B, NodeLoad.Idle));

        Assert.Empty(ready.Notices);
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(B.Node));
    }

    [Fact]
    public void AlivePeer_ReplayedHeartbeat_DoesNotExtendItsLife()
    {
        var rig = HeardAtFive();

        rig.Deliver(At(30), B.Node, new Heartbeat(1, 1, B, NodeLoad.Idle, false));

        Assert.Equal(MemberState.Suspect, Assert.Single(NoticesOf<MemberStateChanged>(rig.Tick(At(35)))).To);
    }

    [Fact]
    public void Peer_HigherIncarnation_IsReportedRestarted()
    {
        var rig = new MembershipRig([B]);
        rig.Deliver(At(5), B.Node, new Heartbeat(1, 50, B, NodeLoad.Idle, false));

        var ready = rig.Deliver(At(6), B.Node, new Heartbeat(2, 1, B, NodeLoad.Idle, false));

        Assert.Equal(new PeerRestarted(B.Node, 1, 2), Assert.Single(ready.Notices));
        Assert.Equal<MemberView>([new MemberView(B.Node, MemberState.Alive, 2)], rig.Machine.Snapshot());
    }

    [Fact]
    public void DeadPeer_Restarted_IsRevivedAndReportedRestarted()
    {
        var rig = HeardAtFive();
        rig.Tick(At(65));

        var ready = rig.Deliver(At(70), B.Node, new Heartbeat(2, 1, B, NodeLoad.Idle, false));

        Assert.Equal<Notice>(
            [new PeerRestarted(B.Node, 1, 2), new MemberStateChanged(B.Node, MemberState.Dead, MemberState.Alive)],
            ready.Notices);
    }

    [Fact]
    public void RestartedPeer_MessageFromPreviousLife_IsIgnored()
    {
        var rig = new MembershipRig([B]);
        rig.Deliver(At(5), B.Node, new Heartbeat(1, 50, B, NodeLoad.Idle, false));
        rig.Deliver(At(6), B.Node, new Heartbeat(2, 1, B, NodeLoad.Idle, false));

        var ready = rig.Deliver(At(7), B.Node, new Heartbeat(1, 51, B, NodeLoad.Idle, false));

        Assert.Empty(ready.Notices);
        Assert.Equal<MemberView>([new MemberView(B.Node, MemberState.Alive, 2)], rig.Machine.Snapshot());
    }

    [Fact]
    public void Peer_FirstHeard_IsNotReportedRestarted()
    {
        var rig = new MembershipRig([B]);

        var ready = rig.Deliver(At(5), B.Node, new Heartbeat(3, 1, B, NodeLoad.Idle, false));

        Assert.Empty(ready.Notices);
        Assert.Equal<MemberView>([new MemberView(B.Node, MemberState.Alive, 3)], rig.Machine.Snapshot());
    }

    [Fact]
    public void AlivePeerCount_CountsAliveAndSuspect()
    {
        var rig = new MembershipRig([B, C]);
        Assert.Equal(2, rig.Machine.AlivePeerCount);

        rig.HearFrom(At(20), C);
        rig.Tick(At(30));
        Assert.Equal(2, rig.Machine.AlivePeerCount);

        rig.Tick(At(60));
        Assert.Equal(1, rig.Machine.AlivePeerCount);
        Assert.Equal(2, rig.Machine.PeerCount);

        rig.HearFrom(At(61), B);
        Assert.Equal(2, rig.Machine.AlivePeerCount);
    }

    [Fact]
    public void Version_ChangesWhenAPeersIncarnationChanges()
    {
        var rig = new MembershipRig([B]);
        var start = rig.Machine.Version;

        rig.Deliver(At(1), B.Node, new Heartbeat(1, 1, B, NodeLoad.Idle, false));
        Assert.Equal(start + 1, rig.Machine.Version);
        rig.Deliver(At(2), B.Node, new Heartbeat(1, 2, B, NodeLoad.Idle, false));
        Assert.Equal(start + 1, rig.Machine.Version);
        rig.Deliver(At(3), B.Node, new Heartbeat(2, 1, B, NodeLoad.Idle, false));
        Assert.Equal(start + 2, rig.Machine.Version);
    }

    [Fact]
    public void Version_ChangesExactlyWhenAPeersStateChanges()
    {
        var rig = new MembershipRig([B]);
        var start = rig.Machine.Version;

        rig.Tick(At(29));
        Assert.Equal(start, rig.Machine.Version);
        rig.Tick(At(30));
        Assert.Equal(start + 1, rig.Machine.Version);
    }
}
