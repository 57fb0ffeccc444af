using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.MembershipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class HeartbeatScheduleTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile C = Profiles.Gpu("node-c");
    private static readonly NodeProfile Nat = Profiles.Gpu("node-nat", natBlocked: true);

    [Fact]
    public void Tick_BeforeFirstDelay_SendsNothing()
    {
        var rig = new MembershipRig([C, B, Nat]);

        Assert.Empty(rig.Tick(At(3) - Micro).Messages);
        Assert.Equal(At(3), rig.Machine.NextDeadline);
    }

    [Fact]
    public void Tick_AtFirstDelay_SendsOneHeartbeatToEachDialablePeerInIdOrder()
    {
        var rig = new MembershipRig([C, B, Nat]);

        var ready = rig.Tick(At(3));

        Assert.Equal([B.Node, C.Node], Recipients(ready));
        foreach (var outbound in ready.Messages)
        {
            Assert.False(outbound.IsResponse);
            Assert.Equal(new Heartbeat(1, 1, rig.Self, NodeLoad.Idle, WantsAck: false), outbound.Message);
        }
        Assert.Same(ready.Messages[0].Message, ready.Messages[1].Message);
    }

    [Fact]
    public void Tick_EachInterval_SendsTheNextSequence()
    {
        var rig = new MembershipRig([B]);
        rig.Tick(At(3));

        Assert.Empty(rig.Tick(At(13) - Micro).Messages);
        var second = Assert.Single(rig.Tick(At(13)).Messages);
        var third = Assert.Single(rig.Tick(At(23)).Messages);

        Assert.Equal(2, ((Heartbeat)second.Message).Sequence);
        Assert.Equal(3, ((Heartbeat)third.Message).Sequence);
    }

    [Fact]
    public void Tick_Late_SchedulesTheNextRoundFromWhenItRan()
    {
        var rig = new MembershipRig([B]);

        rig.Tick(At(7));

        Assert.Equal(At(17), rig.Machine.NextDeadline);
    }

    [Fact]
    public void Tick_Twice_AtSameInstant_SendsOneRound()
    {
        var rig = new MembershipRig([B]);

        Assert.Single(rig.Tick(At(3)).Messages);
        Assert.Empty(rig.Tick(At(3)).Messages);
    }

    [Fact]
    public void SetLoad_BeforeRound_IsAdvertisedInIt()
    {
        var rig = new MembershipRig([B]);
        rig.Machine.SetLoad(Profiles.RichLoad());

        var heartbeat = (Heartbeat)Assert.Single(rig.Tick(At(3)).Messages).Message;

        Assert.Equal(Profiles.RichLoad(), heartbeat.Load);
    }

    [Fact]
    public void Heartbeats_OverManyRounds_NeverDialANatBlockedPeer()
    {
        var rig = new MembershipRig([B, Nat]);

        foreach (var (_, ready) in rig.RunUntil(At(1_000)))
            Assert.DoesNotContain(Nat.Node, Recipients(ready));
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(Nat.Node));
    }

    [Fact]
    public void NatBlockedSelf_Heartbeat_AsksForAck()
    {
        var rig = new MembershipRig([B], self: Profiles.Gpu("node-a", natBlocked: true));

        var heartbeat = (Heartbeat)Assert.Single(rig.Tick(At(3)).Messages).Message;

        Assert.True(heartbeat.WantsAck);
    }

    [Fact]
    public void NatBlockedSelf_AckFromPeer_ComesBackAsResponseAndMarksPeerHeard()
    {
        var natSelf = Profiles.Gpu("node-a", natBlocked: true);
        var a = new MembershipRig([B], self: natSelf, incarnation: 4);
        var b = new MembershipRig([natSelf], self: B, incarnation: 9);
        b.Tick(At(3));

        var heartbeat = (Heartbeat)Assert.Single(a.Tick(At(3)).Messages).Message;
        var answer = Assert.Single(b.Deliver(At(4), natSelf.Node, heartbeat).Messages);

        Assert.Equal(natSelf.Node, answer.To);
        Assert.True(answer.IsResponse);
        Assert.Equal(new HeartbeatAck(9, 1, B, NodeLoad.Idle), answer.Message);

        // Heard at 29 s, so B is still Alive at 30 s and is suspected exactly 30 s after the ack.
        a.Deliver(At(29), B.Node, (HeartbeatAck)answer.Message);
        a.Tick(At(30));
        Assert.Equal<MemberView>([new MemberView(B.Node, MemberState.Alive, 9)], a.Machine.Snapshot());
        var suspected = a.RunUntil(At(100)).First(s => s.Ready.Notices.Count > 0);
        Assert.Equal(At(59), suspected.At);
        Assert.Equal(new MemberStateChanged(B.Node, MemberState.Alive, MemberState.Suspect), Assert.Single(suspected.Ready.Notices));
    }

    [Fact]
    public void Heartbeat_WithoutWantsAck_IsNotAnswered()
    {
        var rig = new MembershipRig([B]);

        Assert.Empty(rig.HearFrom(At(1), B).Messages);
    }

    [Fact]
    public void Heartbeat_DuplicateWithWantsAck_IsAnsweredOnce()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var rig = new MembershipRig([nat]);
        var heartbeat = new Heartbeat(1, 1, nat, NodeLoad.Idle, WantsAck: true);

        Assert.Single(rig.Deliver(At(1), nat.Node, heartbeat).Messages);
        Assert.Empty(rig.Deliver(At(2), nat.Node, heartbeat).Messages);
    }

    [Fact]
    public void RetiredPeer_IsProbedOnlyEveryProbeInterval()
    {
        var rig = new MembershipRig([B, C]);
        var toB = new System.Collections.Generic.List<Instant>();
        var toC = new System.Collections.Generic.List<Instant>();

        for (var second = 1L; second <= 250; second++)
        {
            // C keeps talking; B is never heard, so it retires at exactly 100 s.
            var ready = second % 10 == 0 ? rig.HearFrom(At(second), C) : rig.Tick(At(second));
            if (Recipients(ready).Contains(B.Node)) toB.Add(At(second));
            if (Recipients(ready).Contains(C.Node)) toC.Add(At(second));
        }

        Assert.Equal([3, 13, 23, 33, 43, 53, 63, 73, 83, 93, 103, 143, 183, 223], toB.Select(t => t.Micros / 1_000_000));
        Assert.Equal(25, toC.Count);
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(B.Node));
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(C.Node));
    }

    [Fact]
    public void Tick_WhilePersistPending_OwesTheRoundAndSendsItOnceDurable()
    {
        var rig = new MembershipRig([B, C]);
        rig.Outbox.Issue(new Persist(rig.Outbox.NextEffectId(), new PersistentState(1, 1)));

        // The schedule keeps its pace, so the host still steps the node every interval.
        Assert.Empty(rig.Tick(At(3)).Messages);
        Assert.Equal(At(13), rig.Machine.NextDeadline);
        Assert.Empty(rig.Tick(At(13)).Messages);
        Assert.Empty(rig.Tick(At(23)).Messages);
        Assert.Equal(0, rig.Outbox.HeldCount);

        rig.Outbox.MarkDurable(1);
        var ready = rig.Tick(At(26));

        Assert.Equal([B.Node, C.Node], Recipients(ready));
        Assert.All(ready.Messages, m => Assert.Equal(1, ((Heartbeat)m.Message).Sequence));
        Assert.Empty(rig.Tick(At(33)).Messages);
        Assert.Equal(2, rig.Tick(At(36)).Messages.Count);
    }

    [Fact]
    public void WantsAck_WhilePersistPending_IsNotAnsweredNorHeld()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var rig = new MembershipRig([nat]);
        rig.Outbox.Issue(new Persist(rig.Outbox.NextEffectId(), new PersistentState(1, 1)));

        var ready = rig.HearFrom(At(1), nat, wantsAck: true);

        Assert.Empty(ready.Messages);
        Assert.Equal(0, rig.Outbox.HeldCount);
        Assert.Equal(MemberState.Alive, rig.Machine.StateOf(nat.Node));
    }

    [Fact]
    public void NextDeadline_AfterConstruction_IsFirstHeartbeat()
    {
        var rig = new MembershipRig([B]);

        Assert.Equal(At(3), rig.Machine.NextDeadline);
    }

    [Fact]
    public void NextDeadline_DrivenOnlyAtDeadlines_IsTheExactSequenceOfRoundsAndTransitions()
    {
        var rig = new MembershipRig([B, C]);

        var steps = rig.RunUntil(At(125));

        Assert.Equal(
            [3, 13, 23, 30, 33, 43, 53, 60, 63, 73, 83, 93, 100, 103, 113, 123],
            steps.Select(s => s.At.Micros / 1_000_000));
        Assert.Equal(At(133), rig.Machine.NextDeadline);
    }

    [Fact]
    public void NextDeadline_AfterPeerRevives_IncludesItsSuspectTimeout()
    {
        var rig = new MembershipRig([B]);
        rig.RunUntil(At(200));
        Assert.Equal(MemberState.Retired, rig.Machine.StateOf(B.Node));

        rig.HearFrom(At(205), B);

        var transitions = rig.RunUntil(At(240)).Where(s => s.Ready.Notices.Count > 0).Select(s => s.At).ToArray();
        Assert.Equal([At(235)], transitions);
    }
}
