using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>The book counts slots, not jobs: a training holds a whole GPU's share of its node's (<see cref="NodeCapacity"/>).</summary>
public sealed class JobBookSlotsTests
{
    private static readonly NodeId H100 = new("h100");
    private static readonly Instant T0 = new(1_000_000);
    private static readonly int AnyKind = JobBook.KindBit(JobKind.Selfplay) | JobBook.KindBit(JobKind.Training) | JobBook.KindBit(JobKind.Gauntlet);

    private static JobSpec Selfplay(string id) => new(new JobId(id), JobKind.Selfplay, "square8_2p", 1);

    private static JobSpec Training(string id) => new(new JobId(id), JobKind.Training, "hex8_2p", 1);

    /// <summary>A book with one node of one H100: 4 slots, 4 per GPU.</summary>
    private static JobBook Book()
    {
        var book = new JobBook(JobBookLimits.Default with { JobsMax = 100, AttemptsMax = 2 });
        book.SetCapacity(H100, new NodeCapacity(4, 4));
        return book;
    }

    private static JobRecord Assign(JobBook book, JobSpec spec)
    {
        book.TryEnqueue(spec, spec.Kind == JobKind.Training ? 100 : 50, T0);
        Assert.True(book.TryGet(spec.Id, out var job));
        book.Assign(job, H100, 1, T0);
        return job;
    }

    private static JobRecord Running(JobBook book, JobSpec spec)
    {
        var job = Assign(book, spec);
        book.MarkRunning(spec.Id, H100, T0);
        return job;
    }

    [Fact]
    public void Assign_TrainingOnAFourSlotGpu_TakesAllFourSlots()
    {
        var book = Book();

        var training = Assign(book, Training("t1"));

        Assert.Equal((4, 0), (training.SlotsHeld, book.FreeSlots(H100)));
        Assert.Equal(1, book.HeldBy(H100));
    }

    [Fact]
    public void FirstPending_TrainingWithThreeSlotsFree_PassedOverForTheSelfplayBehindIt()
    {
        var book = Book();
        Running(book, Selfplay("s0"));
        book.TryEnqueue(Training("t1"), 100, T0);
        book.TryEnqueue(Selfplay("s1"), 50, T0);

        var first = book.FirstPending(AnyKind, 64, null, H100);

        Assert.Equal("s1", first?.Id.Value);
    }

    [Fact]
    public void FirstPending_TrainingWithAWholeGpuFree_ComesFirst()
    {
        var book = Book();
        book.TryEnqueue(Training("t1"), 100, T0);
        book.TryEnqueue(Selfplay("s1"), 50, T0);

        Assert.Equal("t1", book.FirstPending(AnyKind, 64, null, H100)?.Id.Value);
    }

    [Fact]
    public void Assign_TrainingThatDoesNotFit_IsAnInvariantViolation()
    {
        var book = Book();
        Running(book, Selfplay("s0"));

        Assert.Throws<InvariantViolationException>(() => Assign(book, Training("t1")));
        Assert.Equal(3, book.FreeSlots(H100));
    }

    [Fact]
    public void Release_AssignedTraining_FreesAllItsSlots()
    {
        var book = Book();
        var training = Assign(book, Training("t1"));

        Assert.True(book.Release(training.Id, "refused", T0, T0));

        Assert.Equal((4, 0), (book.FreeSlots(H100), training.SlotsHeld));
        Assert.Equal(0, book.HeldOfKind(JobKind.Training));
    }

    [Fact]
    public void MarkLost_RunningTraining_FreesAllItsSlots()
    {
        var book = Book();
        var training = Running(book, Training("t1"));

        Assert.True(book.MarkLost(training.Id, "gone", T0));

        Assert.Equal(JobState.Pending, training.State);
        Assert.Equal(4, book.FreeSlots(H100));
        Assert.Equal(0, book.HeldOfKind(JobKind.Training));
    }

    [Fact]
    public void Finish_RunningTraining_FreesAllItsSlots()
    {
        var book = Book();
        Running(book, Training("t1"));

        Assert.True(book.Finish(new JobId("t1"), H100, true, "", T0));

        Assert.Equal(4, book.FreeSlots(H100));
        Assert.Equal(0, book.HeldOfKind(JobKind.Training));
    }

