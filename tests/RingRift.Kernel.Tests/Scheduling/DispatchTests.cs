using System;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling;

public sealed class DispatchTests
{
    private static readonly NodeId Leader = new("leader");
    private static readonly NodeId Gpu = new("gpu-1");
    private static readonly Instant T0 = new(1_000_000);

    private static readonly ImmutableArray<NodeProfile> Cluster =
    [
        new(Leader, "hetzner", GpuProfile.None, 64, 16, 1000, IsVoter: true, NatBlocked: false, ProxyOnly: false),
        new(Gpu, "lambda", new GpuProfile("H100", 2, 80), 200, 26, 1400, IsVoter: false, NatBlocked: false, ProxyOnly: false),
    ];

    private sealed class MemoryStore : IDurableStore
    {
        public PersistentState Current { get; private set; } = PersistentState.Empty;
        public void Save(PersistentState next) => Current = next with { Version = Current.Version + 1 };
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

    private static JobOrders LastOrders(Outbox outbox) =>
        outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobOrders>().Last();

    [Fact]
    public void OnReport_DuringRebuild_AdoptsRunningJobsAndAssignsNothing()
    {
        var (machine, outbox) = Leading();

        machine.OnReport(T0, Gpu, Report(1, Spec("sp-0-1")));

        Assert.True(machine.IsRebuilding);
        Assert.True(machine.Book.TryGet(new JobId("sp-0-1"), out var job));
        Assert.Equal(JobState.Running, job.State);
        Assert.DoesNotContain(outbox.Drain(null, null!).Messages, m => m.Message is JobOrders { Assign.Length: > 0 });
    }

    [Fact]
    public void Plan_AfterRebuild_PushesOnlyTheFreeSlotsWithTheLeadersEpoch()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-0-1")));
        outbox.Drain(null, null!);

        machine.Tick(T0 + Duration.FromSeconds(30), leading: true, epoch: 1, [], PipelineSnapshot.Empty);

        var orders = LastOrders(outbox);
        Assert.Equal(1, orders.Epoch);
        Assert.Equal(SchedulingConfig.Default.SlotsFor(Cluster[1]) - 1, orders.Assign.Length);
        Assert.Equal(0, machine.Book.FreeSlots(Gpu));
    }

    [Fact]
    public void OnReport_HungGpuWithAJobThatEndedNormally_CompletesItAndLosesOnlyTheOneStillRunning()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-0-1"), Spec("sp-0-2")));
        outbox.Drain(null, null!);
        var ended = new JobResult(Spec("sp-0-1"), JobOutcome.Succeeded, 40, "");

        machine.OnReport(T0 + Duration.FromSeconds(10), Gpu,
            new JobReport(2, 1, GpuHealth.Hung, 2, [Spec("sp-0-2")], [ended], PipelineSnapshot.Empty));

