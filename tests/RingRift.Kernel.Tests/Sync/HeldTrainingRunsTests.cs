using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;
using Xunit;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>The read-only hook from dispatch to sync: the training jobs the job book holds, as (config, node).</summary>
public sealed class HeldTrainingRunsTests
{
    private static readonly NodeId A = new("a"), B = new("b");
    private static readonly Instant T0 = new(1_000_000);
    private static readonly NodeProfile[] Hosts = [Profile(A), Profile(B)];

    private static NodeProfile Profile(NodeId id) => new(id, "lambda", new GpuProfile("H100", 1, 80), 256, 32, 1000, false, false, false);

    private static (JobBook Book, JobRecord Training) TrainingAssignedToB()
    {
        var book = new JobBook(JobBookLimits.Default with { JobsMax = 100 });
        book.SetCapacity(A, new NodeCapacity(2, 1));
        book.SetCapacity(B, new NodeCapacity(2, 1));
        book.TryEnqueue(new JobSpec(new JobId("train-hex8_2p-g1"), JobKind.Training, "hex8_2p", 1), 100, T0);
        book.TryEnqueue(new JobSpec(new JobId("sp-1"), JobKind.Selfplay, "square8_2p", 1), 50, T0);
        var training = book.FirstPending(JobBook.KindBit(JobKind.Training), 64)!;
        book.Assign(training, B, 1, T0);
        book.Assign(book.FirstPending(JobBook.KindBit(JobKind.Selfplay), 64)!, A, 1, T0);
        return (book, training);
    }

    [Fact]
    public void AssignedThenRunning_IsARunOnItsNode_SelfplayIsNot()
    {
        var (book, training) = TrainingAssignedToB();
        Assert.Equal([new TrainingRun("hex8_2p", B)], HeldTrainingRuns.Of(book, Hosts));

        book.MarkRunning(training.Id, B, T0);

        Assert.Equal([new TrainingRun("hex8_2p", B)], HeldTrainingRuns.Of(book, Hosts));
    }

    [Fact]
    public void Finished_IsNoLongerARun()
    {
        var (book, training) = TrainingAssignedToB();
        book.MarkRunning(training.Id, B, T0);

        book.Finish(training.Id, B, true, "done", T0);

        Assert.Empty(HeldTrainingRuns.Of(book, Hosts));
    }
}
