using System.Collections.Generic;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling;

public sealed class JobBookTests
{
    private static readonly NodeId A = new("a");
    private static readonly NodeId B = new("b");
    private static readonly Instant T0 = new(1_000_000);

    private static JobSpec Selfplay(string id) => new(new JobId(id), JobKind.Selfplay, "square8_2p", 1);

    private static JobBook Book(int slotsA = 2, int slotsB = 2)
    {
        var book = new JobBook(JobBookLimits.Default with { JobsMax = 100, AttemptsMax = 2 });
        book.SetCapacity(A, new NodeCapacity(slotsA, 1));
        book.SetCapacity(B, new NodeCapacity(slotsB, 1));
        return book;
    }

    private static JobRecord AssignNext(JobBook book, NodeId node, long epoch = 1)
    {
        var job = book.FirstPending(JobBook.KindBit(JobKind.Selfplay) | JobBook.KindBit(JobKind.Training), 64)!;
        book.Assign(job, node, epoch, T0);
        return job;
    }

    [Fact]
    public void FirstPending_MixedPriorities_HighestFirstThenEnqueueOrder()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        book.TryEnqueue(new JobSpec(new JobId("t1"), JobKind.Training, "hex8_2p", 1), 100, T0);
        book.TryEnqueue(Selfplay("s2"), 50, T0);