        var notices = outbox.Drain(null, null!).Notices;
        Assert.Contains(notices, n => n is JobEnded { Job.Value: "sp-0-1", Succeeded: true });
        Assert.Equal(["sp-0-2"], notices.OfType<JobLost>().Select(l => l.Job.Value));
        Assert.Equal(40, machine.PipelineOf(ConfigKeys.IndexOf("hex8_2p")).Games);
    }

    [Fact]
    public void OnReport_OlderSequence_IsIgnored()
    {
        var (machine, _) = Leading();
        machine.OnReport(T0, Gpu, Report(5, Spec("sp-0-1")));

        machine.OnReport(T0, Gpu, Report(4));

        Assert.True(machine.Book.TryGet(new JobId("sp-0-1"), out var job));
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void OnReport_HungGpu_KillsItsJobsAndRetriesThem()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-0-1")));
        outbox.Drain(null, null!);

        machine.OnReport(T0, Gpu, Report(2, Spec("sp-0-1")) with { Gpu = GpuHealth.Hung });

        Assert.Equal([new JobId("sp-0-1")], LastOrders(outbox).Kill.AsEnumerable());
        Assert.True(machine.Book.TryGet(new JobId("sp-0-1"), out var job));
        Assert.Equal(JobState.Pending, job.State);
    }

    [Fact]
    public void OnReport_HungGpu_JobLostNamesTheEpochOfTheBookHoldingTheRetry()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1, Spec("sp-0-1")));
        outbox.Drain(null, null!);

        machine.OnReport(T0, Gpu, Report(2, Spec("sp-0-1")) with { Gpu = GpuHealth.Hung });

        var lost = outbox.Drain(null, null!).Notices.OfType<JobLost>().Single();
        Assert.Equal((new JobId("sp-0-1"), true, 1L), (lost.Job, lost.Retried, lost.Epoch));
    }

    /// <summary>A leader that rebuilt from the worker's empty report, then pushed it orders with one assignment.</summary>
    private static (DispatchMachine Machine, Outbox Outbox, JobOrders Orders) AssignedAfterRebuild()
    {
        var (machine, outbox) = Leading();
        machine.OnReport(T0, Gpu, Report(1));
        machine.Tick(T0 + Duration.FromSeconds(30), leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        return (machine, outbox, LastOrders(outbox));
    }

    [Fact]
    public void OnReport_HungGpuBeforeTheWorkerAppliedItsOrders_AssignmentHeldThenLostOnceItRuns()
    {
        var (machine, outbox, orders) = AssignedAfterRebuild();
        var assigned = orders.Assign[0];
        Assert.True(machine.Book.TryGet(assigned.Id, out var job));

        // The report was sent before the orders arrived: the worker may still launch the assignment.
        machine.OnReport(T0 + Duration.FromSeconds(31), Gpu, Report(2) with { Gpu = GpuHealth.Hung, OrdersSeen = orders.Sequence - 1 });
        var held = (job.State, job.Node);
        outbox.Drain(null, null!);
        machine.OnReport(T0 + Duration.FromSeconds(32), Gpu, Report(3, assigned) with { Gpu = GpuHealth.Hung, OrdersSeen = orders.Sequence });

        Assert.Equal((JobState.Assigned, (NodeId?)Gpu), held);
        var lost = outbox.Drain(null, null!).Notices.OfType<JobLost>().Single();
        Assert.Equal((assigned.Id, true, 1), (lost.Job, lost.Retried, job.Attempts));
    }

    [Fact]
    public void OnReport_FencedEndOfAJobStillAssigned_IsLostAndRetried()
    {
        var (machine, outbox, orders) = AssignedAfterRebuild();
        var assigned = orders.Assign[0];

        // The worker launched it, then fenced it before any report showed it running.
        var fenced = new JobResult(assigned, JobOutcome.Fenced, 0, "work lease lapsed");
        machine.OnReport(T0 + Duration.FromSeconds(31), Gpu, Report(2) with { Results = [fenced], OrdersSeen = orders.Sequence });

        var lost = outbox.Drain(null, null!).Notices.OfType<JobLost>().Single();
        Assert.Equal((assigned.Id, true), (lost.Job, lost.Retried));
    }

    [Fact]
    public void Successor_AfterRebuild_DerivesSelfplayDemandForEverySlotAgain()
    {
        var (deposed, _) = Leading();
        deposed.Tick(T0 + Duration.FromSeconds(30), leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        deposed.Tick(T0 + Duration.FromSeconds(31), leading: false, epoch: 1, [], PipelineSnapshot.Empty);
        var successor = new DispatchMachine(SchedulingConfig.Default, Leader, Cluster, new Outbox(64), new MemoryStore(), new Prng(9));

        successor.Tick(T0 + Duration.FromSeconds(40), leading: true, epoch: 2, [], PipelineSnapshot.Empty);
        successor.Tick(T0 + Duration.FromSeconds(70), leading: true, epoch: 2, [], PipelineSnapshot.Empty);

        Assert.Equal(0, deposed.Book.LiveCount);
        Assert.Equal(SchedulingConfig.Default.SlotsFor(Cluster[1]), successor.Book.PendingCount);
    }

    [Fact]
    public void Worker_OrdersFromAnOlderEpoch_AreRefused()
    {
        var outbox = new Outbox(64);
        var jobs = new LocalJobsMachine(16, outbox);
        var worker = new JobWorkerMachine(SchedulingConfig.Default, new NodeCapacity(2, 1), jobs, outbox, PipelineSnapshot.Empty, incarnation: 1);
        worker.Tick(T0, Leader, leaderEpoch: 3, GpuHealth.Healthy);

        worker.OnOrders(T0, Leader, new JobOrders(2, [Spec("sp-2-1")], [], [], PipelineSnapshot.Empty), GpuHealth.Healthy);

        Assert.Equal(0, jobs.RunningCount);
        Assert.Contains(outbox.Drain(null, null!).Notices, n => n is OrdersRefused { Epoch: 2 });
    }

    [Fact]
    public void Worker_ResultsReportedUntilAcknowledged()
    {
        var outbox = new Outbox(64);
        var jobs = new LocalJobsMachine(16, outbox);
        var worker = new JobWorkerMachine(SchedulingConfig.Default, new NodeCapacity(2, 1), jobs, outbox, PipelineSnapshot.Empty, incarnation: 1);
        worker.Tick(T0, Leader, 1, GpuHealth.Healthy);
        var first = (JobReport)outbox.Drain(null, null!).Messages.Single().Message;
        worker.OnOrders(T0, Leader, new JobOrders(1, [Spec("sp-1-1")], [], [], PipelineSnapshot.Empty, first.Sequence, Sequence: 1), GpuHealth.Healthy);
        var launch = outbox.Drain(null, null!).Effects.OfType<Launch>().Single();
        jobs.OnCompleted(launch.Id, new ProcessExited(0, false, "") { Output = 42 }, out var ended);
        worker.OnJobEnded(ended!, new ProcessExited(0, false, "") { Output = 42 });

        worker.Tick(T0 + SchedulingConfig.Default.ReportInterval, Leader, 1, GpuHealth.Healthy);
        var report = (JobReport)outbox.Drain(null, null!).Messages.Single().Message;
        worker.OnOrders(T0, Leader, new JobOrders(1, [], [], [new JobId("sp-1-1")], PipelineSnapshot.Empty), GpuHealth.Healthy);

        Assert.Equal(42, report.Results.Single().Output);
        Assert.Equal(0, worker.UnacknowledgedResults);
    }

    [Fact]
    public void JobMessages_EncodeThenDecode_RoundTrip()
    {
        var snapshot = new PipelineSnapshot(2, 9, [ConfigPipeline.Start with { Games = 700, Promoted = 3, Elo = 1350 }]);
        var report = new JobReport(7, 2, GpuHealth.Hung, 8, [Spec("sp-1"), Spec("train-hex8_2p-g1-e2-3", JobKind.Training)],
            [new JobResult(Spec("sp-0"), JobOutcome.Failed, 0, "exit 1: CUDA error")], snapshot, OrdersSeen: 33);
        var orders = new JobOrders(2, [Spec("sp-2")], [new JobId("sp-1")], [new JobId("sp-0")], snapshot, Answers: 12, Sequence: 11);

        var decodedReport = (JobReport)Decode(Encode(report));
        var decodedOrders = (JobOrders)Decode(Encode(orders));

        Assert.Equal(report.Running.AsEnumerable(), decodedReport.Running.AsEnumerable());
        Assert.Equal(report.Results.AsEnumerable(), decodedReport.Results.AsEnumerable());
        Assert.Equal(snapshot.Configs.AsEnumerable(), decodedReport.Pipeline.Configs.AsEnumerable());
        Assert.Equal((7L, 2L, GpuHealth.Hung, 8), (decodedReport.Sequence, decodedReport.Epoch, decodedReport.Gpu, decodedReport.Slots));
        Assert.Equal(33, decodedReport.OrdersSeen);
        Assert.Equal(orders.Assign.AsEnumerable(), decodedOrders.Assign.AsEnumerable());
        Assert.Equal(orders.Kill.AsEnumerable(), decodedOrders.Kill.AsEnumerable());
        Assert.Equal(orders.Acknowledged.AsEnumerable(), decodedOrders.Acknowledged.AsEnumerable());
        Assert.Equal((12L, 11L), (decodedOrders.Answers, decodedOrders.Sequence));
    }

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }

    private static Message Decode(byte[] bytes) =>
        MessageCodec.TryDecode(bytes, out var message, out var error) ? message! : throw new InvalidOperationException(error);
}
