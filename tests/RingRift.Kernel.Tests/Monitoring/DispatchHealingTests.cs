using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class DispatchHealingTests
{
    private static readonly NodeId Leader = new("leader");
    private static readonly NodeId Gpu = new("gpu-1");
    private static readonly Instant T0 = new(1_000_000);

    private static readonly ImmutableArray<NodeProfile> Cluster =
    [
        new(Leader, "hetzner", GpuProfile.None, 64, 16, 1000, IsVoter: true, NatBlocked: false, ProxyOnly: false),
        new(Gpu, "lambda", new GpuProfile("H100", 2, 80), 200, 26, 1400, IsVoter: false, NatBlocked: false, ProxyOnly: false),
    ];

    [Fact]
    public void TerminateStuckSelfplay_AfterRebuild_KillsTheLongestRunningAndRetriesIt()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-b"), Spec("sp-a")));
        machine.Tick(T0 + SchedulingConfig.Default.RebuildWindow, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        outbox.Drain(null, null!);

        var healed = machine.TerminateStuckSelfplay(Gpu, T0 + Duration.FromMinutes(10), "stalled");
        machine.OnReport(T0 + Duration.FromMinutes(10), Gpu, Report(2, Spec("sp-a"), Spec("sp-b")));

        // Both adopted at T0: the tie goes to the lower job id.
        Assert.Equal(new JobId("sp-a"), healed);
        var drained = outbox.Drain(null, null!);
        Assert.Contains(drained.Notices, n => n is JobLost { Retried: true } lost && lost.Job == new JobId("sp-a"));
        Assert.Contains(new JobId("sp-a"), drained.Messages.Select(m => m.Message).OfType<JobOrders>().Last().Kill);
    }

    [Fact]
    public void TerminateStuckSelfplay_WhileRebuilding_DoesNothing()
    {
        var (machine, _) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-a")));

        Assert.Null(machine.TerminateStuckSelfplay(Gpu, T0, "stalled"));
        Assert.True(machine.Book.TryGet(new JobId("sp-a"), out var job));
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void TerminateStuckSelfplay_OnlyTrainingRuns_DoesNothing()
    {
        var (machine, _) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("train-1", JobKind.Training)));
        machine.Tick(T0 + SchedulingConfig.Default.RebuildWindow, leading: true, epoch: 1, [], PipelineSnapshot.Empty);

        Assert.Null(machine.TerminateStuckSelfplay(Gpu, T0 + Duration.FromMinutes(10), "stalled"));
    }

    private static JobSpec Spec(string id, JobKind kind = JobKind.Selfplay) => new(new JobId(id), kind, "hex8_2p", 1);

    private static JobReport Report(long sequence, params JobSpec[] running) =>
        new(sequence, 1, GpuHealth.Healthy, 2, [.. running], [], PipelineSnapshot.Empty);

    private static (DispatchMachine Machine, Outbox Outbox) Leading()
    {
        var outbox = new Outbox(64);
        var machine = new DispatchMachine(SchedulingConfig.Default, Leader, Cluster, outbox, new MemoryStore(), new Prng(7));
        machine.Tick(T0, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        return (machine, outbox);
    }

    private sealed class MemoryStore : IDurableStore
    {
        public PersistentState Current { get; private set; } = PersistentState.Empty;
        public void Save(PersistentState next) => Current = next with { Version = Current.Version + 1 };
    }
}