        Assert.Equal("t1", AssignNext(book, A).Id.Value);
        Assert.Equal("s1", AssignNext(book, A).Id.Value);
        Assert.Equal("s2", AssignNext(book, B).Id.Value);
    }

    [Fact]
    public void FirstPending_WithAnAdmissionRule_SkipsWhatTheNodeMayNotTakeAndLeavesItForAnother()
    {
        var book = Book();
        book.TryEnqueue(new JobSpec(new JobId("held"), JobKind.Selfplay, "hex8_2p", 1), 60, T0);
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var kinds = JobBook.KindBit(JobKind.Selfplay);
        System.Func<NodeId, JobSpec, bool> admits = (node, job) => node != A || job.Config != "hex8_2p";

        Assert.Equal("s1", book.FirstPending(kinds, 64, admits, A)!.Id.Value);
        Assert.Equal("held", book.FirstPending(kinds, 64, admits, B)!.Id.Value);
    }

    [Fact]
    public void TryEnqueue_KnownOrFinishedId_IsRefused()
    {
        var book = Book();
        Assert.True(book.TryEnqueue(Selfplay("s1"), 50, T0));
        Assert.False(book.TryEnqueue(Selfplay("s1"), 50, T0));
        AssignNext(book, A);
        book.Finish(new JobId("s1"), A, true, "", T0);

        Assert.False(book.TryEnqueue(Selfplay("s1"), 50, T0));
    }

    [Fact]
    public void Assign_ReservesSlots_FreeSlotsNeverNegative()
    {
        var book = Book(slotsA: 2);
        for (var i = 0; i < 3; i++) book.TryEnqueue(Selfplay("s" + i), 50, T0);
        AssignNext(book, A);
        AssignNext(book, A);

        Assert.Equal(0, book.FreeSlots(A));
        Assert.Throws<InvariantViolationException>(() => AssignNext(book, A));
    }

    [Fact]
    public void Finish_Repeated_AppliesOnce()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        AssignNext(book, A);
        book.MarkRunning(new JobId("s1"), A, T0);

        Assert.True(book.Finish(new JobId("s1"), A, true, "", T0));
        Assert.False(book.Finish(new JobId("s1"), A, true, "", T0));
        Assert.Equal(1, book.Completed);
        Assert.Equal(2, book.FreeSlots(A));
    }

    [Fact]
    public void Finish_FromNodeNotHoldingTheJob_IsRefused()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        AssignNext(book, A);

        Assert.False(book.Finish(new JobId("s1"), B, true, "", T0));
        Assert.Equal(1, book.AssignedCount);
    }

    [Fact]
    public void Release_NeverStarted_BackToPendingWithoutUsingAnAttempt()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);

        book.Release(job.Id, "refused", T0, T0 + Duration.FromSeconds(30));

        Assert.Equal(JobState.Pending, job.State);
        Assert.Equal(0, job.Attempts);
        Assert.True(book.InCooldown(A, T0 + Duration.FromSeconds(29)));
        Assert.False(book.InCooldown(A, T0 + Duration.FromSeconds(30)));
    }

    [Fact]
    public void MarkLost_AttemptsLeft_RetriedThenFailedWhenOut()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);
        book.MarkRunning(job.Id, A, T0);

        book.MarkLost(job.Id, "gone", T0);
        Assert.Equal(JobState.Pending, job.State);
        AssignNext(book, B);
        book.MarkRunning(job.Id, B, T0);
        book.MarkLost(job.Id, "gone again", T0);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(2, book.Lost);
        Assert.Equal(1, book.Retried);
        Assert.True(book.HasFinished(job.Id));
    }

    [Fact]
    public void Reconcile_RunningJobMissingFromReport_IsLost()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        book.TryEnqueue(Selfplay("s2"), 50, T0);
        var running = AssignNext(book, A);
        var assigned = AssignNext(book, A);
        book.MarkRunning(running.Id, A, T0);
        var lost = new List<JobId>();

        book.Reconcile(A, [], ordersSeen: 0, T0 + Duration.FromSeconds(10), Duration.FromSeconds(60), lost);

        Assert.Equal([running.Id], lost);
        Assert.Equal(JobState.Pending, running.State);
        Assert.Equal(JobState.Assigned, assigned.State);
    }

    [Fact]
    public void Reconcile_AssignedPastTimeout_ReleasedWithoutAttempt()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);

        book.Reconcile(A, [], ordersSeen: 0, T0 + Duration.FromSeconds(60), Duration.FromSeconds(60), new List<JobId>());

        Assert.Equal(JobState.Pending, job.State);
        Assert.Equal(0, job.Attempts);
    }

    [Fact]
    public void Reconcile_AssignedPastTimeoutItsOrdersNotSeen_StaysAssigned()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);
        book.SentIn(job.Id, orders: 9);

        book.Reconcile(A, [], ordersSeen: 8, T0 + Duration.FromSeconds(61), Duration.FromSeconds(60), new List<JobId>());

        Assert.Equal(JobState.Assigned, job.State);
    }

    [Fact]
    public void Adopt_UnknownRunningJob_TakenInAndCountedAsAnAttempt()
    {
        var book = Book();

        Assert.True(book.Adopt(Selfplay("old"), A, 2, T0));

        Assert.True(book.TryGet(new JobId("old"), out var job));
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, book.FreeSlots(A));
    }

    [Fact]
    public void Adopt_JobHeldOnAnotherNode_IsRefused()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        AssignNext(book, A);

        Assert.False(book.Adopt(Selfplay("s1"), B, 1, T0));
        Assert.Equal(0, book.HeldBy(B));
    }

    [Fact]
    public void NodeDown_RunningLostAndAssignedReleased()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        book.TryEnqueue(Selfplay("s2"), 50, T0);
        var running = AssignNext(book, A);
        var assigned = AssignNext(book, A);
        book.MarkRunning(running.Id, A, T0);
        var lost = new List<JobId>();

        book.NodeDown(A, T0, lost);

        Assert.Equal([running.Id], lost);
        Assert.Equal(2, book.PendingCount);
        Assert.Equal(0, assigned.Attempts);
        Assert.Equal(0, book.HeldBy(A));
    }

    [Theory]
    [InlineData(8, false, JobState.Assigned, 0)]
    [InlineData(9, true, JobState.Pending, 1)]
    [InlineData(9, false, JobState.Pending, 0)]
    public void Quarantine_Assignment_HeldWhileItsOrdersMayApplyLostIfRunningReleasedIfNeverStarted(
        long ordersSeen, bool reportedRunning, JobState expected, int attempts)
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);
        book.SentIn(job.Id, orders: 9);
        var lost = new List<JobId>();

        book.Quarantine(A, reportedRunning ? [job.Id] : [], ordersSeen, T0, lost);

        Assert.Equal((expected, attempts, attempts), (job.State, lost.Count, job.Attempts));
    }

    /// <summary>A book whose one job ran on A, then A went down (the execution declared lost, retried).</summary>
    private static (JobBook Book, JobRecord Job) RunningOnAThenNodeDown()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);
        book.MarkRunning(job.Id, A, T0);
        book.NodeDown(A, T0, new List<JobId>());
        return (book, job);
    }

    [Fact]
    public void NodeDown_ExecutionStillReportedThere_NeitherAdoptedBackNorPlacedThereUntilReportedGone()
    {
        var (book, job) = RunningOnAThenNodeDown();
        var kinds = JobBook.KindBit(JobKind.Selfplay);

        var adopted = book.Adopt(Selfplay("s1"), A, 1, T0);
        book.Reconcile(A, [job.Id], ordersSeen: 0, T0, Duration.FromSeconds(60), new List<JobId>());
        var whileReported = (book.FirstPending(kinds, 64, null, A), book.FirstPending(kinds, 64, null, B));
        book.Reconcile(A, [], ordersSeen: 0, T0, Duration.FromSeconds(60), new List<JobId>());

        Assert.False(adopted);
        Assert.Equal((null, job), whileReported);
        Assert.Same(job, book.FirstPending(kinds, 64, null, A));
        Assert.Equal((1, 1L), (job.Attempts, book.Lost));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HoldUntilGone_QuarantinedNodesJob_PlacedNowhereUntilReportedGoneOrFenced(bool reportedGone)
    {
        var (book, job) = RunningOnAThenNodeDown();
        var kinds = JobBook.KindBit(JobKind.Selfplay);
        book.HoldUntilGone(A);

        var held = book.FirstPending(kinds, 64, null, B);
        if (reportedGone) book.Reconcile(A, [], ordersSeen: 0, T0, Duration.FromSeconds(60), new List<JobId>());
        else book.Fenced(A);

        Assert.Null(held);
        Assert.Same(job, book.FirstPending(kinds, 64, null, B));
        Assert.Equal(0, book.AwaitingGoneOn(A));
    }

    [Fact]
    public void Reap_RunningPastCap_FailedAndListed()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var job = AssignNext(book, A);
        book.MarkRunning(job.Id, A, T0);
        var overdue = new List<(JobId, NodeId)>();

        book.Reap(T0 + Duration.FromMinutes(46), SchedulingConfig.Default.CapOf, overdue);

        Assert.Equal([(job.Id, A)], overdue);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(0, book.LiveCount);
    }

    [Fact]
    public void Enqueue_BeyondJobsMax_IsRefused()
    {
        var book = new JobBook(JobBookLimits.Default with { JobsMax = 2 });

        Assert.True(book.TryEnqueue(Selfplay("1"), 1, T0));
        Assert.True(book.TryEnqueue(Selfplay("2"), 1, T0));
        Assert.False(book.TryEnqueue(Selfplay("3"), 1, T0));
    }
}
