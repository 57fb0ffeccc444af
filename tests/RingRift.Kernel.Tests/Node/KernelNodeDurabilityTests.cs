using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeDurabilityTests
{
    /// <summary>Seed 42's first draw in [0, 10 s]: when node-a's first heartbeat round falls due.</summary>
    private static readonly Instant FirstBeat = new(838_629);

    private static readonly NodeId B = new("node-b");
    private static readonly NodeId C = new("node-c");

    [Fact]
    public void Construct_FreshNode_IssuesOnlyOnePersistOfBootOne()
    {
        var rig = new NodeRig(Configs.Kernel());

        Assert.Equal(new Persist(new EffectId(1), new PersistentState(Version: 1, BootCount: 1)), Assert.Single(rig.Started.Effects));
        Assert.Equal(new NodeStarted(1), Assert.Single(rig.Started.Notices));
        Assert.Empty(rig.Started.Messages);
        Assert.Empty(rig.Started.Replies);
        Assert.Equal(1, rig.Node.Incarnation);
    }

    [Fact]
    public void Construct_Restored_BumpsVersionAndBootCountByOne()
    {
        var rig = new NodeRig(Configs.Kernel(), new PersistentState(Version: 7, BootCount: 3));

        Assert.Equal(new Persist(new EffectId(1), new PersistentState(Version: 8, BootCount: 4)), Assert.Single(rig.Started.Effects));
        Assert.Equal(new NodeStarted(4), Assert.Single(rig.Started.Notices));
        Assert.Equal(4, rig.Node.Incarnation);
        Assert.Equal(4, rig.Started.Status.Incarnation);
    }

    [Fact]
    public void Heartbeats_BeforeBootPersistCompletes_DoNotLeave()
    {
        var rig = new NodeRig(Configs.Kernel());

        Assert.Empty(rig.Wake(FirstBeat).Messages);
        Assert.Empty(rig.Wake(At(9)).Messages);
        var durable = rig.Complete(At(9), rig.BootPersist.Id, Persisted.Instance);

        Assert.Equal([B, C], durable.Messages.Select(m => m.To));
        foreach (var outbound in durable.Messages)
            Assert.Equal(new Heartbeat(1, 1, rig.Config.Self, NodeLoad.Idle, WantsAck: false), outbound.Message);
        Assert.Equal(new StateDurable(1), Assert.Single(durable.Notices));
    }

    [Fact]
    public void BootPersist_CompletingAfterSeveralRounds_SendsOnlyTheCurrentRound()
    {
        var rig = new NodeRig(Configs.Kernel() with { Gossip = Configs.QuietGossip });
        rig.RunUntil(At(25));

        var durable = rig.Complete(At(25), rig.BootPersist.Id, Persisted.Instance);

        Assert.Equal([B, C], durable.Messages.Select(m => m.To));
        Assert.All(durable.Messages, m => Assert.Equal(1, ((Heartbeat)m.Message).Sequence));
        Assert.Equal(At(30), durable.NextDeadline);
        Assert.Empty(rig.Wake(At(35) - Micro).Messages);
        Assert.Equal([B, C], rig.Wake(At(35)).Messages.Select(m => m.To));
    }

    [Fact]
    public void NextDeadline_WhileBootPersistPending_KeepsTheHeartbeatPace()
    {
        // No round can leave, but the node is still stepped every interval, so a slow disk is not
        // mistaken for a local stall.
        var rig = new NodeRig(Configs.Kernel() with { Gossip = Configs.QuietGossip });

        Assert.Equal(FirstBeat, rig.Started.NextDeadline);
        var owed = rig.Wake(FirstBeat);
        Assert.Empty(owed.Messages);
        Assert.Equal(FirstBeat + Duration.FromSeconds(10), owed.NextDeadline);
        Assert.DoesNotContain(rig.RunUntil(At(120)).SelectMany(s => s.Ready.Notices), n => n is LocalStallDetected);
    }

    [Fact]
    public void NextDeadline_OnceDurable_IsTheSeededFirstHeartbeat()
    {
        var rig = new NodeRig(Configs.Kernel());

        var durable = rig.Complete(Instant.Zero, rig.BootPersist.Id, Persisted.Instance);

        Assert.Equal(FirstBeat, durable.NextDeadline);
        Assert.Empty(rig.Wake(FirstBeat - Micro).Messages);
        Assert.Equal(2, rig.Wake(FirstBeat).Messages.Count);
    }

    [Fact]
    public void PersistFailed_IsReportedAndRetriedAfterExactlyTheRetryDelay()
    {
        var rig = new NodeRig(Configs.Kernel());

        var failed = rig.Complete(At(2), rig.BootPersist.Id, new PersistFailed("disk full"));

        Assert.Equal(new PersistRetrying(1, "disk full"), Assert.Single(failed.Notices));
        Assert.Empty(failed.Effects);
        Assert.Equal(At(3), failed.NextDeadline);
        Assert.Empty(rig.Wake(At(3) - Micro).Effects);
        var retry = rig.Wake(At(3));
        Assert.Equal(new Persist(new EffectId(2), new PersistentState(Version: 2, BootCount: 1)), Assert.Single(retry.Effects));
    }

    [Fact]
    public void PersistRetry_Succeeding_ReleasesHeartbeatsAndReportsItsVersion()
    {
        var rig = new NodeRig(Configs.Kernel());
        rig.Complete(At(2), rig.BootPersist.Id, new PersistFailed("fsync failed"));
        var retry = (Persist)Assert.Single(rig.Wake(At(3)).Effects);
        Assert.Empty(rig.Wake(At(4)).Messages);

        var durable = rig.Complete(At(5), retry.Id, Persisted.Instance);

        Assert.Equal(new StateDurable(2), Assert.Single(durable.Notices));
        Assert.Equal([B, C], durable.Messages.Select(m => m.To));
        Assert.Equal(1, ((Heartbeat)durable.Messages[0].Message).Incarnation);
    }

    [Fact]
    public void PersistKeepsFailing_ForAnHour_StaysWithinHeldMessageBound()
    {
        var config = Configs.Kernel() with { HeldMessagesMax = 4 };
        var rig = new NodeRig(config);
        var pending = rig.BootPersist;
        var now = Instant.Zero;
        var attempts = 1;

        while (now < At(3_600))
        {
            var failed = rig.Complete(now, pending.Id, new PersistFailed("disk full"));
            Assert.Empty(failed.Messages);
            now = failed.NextDeadline!.Value;
            var woken = rig.Wake(now);
            Assert.Empty(woken.Messages);
            if (woken.Effects.OfType<Persist>().SingleOrDefault() is { } retry)
            {
                pending = retry;
                attempts++;
            }
        }
        var durable = rig.Complete(now, pending.Id, Persisted.Instance);

        Assert.Equal(3_601, attempts);
        Assert.Equal(new PersistentState(Version: 3_601, BootCount: 1), pending.State);
        Assert.Equal([B, C], durable.Messages.Select(m => m.To));
        Assert.All(durable.Messages, m => Assert.Equal(1, ((Heartbeat)m.Message).Sequence));
    }

    [Fact]
    public void AcksRequested_WhileBootPersistPending_StayWithinHeldMessageBoundAndResumeOnceDurable()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var config = Configs.KernelFor("node-a", [Profiles.Gpu("node-a"), nat]) with { HeldMessagesMax = 4 };
        var rig = new NodeRig(config);

        for (var sequence = 1; sequence <= 20; sequence++)
        {
            var ready = rig.Deliver(At(sequence), nat.Node, new Heartbeat(1, sequence, nat, NodeLoad.Idle, WantsAck: true));
            Assert.Empty(ready.Messages);
        }
        rig.Complete(At(21), rig.BootPersist.Id, Persisted.Instance);
        var answered = rig.Deliver(At(22), nat.Node, new Heartbeat(1, 21, nat, NodeLoad.Idle, WantsAck: true));

        var ack = Assert.Single(answered.Messages);
        Assert.True(ack.IsResponse);
        Assert.Equal(nat.Node, ack.To);
        Assert.Equal(1, ((HeartbeatAck)ack.Message).Incarnation);
    }

    [Fact]
    public void PersistCompletion_Duplicated_IsIgnored()
    {
        var rig = new NodeRig(Configs.Kernel());
        rig.Complete(At(1), rig.BootPersist.Id, Persisted.Instance);

        var again = rig.Complete(At(2), rig.BootPersist.Id, Persisted.Instance);

        Assert.Empty(again.Notices);
        Assert.Empty(again.Effects);
    }

    [Fact]
    public void Restart_FromPersistedState_IsTheNextIncarnation()
    {
        var first = NodeRig.Durable(Configs.Kernel());
        var persisted = first.BootPersist.State;

        var second = new NodeRig(Configs.Kernel(), persisted, At(500));
        var durable = second.Complete(At(500), second.BootPersist.Id, Persisted.Instance);

        Assert.Equal(2, second.Node.Incarnation);
        Assert.Equal(new PersistentState(Version: 2, BootCount: 2), second.BootPersist.State);
        Assert.Equal(new NodeStarted(2), Assert.Single(second.Started.Notices));
        var beat = (Heartbeat)Assert.Single(second.Wake(At(500) + Duration.FromSeconds(10)).Messages.Take(1)).Message;
        Assert.Equal(2, beat.Incarnation);
        Assert.Null(durable.Effects.FirstOrDefault());
    }

    [Fact]
    public void Restart_SeenByPeer_IsReportedRestarted()
    {
        var peer = NodeRig.Durable(Configs.KernelFor("node-b", Profiles.Cluster("node-a", "node-b")));
        var aConfig = Configs.KernelFor("node-a", Profiles.Cluster("node-a", "node-b"));
        var firstLife = NodeRig.Durable(aConfig);
        var oldBeat = firstLife.Wake(At(10)).Messages.Single().Message;
        peer.Deliver(At(10), aConfig.Self.Node, oldBeat);

        var secondLife = NodeRig.Durable(aConfig, firstLife.BootPersist.State, At(20));
        var newBeat = secondLife.Wake(At(30)).Messages.Single().Message;
        var seen = peer.Deliver(At(30), aConfig.Self.Node, newBeat);

        Assert.Contains(new PeerRestarted(aConfig.Self.Node, 1, 2), seen.Notices);
        Assert.Empty(peer.Deliver(At(31), aConfig.Self.Node, oldBeat).Notices);
    }

    [Fact]
    public void Step_EarlierThanPrevious_ViolatesInvariant()
    {
        var rig = new NodeRig(Configs.Kernel());
        rig.Wake(At(5));

        Assert.Throws<InvariantViolationException>(() => rig.Node.Step(At(5) - Micro, Wake.Instance));
    }

    [Fact]
    public void Step_EarlierThanConstruction_ViolatesInvariant()
    {
        var rig = new NodeRig(Configs.Kernel(), start: At(100));

        Assert.Throws<InvariantViolationException>(() => rig.Node.Step(At(99), Wake.Instance));
    }

    [Fact]
    public void Step_SameInstantAgain_IsAllowed()
    {
        var rig = new NodeRig(Configs.Kernel(), start: At(100));

        rig.Wake(At(100));
        rig.Wake(At(100));

        Assert.Equal(1, rig.Node.Incarnation);
    }
}
