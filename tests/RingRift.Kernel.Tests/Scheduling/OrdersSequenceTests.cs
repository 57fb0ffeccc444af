using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// Orders are numbered; a worker starts assignments only from orders newer than all it applied, and the
/// leader gives an assignment up as never started only on a report that has seen the orders carrying it.
/// </summary>
public sealed class OrdersSequenceTests
{
    private static readonly SchedulingConfig Config = SchedulingConfig.Default;

    private static JobReport Report(long sequence, long ordersSeen) =>
        new(sequence, 1, GpuHealth.Healthy, 2, [], [], PipelineSnapshot.Empty, ordersSeen);

    /// <summary>A leader past its rebuild that has pushed one assignment to the GPU node; returns its orders.</summary>
    private static (DispatchMachine Leader, Outbox Outbox, JobOrders Orders) Assigned()
    {
        var outbox = new Outbox(64);
        var leader = new DispatchMachine(Config, Leader, Profiles, outbox, new MemoryStore(), new Prng(7));
        leader.Tick(T0, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        leader.OnReport(T0, Gpu, Report(1, 0));
        leader.Tick(T0 + Duration.FromSeconds(30), leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        var orders = outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobOrders>().Last(o => o.Assign.Length > 0);
        return (leader, outbox, orders);
    }

    [Fact]
    public void Leader_AssignmentPastTimeoutNotYetSeen_IsKeptUntilAReportHasSeenItsOrders()
    {
        var (leader, _, orders) = Assigned();
        var job = orders.Assign[0].Id;
        var late = T0 + Duration.FromSeconds(30) + Config.AssignTimeout;

        leader.OnReport(late, Gpu, Report(2, orders.Sequence - 1));
        Assert.True(leader.Book.TryGet(job, out var kept));
        var (stateBefore, sinceBefore) = (kept.State, kept.Since);
        leader.OnReport(late + Duration.FromSeconds(1), Gpu, Report(3, orders.Sequence));

        // Given up, then placed again (the node is free): a new assignment, in newer orders.
        Assert.Equal((JobState.Assigned, T0 + Duration.FromSeconds(30)), (stateBefore, sinceBefore));
        Assert.True(leader.Book.TryGet(job, out var after));
        Assert.Equal(late + Duration.FromSeconds(1), after.Since);
        Assert.True(after.Orders > orders.Sequence);
    }

    [Fact]
    public void Leader_NeverStartedFromANodeNotHoldingTheJob_LeavesTheAssignment()
    {
        var (leader, _, orders) = Assigned();
        var stale = new JobResult(orders.Assign[0], JobOutcome.NeverStarted, 0, "gpu Failed");

        leader.OnReport(T0 + Duration.FromSeconds(31), Leader, Report(1, 0) with { Results = [stale] });

        Assert.True(leader.Book.TryGet(orders.Assign[0].Id, out var job));
        Assert.Equal((JobState.Assigned, (NodeId?)Gpu), (job.State, job.Node));
    }

    [Fact]
    public void Leader_EachOrders_CarryARisingSequence()
    {
        var (leader, outbox, first) = Assigned();

        leader.OnReport(T0 + Duration.FromSeconds(31), Gpu, Report(2, first.Sequence));
        var next = outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobOrders>().Single();

        Assert.True(first.Sequence > 0);
        Assert.True(next.Sequence > first.Sequence);
    }

    private sealed class Worker
    {
        public readonly Outbox Outbox = new(64);
        public readonly LocalJobsMachine Jobs;
        public readonly JobWorkerMachine Machine;
        private readonly long _answers;

        public Worker()
        {
            Jobs = new LocalJobsMachine(16, Outbox);
            Machine = new JobWorkerMachine(Config, new NodeCapacity(4, 1), Jobs, Outbox, PipelineSnapshot.Empty, incarnation: 1);
            Machine.Tick(T0, Leader, 1, GpuHealth.Healthy);
            _answers = Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single().Sequence;
        }

        public void Orders(Instant at, long sequence, params JobSpec[] assign) =>
            Machine.OnOrders(at, Leader, new JobOrders(1, [.. assign], [], [], PipelineSnapshot.Empty, _answers, sequence), GpuHealth.Healthy);

        public JobReport Report(Instant at)
        {
            Machine.Tick(at, Leader, 1, GpuHealth.Healthy);
            return Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();
        }
    }

    [Fact]
    public void Worker_OrdersOvertakenByLaterOnes_AreStillAppliedOnce()
    {
        var worker = new Worker();

        worker.Orders(T0, 2, Selfplay("sp-2"));
        var gap = worker.Report(T0 + Duration.FromSeconds(1)).OrdersSeen;
        worker.Orders(T0 + Duration.FromSeconds(2), 1, Selfplay("sp-1"));
        worker.Orders(T0 + Duration.FromSeconds(2), 1, Selfplay("sp-1b"));
        var report = worker.Report(T0 + Duration.FromSeconds(3));

        Assert.Equal(0, gap);
        Assert.Equal(2, report.OrdersSeen);
        Assert.Equal(["sp-1", "sp-2"], report.Running.Select(j => j.Id.Value));
    }

    [Fact]
    public void Worker_OrdersMissingPastTheWait_AreGivenUpAndRefusedLater()
    {
        var worker = new Worker();
        worker.Orders(T0, 2, Selfplay("sp-2"));

        var passed = worker.Report(T0 + Config.ReportInterval + Duration.FromSeconds(1)).OrdersSeen;
        worker.Orders(T0 + Config.ReportInterval + Duration.FromSeconds(2), 1, Selfplay("sp-1"));

        Assert.Equal(2, passed);
        Assert.False(worker.Jobs.IsRunning(new JobId("sp-1")));
        Assert.True(worker.Jobs.IsRunning(new JobId("sp-2")));
    }

    [Fact]
    public void Worker_KillRepeatedWhileTheJobDies_AsksNothingNewAndDoesNotReportAgain()
    {
        // The leader repeats a kill in every answer until a report no longer lists the job. On the
        // leader's own node the answer comes back at the same instant: a worker that reported again after
        // each repeat never let simulated time advance (the twelve-node swarm's seed 1 spun for minutes).
        var worker = new Worker();
        worker.Orders(T0, 1, Selfplay("sp-1"));
        worker.Report(T0);
        var kill = new JobOrders(1, [], [new JobId("sp-1")], [], PipelineSnapshot.Empty, 0, 2);
        worker.Machine.OnOrders(T0, Leader, kill, GpuHealth.Healthy);
        var first = worker.Report(T0);

        worker.Machine.OnOrders(T0, Leader, kill with { Sequence = 3 }, GpuHealth.Healthy);
        worker.Machine.Tick(T0, Leader, 1, GpuHealth.Healthy);
        var again = worker.Outbox.Drain(null, null!);

        Assert.Equal(["sp-1"], first.Running.Select(j => j.Id.Value));
        Assert.Empty(again.Effects);
        Assert.Empty(again.Messages);
    }

    [Fact]
    public void Worker_AssignmentAwaitingItsJournal_ReportsOrdersSeenShortOfIt()
    {
        var outbox = new Outbox(64);
        var jobs = new LocalJobsMachine(16, outbox);
        var worker = new JobWorkerMachine(Config, new NodeCapacity(2, 1), jobs, outbox, PipelineSnapshot.Empty, incarnation: 1, new MemoryStore());
        worker.Tick(T0, Leader, 1, GpuHealth.Healthy);
        var sent = outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single().Sequence;

        worker.OnOrders(T0, Leader, new JobOrders(1, [], [], [], PipelineSnapshot.Empty, sent, Sequence: 1), GpuHealth.Healthy);
        worker.OnOrders(T0, Leader, new JobOrders(1, [Selfplay("sp-1")], [], [], PipelineSnapshot.Empty, sent, Sequence: 2), GpuHealth.Healthy);
        worker.Tick(T0 + Duration.FromSeconds(1), Leader, 1, GpuHealth.Healthy);
        var report = outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();

        Assert.Equal(1, worker.JournaledCount);
        Assert.Empty(report.Running);
        Assert.Equal(1, report.OrdersSeen);
    }
}
