using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimSuspicionTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b"), C = Profiles.Gpu("node-c"), D = Profiles.Gpu("node-d"), E = Profiles.Gpu("node-e");
    private static readonly NodeId Self = new("node-a");

    /// <summary>In a cluster of five (this node and four peers): 40 s at the shortest, 240 s unconfirmed.</summary>
    private static readonly Duration Shortest = Duration.FromSeconds(40), Longest = Duration.FromSeconds(240);

    private static SwimRig Rig() => new([B, C, D, E]);

    private static Ready Say(SwimRig rig, Instant at, NodeProfile from, params SwimUpdate[] updates) =>
        rig.Deliver(at, from.Node, new SwimAck(Inc(), 10_000 + at.Micros, [.. updates]));

    [Fact]
    public void Suspicion_NobodyConfirms_LastsTheLongestTimeout_ThenThisNodeVerifiesIt()
    {
        var rig = Rig();

        var suspected = Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(), B.Node));
        var until = Changes(rig.RunAcking(At(1) + Longest));
        var verification = rig.NextPing(At(1000));

        Assert.Equal([new MemberStateChanged(C.Node, MemberState.Alive, MemberState.Suspect)], NoticesOf<MemberStateChanged>(suspected));
        Assert.Equal(Longest, Config.SuspicionMax(5));
        Assert.Empty(until);
        // The next period after the timeout probes C out of turn, carrying the suspicion so C can refute it.
        Assert.Equal(C.Node, verification.To);
        Assert.InRange(verification.At.Micros, (At(1) + Longest).Micros, (At(1) + Longest + Config.Period).Micros);
        Assert.Equal(SwimUpdate.Suspect(C.Node, Inc(), B.Node), verification.Ping.Updates[0]);
    }

    [Fact]
    public void Verification_Unanswered_DeclaresTheMemberDead_AndRetiresItAfterRetireAfter()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(), B.Node));
        rig.RunAcking(At(1) + Longest);
        var verification = rig.NextPing(At(1000)).At;

        var changes = Changes(rig.RunAcking(At(1000), silent: C.Node)).Where(c => c.Change.Peer == C.Node);

        Assert.Equal(
            [
                (verification + Config.Period, new MemberStateChanged(C.Node, MemberState.Suspect, MemberState.Dead)),
                (verification + Config.Period + Config.RetireAfter, new MemberStateChanged(C.Node, MemberState.Dead, MemberState.Retired)),
            ],
            changes);
    }

    [Fact]
    public void Verification_Answered_StartsTheSuspicionOver()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(), B.Node));
        rig.RunAcking(At(1) + Longest);
        var (at, _, ping) = rig.NextPing(At(1000));

        rig.Deliver(at, C.Node, new SwimAck(Inc(), ping.Sequence, []));
        var changes = Changes(rig.RunAcking(at + Longest - Micro));

        Assert.Empty(changes);
        Assert.Equal(MemberState.Suspect, rig.Machine.StateOf(C.Node));
    }

    [Fact]
    public void Suspicion_EachIndependentConfirmation_ShortensIt_DownToTheShortest()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(), B.Node));
        Say(rig, At(2), D, SwimUpdate.Suspect(C.Node, Inc(), D.Node));
        Say(rig, At(3), D, SwimUpdate.Suspect(C.Node, Inc(), D.Node));
        // 240 s − 200 s · log 2 / log 3 = 113.814049 s; the Q16 logarithms truncate 124 us off it.
        Assert.Equal(Duration.FromMicros(113_813_925), Config.SuspicionTimeout(5, 1));

        Say(rig, At(4), E, SwimUpdate.Suspect(C.Node, Inc(), E.Node));
        var dead = Changes(rig.RunAcking(At(100))).Where(c => c.Change.To == MemberState.Dead).Select(c => c.At);

        Assert.Equal([At(1) + Shortest], dead);
    }

    [Fact]
    public void Suspicion_ConfirmedAfterItsShortestTimeoutPassed_EndsAtOnce()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(), B.Node));
        rig.RunAcking(At(50) - Micro);
        Say(rig, At(50), D, SwimUpdate.Suspect(C.Node, Inc(), D.Node));
        rig.RunAcking(At(60) - Micro);

        var ready = Say(rig, At(60), E, SwimUpdate.Suspect(C.Node, Inc(), E.Node));

        Assert.Equal(new MemberStateChanged(C.Node, MemberState.Suspect, MemberState.Dead), Assert.Single(NoticesOf<MemberStateChanged>(ready)));
    }

    [Fact]
    public void OwnFailedProbe_SuspectsTheTarget_AndPiggybacksTheAccusationWithThisNodeAsAccuser()
    {
        var rig = Rig();
        var (at, target, _) = rig.NextPing(At(100));

        rig.RunUntil(at + Config.Period - Micro);
        var next = rig.NextPing(At(200));

        Assert.Equal(MemberState.Suspect, rig.Machine.StateOf(target));
        Assert.Contains(SwimUpdate.Suspect(target, SwimIncarnation.Unknown, Self), next.Ping.Updates);
    }

    [Fact]
    public void SuspicionOfThisNode_IsRefutedAboveTheClaimsRefutation_AndGossiped()
    {
        var rig = Rig();

        var ready = Say(rig, At(1), B, SwimUpdate.Suspect(Self, Inc(5), C.Node));
        var next = rig.NextPing(At(100));

        Assert.Equal(Inc(6), rig.Machine.Incarnation);
        Assert.Equal(new SwimRefuted(SwimUpdateKind.Suspect, Inc(6)), Assert.Single(NoticesOf<SwimRefuted>(ready)));
        Assert.Equal(Inc(6), next.Ping.Sender);
        Assert.Contains(SwimUpdate.Alive(Self, Inc(6)), next.Ping.Updates);
    }

    [Fact]
    public void DeathOfThisNode_IsRefutedToo()
    {
        var rig = Rig();

        var ready = Say(rig, At(1), B, SwimUpdate.Dead(Self, Inc()));

        Assert.Equal(new SwimRefuted(SwimUpdateKind.Dead, Inc(1)), Assert.Single(NoticesOf<SwimRefuted>(ready)));
    }

    [Fact]
    public void SuspicionOfAnEarlierIncarnationOfThisNode_IsAnsweredByTheCurrentOne_WithoutABump()
    {
        var rig = new SwimRig([B, C, D, E], boot: 3);

        var ready = Say(rig, At(1), B, SwimUpdate.Suspect(Self, new SwimIncarnation(2, 9), C.Node));
        var next = rig.NextPing(At(100));

        Assert.Empty(NoticesOf<SwimRefuted>(ready));
        Assert.Equal(new SwimIncarnation(3, 0), rig.Machine.Incarnation);
        Assert.Contains(SwimUpdate.Alive(Self, new SwimIncarnation(3, 0)), next.Ping.Updates);
    }

    [Fact]
    public void Restart_NewBootCount_OutranksEveryRefutationOfTheEarlierLife()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Alive(C.Node, Inc(40)));
        Say(rig, At(2), B, SwimUpdate.Dead(C.Node, Inc(40)));

        var ready = rig.Deliver(At(3), C.Node, new SwimPing(new SwimIncarnation(2, 0), 1, []));

        Assert.Equal(
            [new PeerRestarted(C.Node, 1, 2), new MemberStateChanged(C.Node, MemberState.Dead, MemberState.Alive)],
            ready.Notices.Where(n => n is PeerRestarted or MemberStateChanged));
        Assert.Equal(new SwimIncarnation(2, 0), rig.Machine.IncarnationOf(C.Node));
        Assert.True(new SwimIncarnation(2, 0) > new SwimIncarnation(1, SwimIncarnation.RefutationMax));
    }

    [Fact]
    public void DeadUpdate_OnAnAliveMember_ReportsEveryStep()
    {
        var rig = Rig();

        var ready = Say(rig, At(1), B, SwimUpdate.Dead(C.Node, Inc()));

        Assert.Equal(
            [
                new MemberStateChanged(C.Node, MemberState.Alive, MemberState.Suspect),
                new MemberStateChanged(C.Node, MemberState.Suspect, MemberState.Dead),
            ],
            NoticesOf<MemberStateChanged>(ready));
    }

    [Fact]
    public void Precedence_AliveNeedsAHigherIncarnation_SuspectAtLeastTheSame()
    {
        var rig = Rig();
        Say(rig, At(1), B, SwimUpdate.Suspect(C.Node, Inc(2), B.Node));

        var sameAlive = Say(rig, At(2), B, SwimUpdate.Alive(C.Node, Inc(2)));
        var olderSuspect = Say(rig, At(3), D, SwimUpdate.Suspect(C.Node, Inc(1), D.Node));
        var newerAlive = Say(rig, At(4), B, SwimUpdate.Alive(C.Node, Inc(3)));
        var sameSuspect = Say(rig, At(5), D, SwimUpdate.Suspect(C.Node, Inc(3), D.Node));

        Assert.Empty(NoticesOf<MemberStateChanged>(sameAlive));
        Assert.Empty(NoticesOf<MemberStateChanged>(olderSuspect));
        Assert.Equal(MemberState.Alive, Assert.Single(NoticesOf<MemberStateChanged>(newerAlive)).To);
        Assert.Equal(MemberState.Suspect, Assert.Single(NoticesOf<MemberStateChanged>(sameSuspect)).To);
    }

    [Fact]
    public void StaleSuspicion_OfAMemberKnownAliveAtANewerIncarnation_IsCorrectedByGossipingTheNewerAlive()
    {
        var rig = Rig();
        rig.Deliver(At(1), C.Node, new SwimPing(Inc(), 1, []));

        Say(rig, At(2), B, SwimUpdate.Suspect(C.Node, SwimIncarnation.Unknown, D.Node));
        var next = rig.NextPing(At(100));

        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(C.Node));
        Assert.Contains(SwimUpdate.Alive(C.Node, Inc()), next.Ping.Updates);
    }

    [Fact]
    public void FirstWordFromAMember_RaisesItsIncarnation_ButIsNotGossipedAsNews()
    {
        var rig = Rig();

        rig.Deliver(At(1), C.Node, new SwimPing(Inc(), 1, []));
        var next = rig.NextPing(At(100));

        Assert.Equal(Inc(), rig.Machine.IncarnationOf(C.Node));
        Assert.Empty(next.Ping.Updates);
    }

    [Fact]
    public void Snapshot_ShowsStateAndBootCount_AndVersionMovesOnlyWithThem()
    {
        var rig = Rig();
        rig.Deliver(At(1), B.Node, new SwimPing(Inc(), 1, []));
        var before = rig.Machine.Version;

        rig.Deliver(At(1), C.Node, new SwimPing(Inc(), 1, []));
        var afterBoot = rig.Machine.Version;
        Say(rig, At(2), C, SwimUpdate.Alive(C.Node, Inc(1)));
        var afterRefutation = rig.Machine.Version;
        Say(rig, At(3), B, SwimUpdate.Suspect(C.Node, Inc(1), B.Node));

        Assert.Equal(before + 1, afterBoot);
        Assert.Equal(afterBoot, afterRefutation);
        Assert.Equal(afterBoot + 1, rig.Machine.Version);
        Assert.Equal(new MemberView(C.Node, MemberState.Suspect, 1), rig.Machine.Snapshot().Single(v => v.Peer == C.Node));
        Assert.Equal((4, 4), (rig.Machine.AlivePeerCount, rig.Machine.PeerCount));
    }
}
