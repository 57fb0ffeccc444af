using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeSwimTests
{
    private static readonly NodeId A = new("node-a"), D = new("node-d");

    private static KernelConfig Mode(KernelConfig config, MembershipMode mode) =>
        config with { MembershipMode = mode, Swim = SwimRig.Config };

    private static MiniCluster Cluster(MembershipMode mode) =>
        new(c => Mode(c, mode), "node-a", "node-b", "node-c", "node-d");

    [Fact]
    public void SwimMode_CrashedNode_IsSuspectedDeadAndRetired_ThenRevivedByItsNewBoot()
    {
        var cluster = Cluster(MembershipMode.Swim);
        cluster.RunUntil(At(30));
        var aliveBefore = cluster[A.Value].Membership.StateOf(D);

        cluster.Crash(D);
        cluster.RunUntil(At(600));
        var afterCrash = cluster[A.Value].Membership.StateOf(D);
        cluster.Start(D);
        cluster.RunUntil(At(630));

        var seen = cluster.Notices.Where(n => n.Node == A).Select(n => n.Notice).OfType<MemberStateChanged>().Where(c => c.Peer == D).Select(c => c.To);
        Assert.Equal(MemberState.Alive, aliveBefore);
        Assert.Equal(MemberState.Retired, afterCrash);
        Assert.Equal([MemberState.Suspect, MemberState.Dead, MemberState.Retired, MemberState.Alive], seen);
        Assert.Equal(new MemberView(D, MemberState.Alive, 2), cluster[A.Value].TakeReady().Status.Members.Single(m => m.Peer == D));
    }

    [Theory]
    [InlineData(MembershipMode.Heartbeat, true, false)]
    [InlineData(MembershipMode.Swim, false, true)]
    [InlineData(MembershipMode.Hybrid, true, true)]
    public void Mode_ChoosesWhichProtocolsSpeak(MembershipMode mode, bool heartbeats, bool swim)
    {
        var cluster = Cluster(mode);

        cluster.RunUntil(At(60));

        Assert.Equal(heartbeats, cluster.Deliveries.Any(d => d.Message is Heartbeat));
        Assert.Equal(swim, cluster.Deliveries.Any(d => d.Message is SwimMessage));
        Assert.Equal(swim, cluster[A.Value].Swim is not null);
    }

    [Fact]
    public void HybridMode_HeartbeatsJudgeNobody_SwimAloneReportsEachTransitionOnce()
    {
        var cluster = Cluster(MembershipMode.Hybrid);
        cluster.RunUntil(At(30));

        cluster.Crash(D);
        cluster.RunUntil(At(600));

        var seen = cluster.Notices.Where(n => n.Node == A).Select(n => n.Notice).OfType<MemberStateChanged>().Where(c => c.Peer == D).Select(c => c.To);
        // Heartbeat timing alone would suspect D 30 s after its last heartbeat; SWIM's verdicts are the only ones.
        Assert.Equal([MemberState.Suspect, MemberState.Dead, MemberState.Retired], seen);
        Assert.Equal(cluster[A.Value].Swim!.StateOf(D), cluster[A.Value].Membership.StateOf(D));
        Assert.Empty(cluster.Notices.Select(n => n.Notice).OfType<LocalStallDetected>());
    }

    [Fact]
    public void SwimMode_NothingLeavesBeforeTheBootPersist_ThenProbesFlow()
    {
        var rig = new NodeRig(Mode(Configs.Kernel(), MembershipMode.Swim));

        var early = rig.RunUntil(At(60)).SelectMany(s => s.Ready.Messages).ToList();
        rig.Complete(At(60), rig.BootPersist.Id, Persisted.Instance);
        var later = rig.RunUntil(At(120)).SelectMany(s => s.Ready.Messages).ToList();

        Assert.Empty(early);
        Assert.Contains(later, m => m.Message is SwimPing);
        Assert.All(later.Select(m => m.Message).OfType<SwimMessage>(), m => Assert.Equal(1, m.Incarnation));
    }

    [Fact]
    public void Validate_SwimTiming_IsCheckedOnlyWhereSwimRuns()
    {
        var broken = SwimRig.Config with { ProbeTimeout = SwimRig.Config.Period };

        Assert.Empty((Configs.Kernel() with { Swim = broken }).Validate());
        Assert.Equal(["swim.probe_timeout (10s) must be positive and shorter than swim.period (10s)"],
            (Configs.Kernel() with { MembershipMode = MembershipMode.Hybrid, Swim = broken }).Validate());
        Assert.Equal(["membership mode 7 is not heartbeat, swim or hybrid"], (Configs.Kernel() with { MembershipMode = (MembershipMode)7 }).Validate());
    }

    private enum Act
    {
        WakeAtDeadline,
        PersistSucceeds,
        PersistFails,
        PingFromPeer,
        SmallWait,
    }

    /// <summary>
    /// Whatever the disk does, a SWIM message (each states the sender's boot count) leaves only once a
    /// persist of that boot count has completed (SWIM skips what it cannot send yet rather than hold it).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property SwimMessages_NeverLeaveBeforeTheirBootCountIsDurable() => Prop.ForAll(
        Gen.ArrayOf(Gen.Elements(Act.WakeAtDeadline, Act.WakeAtDeadline, Act.PersistSucceeds, Act.PersistFails, Act.PersistFails, Act.PingFromPeer, Act.SmallWait)).ToArbitrary(),
        acts =>
        {
            var rig = new NodeRig(Mode(Configs.Kernel(), MembershipMode.Swim), new PersistentState(4, 4));
            var pending = new System.Collections.Generic.Queue<Persist>([rig.BootPersist]);
            long durableBoot = 4, sequence = 0;
            var now = Instant.Zero;
            foreach (var act in acts)
            {
                var ready = Apply(rig, act, pending, ref now, ref durableBoot, ref sequence);
                foreach (var persist in ready.Effects.OfType<Persist>()) pending.Enqueue(persist);
                foreach (var message in ready.Messages.Select(m => m.Message).OfType<SwimMessage>())
                    if (message.Incarnation > durableBoot) return false;
            }
            return true;
        });

    private static Ready Apply(
        NodeRig rig, Act act, System.Collections.Generic.Queue<Persist> pending, ref Instant now, ref long durableBoot, ref long sequence)
    {
        switch (act)
        {
            case Act.WakeAtDeadline when rig.LastDeadline is { } deadline:
                now = Instant.Max(now, deadline);
                return rig.Wake(now);
            case Act.PersistSucceeds when pending.Count > 0:
                var done = pending.Dequeue();
                durableBoot = System.Math.Max(durableBoot, done.State.BootCount);
                return rig.Complete(now, done.Id, Persisted.Instance);
            case Act.PersistFails when pending.Count > 0:
                return rig.Complete(now, pending.Dequeue().Id, new PersistFailed("disk full"));
            case Act.PingFromPeer:
                return rig.Deliver(now, new NodeId("node-b"), new SwimPing(new SwimIncarnation(1, 0), ++sequence, []));
            default:
                now += Duration.FromMillis(700);
                return rig.Wake(now);
        }
    }
}
