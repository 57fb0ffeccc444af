using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// The leader counts each lost execution once (one <see cref="JobLost"/>, one attempt), whatever the
/// worker repeats, and counts each completed job's games once in the pipeline.
/// </summary>
public sealed class JobAccountingTests
{
    private static readonly SchedulingConfig Config = SchedulingConfig.Default;
    private static readonly JobId Sp = new("sp-0-1");
    private static readonly Duration Silence = Config.RetryAfterSilence(0);

    private sealed class Leading
    {
        public readonly Outbox Outbox = new(256);
        public readonly DispatchMachine Machine;
        private long _sequence;
        private int _lost;

        public Leading()
        {
            Machine = new DispatchMachine(Config, Leader, Profiles, Outbox, new MemoryStore(), new Prng(7));
            Machine.Tick(T0, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        }

        /// <summary>The JobLost notices emitted so far.</summary>
        public int Lost => Drain().Lost;

        public JobOrders Report(Instant at, ImmutableArray<JobSpec> running, params JobResult[] results) =>
            Report(at, new JobReport(++_sequence, 1, GpuHealth.Healthy, 2, running, [.. results], PipelineSnapshot.Empty));

        public JobOrders Report(Instant at, JobReport report)
        {
            Machine.OnReport(at, Gpu, report with { Sequence = report.Sequence == 0 ? ++_sequence : report.Sequence });
            return Drain().Orders!;
        }

        public JobOrders? Tick(Instant at)
        {
            Machine.Tick(at, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
            return Drain().Orders;
        }

        private (int Lost, JobOrders? Orders) Drain()
        {
            var ready = Outbox.Drain(null, null!);
            _lost += ready.Notices.OfType<JobLost>().Count();
            return (_lost, ready.Messages.Select(m => m.Message).OfType<JobOrders>().LastOrDefault());
        }

        public long GamesOf(JobOrders orders) => orders.Pipeline.Configs[ConfigKeys.IndexOf("hex8_2p")].Games;
    }

    private static JobResult Fenced(string id) => new(Selfplay(id), JobOutcome.Fenced, 0, "work lease lapsed");

    private static JobResult Succeeded(string id, long games) => new(Selfplay(id), JobOutcome.Succeeded, games, "");

    [Fact]
    public void Silence_ThenTheLostExecutionStillReportedThenFenced_CountsOneLossAndOneAttempt()
    {
        var leader = new Leading();
        leader.Report(T0, [Selfplay("sp-0-1")]);
        leader.Tick(T0 + Silence + Config.PlanInterval);

        // The resumed worker's first report still runs it (its fence is killing it), the next one ends it.
        var resumed = T0 + Silence + Duration.FromSeconds(10);
        var orders = leader.Report(resumed, [Selfplay("sp-0-1")]);
        leader.Report(resumed + Duration.FromSeconds(1), [], Fenced("sp-0-1"));

        Assert.Contains(Sp, orders.Kill);
        Assert.DoesNotContain(orders.Assign, spec => spec.Id == Sp);
        Assert.Equal(1, leader.Lost);
        Assert.Equal((1L, 1L), (leader.Machine.Book.Lost, leader.Machine.Book.Retried));
    }

    [Fact]
    public void Silence_ThenTheNodeReportsTheExecutionGone_TheRetryGoesBackThere()
    {
        var leader = new Leading();
        leader.Report(T0, [Selfplay("sp-0-1")]);
        leader.Tick(T0 + Silence + Config.PlanInterval);
        var resumed = T0 + Silence + Duration.FromSeconds(10);
        leader.Report(resumed, [Selfplay("sp-0-1")]);

        var orders = leader.Report(resumed + Duration.FromSeconds(1), [], Fenced("sp-0-1"));

        Assert.Contains(orders.Assign, spec => spec.Id == Sp);
        Assert.True(leader.Machine.Book.TryGet(Sp, out var job));
        Assert.Equal((JobState.Assigned, 1), (job.State, job.Attempts));
    }

    [Fact]
    public void FencedEndOfAnEarlierExecution_WhileTheReportRunsTheJob_LosesNothing()
    {
        var leader = new Leading();
        leader.Report(T0, [Selfplay("sp-0-1")]);

        leader.Report(T0 + Duration.FromSeconds(10), [Selfplay("sp-0-1")], Fenced("sp-0-1"));

        Assert.Equal(0, leader.Lost);
        Assert.True(leader.Machine.Book.TryGet(Sp, out var job));
        Assert.Equal((JobState.Running, 1), (job.State, job.Attempts));
    }

    [Fact]
    public void FencedEnd_BeforeTheWorkerSawTheOrdersOfTheAssignment_LeavesTheAssignment()
    {
        var leader = new Leading();
        leader.Report(T0, []);
        var orders = leader.Tick(T0 + Duration.FromSeconds(30))!;
        var assigned = orders.Assign[0];

        leader.Report(T0 + Duration.FromSeconds(31),
            new JobReport(0, 1, GpuHealth.Healthy, 2, [], [Fenced(assigned.Id.Value)], PipelineSnapshot.Empty, OrdersSeen: orders.Sequence - 1));

        Assert.Equal(0, leader.Lost);
        Assert.True(leader.Machine.Book.TryGet(assigned.Id, out var job));
        Assert.Equal(JobState.Assigned, job.State);
    }

    [Fact]
    public void FencedEnd_OfAnAssignmentTheWorkerLaunched_IsOneLostExecutionAndOneAttempt()
    {
        var leader = new Leading();
        leader.Report(T0, []);
        var orders = leader.Tick(T0 + Duration.FromSeconds(30))!;
        var assigned = orders.Assign[0];

        leader.Report(T0 + Duration.FromSeconds(31),
            new JobReport(0, 1, GpuHealth.Healthy, 2, [], [Fenced(assigned.Id.Value)], PipelineSnapshot.Empty, OrdersSeen: orders.Sequence));

        Assert.Equal(1, leader.Lost);
        Assert.True(leader.Machine.Book.TryGet(assigned.Id, out var job));
        Assert.Equal((1, 1L, 1L), (job.Attempts, leader.Machine.Book.Lost, leader.Machine.Book.Retried));
    }

    [Fact]
    public void CompletionRepeated_CountsItsGamesOnce()
    {
        var leader = new Leading();
        leader.Report(T0, [Selfplay("sp-0-1")]);

        var first = leader.Report(T0 + Duration.FromSeconds(10), [], Succeeded("sp-0-1", 100));
        var repeated = leader.Report(T0 + Duration.FromSeconds(20), [], Succeeded("sp-0-1", 100));

        Assert.Equal((100L, 100L), (leader.GamesOf(first), leader.GamesOf(repeated)));
    }

    [Fact]
    public void CompletionOfALostExecution_AfterItsRetryCompleted_AddsNoGames()
    {
        var leader = new Leading();
        leader.Report(T0, [Selfplay("sp-0-1")]);
        leader.Tick(T0 + Silence + Config.PlanInterval);
        var at = T0 + Silence + Duration.FromSeconds(10);
        leader.Report(at, []);
        leader.Report(at + Duration.FromSeconds(1), [Selfplay("sp-0-1")]);
        var retried = leader.Report(at + Duration.FromSeconds(2), [], Succeeded("sp-0-1", 50));

        var late = leader.Report(at + Duration.FromSeconds(3), [], Succeeded("sp-0-1", 100));

        Assert.Equal((50L, 50L), (leader.GamesOf(retried), leader.GamesOf(late)));
    }
}
