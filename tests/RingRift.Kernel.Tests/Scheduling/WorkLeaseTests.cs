using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>The worker-side fence: a work lease renewed by answers, and the leader's stretched retry.</summary>
public sealed class WorkLeaseTests
{
    private static readonly SchedulingConfig Config = SchedulingConfig.Default;
    private static readonly Duration W = Config.WorkLease;

    private sealed class Worker
    {
        public readonly Outbox Outbox = new(64);
        public readonly LocalJobsMachine Jobs;
        public readonly JobWorkerMachine Machine;
        private long _orders;

        public Worker()
        {
            Jobs = new LocalJobsMachine(16, Outbox);
            Machine = new JobWorkerMachine(Config, new NodeCapacity(2, 1), Jobs, Outbox, PipelineSnapshot.Empty, incarnation: 1);
        }

        /// <summary>Reports at <paramref name="sentAt"/> and returns the report's sequence.</summary>
        public long Report(Instant sentAt)
        {
            Machine.Tick(sentAt, Leader, 1, GpuHealth.Healthy);
            return Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single().Sequence;
        }

        public Ready Answer(Instant at, long answers, params JobSpec[] assign)
        {
            Machine.OnOrders(at, Leader, new JobOrders(1, [.. assign], [], [], PipelineSnapshot.Empty, answers, ++_orders), GpuHealth.Healthy);
            return Outbox.Drain(null, null!);
        }
    }

    [Fact]
    public void Worker_SilentLeaderBeyondWorkLease_TerminatesItsJobs()
    {
        var worker = new Worker();
        worker.Answer(T0 + Duration.FromSeconds(1), worker.Report(T0), Selfplay("sp-1"));

        worker.Machine.Fence(T0 + W - Duration.FromMicros(1));
        var before = worker.Outbox.Drain(null, null!);
        worker.Machine.Fence(T0 + W);
        var after = worker.Outbox.Drain(null, null!);

        Assert.Empty(before.Effects);
        Assert.Equal(new JobId("sp-1"), after.Effects.OfType<Terminate>().Single().Job);
        Assert.Contains(after.Notices, n => n is WorkLeaseLapsed { Jobs: 1 });
        Assert.Equal(T0 + W, worker.Machine.LeaseUntil);
    }

    [Fact]
    public void Worker_LateAnswer_RenewsFromTheReportsSendingNotTheArrival()
    {
        var worker = new Worker();
        var sequence = worker.Report(T0);

        worker.Answer(T0 + Duration.FromSeconds(50), sequence, Selfplay("sp-1"));

        Assert.Equal(T0 + W, worker.Machine.LeaseUntil);
    }

    [Fact]
    public void Worker_PushedOrdersWithoutLease_NeverStartTheJob()
    {
        var worker = new Worker();

        worker.Answer(T0, answers: 0, Selfplay("sp-1"));
        worker.Machine.Tick(T0, Leader, 1, GpuHealth.Healthy);
        var report = worker.Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();

        Assert.Equal(0, worker.Jobs.RunningCount);
        Assert.Equal(JobOutcome.NeverStarted, report.Results.Single().Outcome);
    }

    [Fact]
    public void Worker_JobEndingAfterLeaseLapsed_IsReportedFencedNeverSucceeded()
    {
        // A paused worker resumes: the fence runs first, then the success that arrived during the pause.
        var worker = new Worker();
        var ready = worker.Answer(T0, worker.Report(T0), Selfplay("sp-1"));
        var launch = ready.Effects.OfType<Launch>().Single();

        var resumed = T0 + W + Duration.FromSeconds(30);
        worker.Machine.Fence(resumed);
        var exited = new ProcessExited(0, false, "") { Output = 500 };
        worker.Jobs.OnCompleted(launch.Id, exited, out var ended);
        worker.Machine.OnJobEnded(ended!, exited);
        worker.Machine.Tick(resumed, Leader, 1, GpuHealth.Healthy);
        var report = worker.Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();

        var result = report.Results.Single();
        Assert.Equal((JobOutcome.Fenced, 0L), (result.Outcome, result.Output));
    }

    [Fact]
    public void Worker_SelfplayKilledWithinLease_ReportsTheGamesItWroteWithItsFailedEnd()
    {
        var worker = new Worker();
        var ready = worker.Answer(T0, worker.Report(T0), Selfplay("sp-1"));
        var launch = ready.Effects.OfType<Launch>().Single();

        var killed = new ProcessExited(137, true, "terminated") { Output = 120 };
        worker.Jobs.OnCompleted(launch.Id, killed, out var ended);
        worker.Machine.OnJobEnded(ended!, killed);
        worker.Machine.Tick(T0 + Duration.FromSeconds(1), Leader, 1, GpuHealth.Healthy);
        var report = worker.Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();

        var result = report.Results.Single();
        Assert.Equal((JobOutcome.Failed, 120L), (result.Outcome, result.Output));
    }

    [Fact]
    public void Worker_LaunchWithinLease_CarriesTheLeaseEndAsKillDeadline()
    {
        var worker = new Worker();

        var ready = worker.Answer(T0 + Duration.FromSeconds(1), worker.Report(T0), Selfplay("sp-1"));

        Assert.Equal(T0 + W, ready.Effects.OfType<Launch>().Single().LeaseEnd);
    }

