using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Tests.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// Selfplay that began before its config's promotion is stopped by the leader once the promotion is
/// <see cref="DispatchMachine.StopStaleSelfplayAfter"/> old, while the sync rule would not place it on its
/// node. The worker plays sync rig node "c"; the rule is the sync leader's own (<see cref="SyncModelRuleTests"/>).
/// </summary>
public sealed class StaleSelfplayStopTests
{
    private static readonly Duration StopAfter = Duration.FromMinutes(10);
    private static readonly JobSpec Running = Selfplay("sp-0-1");

    /// <summary>hex8_2p has promoted generation 2 (the rig's model path), trained, evaluated and distributed.</summary>
    private static readonly PipelineSnapshot Promoted = new(1, 1, [.. Enumerable.Range(0, ConfigKeys.Count).Select(c =>
        ConfigKeys.Key(c) == "hex8_2p" ? ConfigPipeline.Start with { Candidate = 2, Evaluated = 2, Promoted = 2, Distributed = 2 } : ConfigPipeline.Start)]);

    private sealed class Rig
    {
        public readonly Outbox Outbox = new(256);
        public readonly DispatchMachine Machine;
        public SyncRig Sync;
        public Instant Now = T0;

        public Rig(SyncRig sync)
        {
            Sync = sync;
            Machine = new DispatchMachine(SchedulingConfig.Default, Leader, Profiles, Outbox, new MemoryStore(), new Prng(7))
            {
                Admits = (node, job) => node != Gpu || job.Config != Running.Config || Sync[SyncRig.A].MayRunSelfplay(SyncRig.C, SyncModelRuleTests.Path),
                StopStaleSelfplayAfter = StopAfter,
            };
            Tick(T0);
            // This leader first sees the promotion in the pipeline it adopts with the worker's first report.
            Machine.OnReport(T0, Gpu, new JobReport(1, 1, GpuHealth.Healthy, 2, [Running], [], Promoted));
            Tick(T0 + SchedulingConfig.Default.RebuildWindow);
            Outbox.Drain(null, null!);
        }

        public Instant PromotionSeen => T0;

        private long _sequence = 1;

        /// <summary>The worker reports what the book holds on it (as running) and then the leader plans.</summary>
        public void Tick(Instant at)
        {
            Now = at;
            if (_sequence > 1 || at > T0) Report();
            Machine.Tick(at, leading: true, epoch: 1, [], Promoted);
        }

        /// <summary>A report of every job the book holds on the worker, except <paramref name="ended"/>'s, whose result it carries.</summary>
        public void Report(JobResult? ended = null)
        {
            var running = Machine.Book.JobsOn(Gpu).Where(id => id != ended?.Job.Id).Select(id => Machine.Book.TryGet(id, out var job) ? job.Spec : Running);
            Machine.OnReport(Now, Gpu, new JobReport(++_sequence, 1, GpuHealth.Healthy, 2, [.. running], ended is null ? [] : [ended], Promoted));
        }

        /// <summary>The job ids killed in the orders sent since the last call, and the stop notices.</summary>
        public (ImmutableArray<JobId> Killed, ImmutableArray<SelfplayStoppedStale> Stopped) Drain()
        {
            var ready = Outbox.Drain(null, null!);
            var killed = ready.Messages.Select(m => m.Message).OfType<JobOrders>().SelectMany(o => o.Kill).ToImmutableArray();
            return (killed, [.. ready.Notices.OfType<SelfplayStoppedStale>()]);
        }
    }

    [Fact]
    public void ModelOnAnotherLiveNode_KilledOnceThePromotionIsStopAfterOld_NotBefore()
    {
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B));

        rig.Tick(rig.PromotionSeen + StopAfter - SchedulingConfig.Default.PlanInterval);
        var before = rig.Drain();
        rig.Tick(rig.PromotionSeen + StopAfter);
        var after = rig.Drain();

        Assert.Empty(before.Killed);
        Assert.Empty(before.Stopped);
        Assert.Equal(Running.Id, Assert.Single(after.Killed));
        var stopped = Assert.Single(after.Stopped);
        Assert.Equal((Running.Id, Gpu, "hex8_2p", 2L, StopAfter), (stopped.Job, stopped.Node, stopped.Config, stopped.Generation, stopped.ModelAge));
    }

    [Fact]
    public void Killed_IsOrderedOnce_AndItsEndFreesTheSlotForAnotherConfig()
    {
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B));
        rig.Tick(rig.PromotionSeen + StopAfter);
        var first = rig.Drain();

        rig.Tick(rig.Now + SchedulingConfig.Default.PlanInterval);
        var again = rig.Drain();
        var heldWhileRunning = rig.Machine.Book.JobsOn(Gpu).ToArray();
        rig.Report(new JobResult(Running, JobOutcome.Failed, 0, "exit 137: terminated"));
        var refill = rig.Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobOrders>().Single().Assign;

        Assert.Equal(Running.Id, Assert.Single(first.Killed));
        Assert.Empty(again.Killed);
        Assert.Empty(again.Stopped);
        Assert.Contains(Running.Id, heldWhileRunning);
        Assert.DoesNotContain(Running.Id, rig.Machine.Book.JobsOn(Gpu));
        Assert.NotEmpty(refill);
        Assert.All(refill, job => Assert.NotEqual("hex8_2p", job.Config));
    }

    [Fact]
    public void StoppedJobsGamesUntilTheKill_CountOnce()
    {
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B));
        rig.Tick(rig.PromotionSeen + StopAfter);
        var games = rig.Machine.PipelineOf(ConfigKeys.IndexOf(Running.Config)).Games;
        var ended = new JobResult(Running, JobOutcome.Failed, 40, "exit 137: terminated");

        rig.Report(ended);
        rig.Report(ended);

        Assert.Equal(games + 40, rig.Machine.PipelineOf(ConfigKeys.IndexOf(Running.Config)).Games);
    }

    [Fact]
    public void ModelArrivesBeforeTheBound_NotKilled()
    {
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B));

        rig.Sync = SyncModelRuleTests.PlannedWithModelOn(SyncRig.C);
        rig.Tick(rig.PromotionSeen + StopAfter * 2);

        Assert.Empty(rig.Drain().Killed);
        Assert.True(rig.Machine.Book.TryGet(Running.Id, out var job) && job.State == JobState.Running);
    }

    [Fact]
    public void OnlyCopyOnANodeSeenDead_NothingBetterToRun_NotKilled()
    {
        var members = ImmutableArray.Create(
            new MemberView(SyncRig.A, MemberState.Alive, 1), new MemberView(SyncRig.B, MemberState.Dead, 1), new MemberView(SyncRig.C, MemberState.Alive, 1));
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B, members));

        rig.Tick(rig.PromotionSeen + StopAfter * 2);

        var drained = rig.Drain();
        Assert.Empty(drained.Killed);
        Assert.Empty(drained.Stopped);
    }

    [Fact]
    public void NoStopRuleSet_NeverKilled()
    {
        var rig = new Rig(SyncModelRuleTests.PlannedWithModelOn(SyncRig.B));
        rig.Machine.StopStaleSelfplayAfter = null;

        rig.Tick(rig.PromotionSeen + StopAfter * 2);

        Assert.Empty(rig.Drain().Killed);
    }
}