    [Fact]
    public void HeldOfKind_CountsJobs_FreeSlotsCountTheirSlots()
    {
        var book = new JobBook(JobBookLimits.Default with { JobsMax = 100 });
        book.SetCapacity(H100, new NodeCapacity(8, 4));
        Running(book, Training("t1"));
        Running(book, Selfplay("s1"));
        Assign(book, Selfplay("s2"));

        Assert.Equal((1, 2), (book.HeldOfKind(JobKind.Training), book.HeldOfKind(JobKind.Selfplay)));
        Assert.Equal(2, book.FreeSlots(H100));
    }

    [Fact]
    public void Adopt_TrainingWithoutAGpusFreeSlots_IsRefused()
    {
        var book = Book();
        Running(book, Selfplay("s0"));

        var adopted = book.Adopt(Training("t-old"), H100, 1, T0);

        Assert.False(adopted);
        Assert.False(book.TryGet(new JobId("t-old"), out _));
        Assert.Equal(3, book.FreeSlots(H100));
    }

    [Fact]
    public void Adopt_PendingTrainingWithoutAGpusFreeSlots_IsRefusedAndStaysPending()
    {
        var book = Book();
        Running(book, Selfplay("s0"));
        book.TryEnqueue(Training("t1"), 100, T0);

        Assert.False(book.Adopt(Training("t1"), H100, 1, T0));
        Assert.True(book.TryGet(new JobId("t1"), out var training));
        Assert.Equal(JobState.Pending, training.State);
    }

    [Fact]
    public void Adopt_TrainingWithAWholeGpuFree_TakesItsSlots()
    {
        var book = Book();

        Assert.True(book.Adopt(Training("t-old"), H100, 1, T0));
        Assert.Equal((0, 4, 1), (book.FreeSlots(H100), book.JobsOn(H100) is [var id] && book.TryGet(id, out var job) ? job.SlotsHeld : -1, book.HeldOfKind(JobKind.Training)));
    }

    [Fact]
    public void PendingOfKind_FollowsEnqueueAssignAndRelease()
    {
        var book = Book();
        book.TryEnqueue(Training("t1"), 100, T0);
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        book.TryEnqueue(Selfplay("s2"), 50, T0);
        var queued = (book.PendingOfKind(JobKind.Training), book.PendingOfKind(JobKind.Selfplay));
        Assert.True(book.TryGet(new JobId("t1"), out var training));

        book.Assign(training, H100, 1, T0);
        var assigned = book.PendingOfKind(JobKind.Training);
        book.Release(training.Id, "refused", T0, T0);

        Assert.Equal((1, 2), queued);
        Assert.Equal(0, assigned);
        Assert.Equal(1, book.PendingOfKind(JobKind.Training));
    }

    [Fact]
    public void CollectPending_OnlyTheKindInPriorityOrderUpToMax()
    {
        var book = Book();
        book.TryEnqueue(Training("t-low"), 90, T0);
        book.TryEnqueue(Selfplay("s1"), 95, T0);
        book.TryEnqueue(Training("t-high"), 100, T0);
        book.TryEnqueue(Training("t-later"), 90, T0);
        var into = new List<JobRecord> { null! };

        book.CollectPending(JobKind.Training, 2, into);
        var firstTwo = into.Select(j => j.Id.Value).ToArray();
        book.CollectPending(JobKind.Training, 10, into);

        Assert.Equal(["t-high", "t-low"], firstTwo);
        Assert.Equal(["t-high", "t-low", "t-later"], into.Select(j => j.Id.Value));
    }

    [Fact]
    public void CollectPending_NoneOfTheKind_ClearsTheList()
    {
        var book = Book();
        book.TryEnqueue(Selfplay("s1"), 50, T0);
        var into = new List<JobRecord> { null! };

        book.CollectPending(JobKind.Training, 4, into);

        Assert.Empty(into);
    }

    [Fact]
    public void MayHold_ExecutionDeclaredLostThere_IsFalseElsewhereTrue()
    {
        var book = Book();
        var other = new NodeId("other");
        book.SetCapacity(other, new NodeCapacity(4, 4));
        var training = Running(book, Training("t1"));
        book.NodeDown(H100, T0, new List<JobId>());

        Assert.Equal(JobState.Pending, training.State);
        Assert.False(book.MayHold(H100, training, null));
        Assert.True(book.MayHold(other, training, null));
        Assert.False(book.MayHold(other, training, (_, _) => false));
    }
}