    [Fact]
    public void Worker_RenewalWhileHoldingJobs_ExtendsTheirKillDeadlineToTheNewLeaseEnd()
    {
        var worker = new Worker();
        worker.Answer(T0, worker.Report(T0), Selfplay("sp-1"));
        var renewedFrom = T0 + Duration.FromSeconds(10);

        var ready = worker.Answer(renewedFrom + Duration.FromSeconds(1), worker.Report(renewedFrom));

        Assert.Equal(renewedFrom + W, ready.Effects.OfType<ExtendJobLeases>().Single().Until);
        Assert.Equal(renewedFrom + W, worker.Machine.LeaseUntil);
    }

    [Fact]
    public void Worker_RenewalWithoutJobs_ExtendsNothing()
    {
        var worker = new Worker();

        var ready = worker.Answer(T0 + Duration.FromSeconds(1), worker.Report(T0));

        Assert.Equal(T0 + W, worker.Machine.LeaseUntil);
        Assert.Empty(ready.Effects);
    }

    [Fact]
    public void Worker_RenewalAfterLeaseLapsed_ExtendsNoFencedJob()
    {
        var worker = new Worker();
        worker.Answer(T0, worker.Report(T0), Selfplay("sp-1"));
        var resumed = T0 + W + Duration.FromSeconds(30);

        worker.Machine.Fence(resumed);
        var fenced = worker.Outbox.Drain(null, null!);
        var sequence = worker.Report(resumed);
        var ready = worker.Answer(resumed + Duration.FromSeconds(1), sequence);

        Assert.Equal(new JobId("sp-1"), fenced.Effects.OfType<Terminate>().Single().Job);
        Assert.Equal(resumed + W, worker.Machine.LeaseUntil);
        Assert.Empty(ready.Effects.OfType<ExtendJobLeases>());
    }

    [Fact]
    public void Jobs_LeaseExtensionCompleted_IsTheirsAndEndsNoJob()
    {
        var worker = new Worker();
        worker.Answer(T0, worker.Report(T0), Selfplay("sp-1"));
        var extend = worker.Answer(T0 + Duration.FromSeconds(11), worker.Report(T0 + Duration.FromSeconds(10)))
            .Effects.OfType<ExtendJobLeases>().Single();

        var handled = worker.Jobs.OnCompleted(extend.Id, JobLeasesExtended.Instance, out var ended);

        Assert.True(handled);
        Assert.Null(ended);
        Assert.Equal(1, worker.Jobs.RunningCount);
    }

    [Fact]
    public void Leader_SilentWorker_RetriesOnlyAfterStretchedLease()
    {
        var outbox = new Outbox(256);
        var leader = new DispatchMachine(Config, Leader, Profiles, outbox, new MemoryStore(), new Prng(7), driftBoundPpm: 500);
        leader.Tick(T0, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        leader.OnReport(T0, Gpu, new JobReport(1, 1, GpuHealth.Healthy, 2, [Selfplay("sp-0-1")], [], PipelineSnapshot.Empty));
        var silence = Config.RetryAfterSilence(500);
        var job = new JobId("sp-0-1");

        leader.Tick(T0 + silence - Duration.FromMicros(1), leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        Assert.True(leader.Book.TryGet(job, out var held));
        var stateBefore = held.State;
        leader.Tick(T0 + silence + Config.PlanInterval, leading: true, epoch: 1, [], PipelineSnapshot.Empty);

        Assert.Equal(JobState.Running, stateBefore);
        Assert.Equal(Duration.FromMicros(120_090_046), silence);
        Assert.True(leader.Book.TryGet(job, out var after));
        Assert.NotEqual(Gpu, after.Node);
        Assert.Equal(1, leader.Book.Retried);
    }

    [Fact]
    public void Leader_FencedResultWhileStillHeld_RetriesTheJob()
    {
        var outbox = new Outbox(256);
        var leader = new DispatchMachine(Config, Leader, Profiles, outbox, new MemoryStore(), new Prng(7), driftBoundPpm: 500);
        leader.Tick(T0, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        leader.OnReport(T0, Gpu, new JobReport(1, 1, GpuHealth.Healthy, 2, [Selfplay("sp-0-1")], [], PipelineSnapshot.Empty));

        var fenced = new JobResult(Selfplay("sp-0-1"), JobOutcome.Fenced, 0, "work lease lapsed");
        leader.OnReport(T0 + Duration.FromSeconds(100), Gpu, new JobReport(2, 1, GpuHealth.Healthy, 2, [], [fenced], PipelineSnapshot.Empty));

        Assert.Equal((1L, 0L), (leader.Book.Retried, leader.Book.Completed));
        Assert.Contains(outbox.Drain(null, null!).Notices, n => n is JobLost { Retried: true });
    }

    [Fact]
    public void Validate_MarginBelowClockStepPlusKillLatency_IsRejected()
    {
        var config = Config with { WorkLeaseMargin = Duration.FromSeconds(3) };

        var errors = config.ValidateFence(clockStepMax: Duration.FromSeconds(2));

        Assert.Contains(errors, e => e.StartsWith("work_lease_margin (", System.StringComparison.Ordinal));
        Assert.Empty(Config.ValidateFence(Duration.FromSeconds(2)));
    }

    [Fact]
    public void Validate_WorkLeaseShorterThanThreeReports_IsRejected()
    {
        var errors = (Config with { WorkLease = Duration.FromSeconds(25) }).ValidateFence(Duration.FromSeconds(2));

        Assert.Contains(errors, e => e.StartsWith("work_lease (", System.StringComparison.Ordinal));
    }
}
