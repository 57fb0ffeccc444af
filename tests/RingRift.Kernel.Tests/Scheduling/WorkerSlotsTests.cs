using System.Linq;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>The worker's own slot check: it launches what fits its <see cref="NodeCapacity"/>, weighting a training as a whole GPU.</summary>
public sealed class WorkerSlotsTests
{
    private sealed class Worker
    {
        public readonly Outbox Outbox = new(64);
        public readonly LocalJobsMachine Jobs;
        public readonly JobWorkerMachine Machine;
        public readonly JobReport First;
        private long _orders;

        /// <summary>A worker of one H100 (4 slots, 4 per GPU) that has reported once, so orders answer it within the lease.</summary>
        public Worker(IDurableStore? store = null)
        {
            Jobs = new LocalJobsMachine(16, Outbox);
            Machine = new JobWorkerMachine(SchedulingConfig.Default, new NodeCapacity(4, 4), Jobs, Outbox, PipelineSnapshot.Empty, incarnation: 1, store);
            First = Report();
        }

        public void Orders(params JobSpec[] assign) =>
            Machine.OnOrders(T0, Leader, new JobOrders(1, [.. assign], [], [], PipelineSnapshot.Empty, First.Sequence, ++_orders), GpuHealth.Healthy);

        public JobReport Report()
        {
            Machine.Tick(T0, Leader, 1, GpuHealth.Healthy);
            return Outbox.Drain(null, null!).Messages.Select(m => m.Message).OfType<JobReport>().Single();
        }

        /// <summary>The reasons of the jobs the worker reports as never started.</summary>
        public string[] Refusals() =>
            [.. Report().Results.Where(r => r.Outcome == JobOutcome.NeverStarted).Select(r => $"{r.Job.Id}: {r.Reason}")];
    }

    private static JobSpec Training(string id) => new(new JobId(id), JobKind.Training, "hex8_2p", 1);

    [Fact]
    public void Training_WithOneSelfplayRunning_IsRefusedNamingTheSlots()
    {
        var worker = new Worker();
        worker.Orders(Selfplay("sp-1"));

        worker.Orders(Training("train-1"));

        Assert.False(worker.Jobs.IsRunning(new JobId("train-1")));
        Assert.Equal(["train-1: 1 of 4 slots are busy, a training takes 4"], worker.Refusals());
    }

    [Fact]
    public void Training_WithNothingRunning_IsLaunched()
    {
        var worker = new Worker();

        worker.Orders(Training("train-1"));

        Assert.True(worker.Jobs.IsRunning(new JobId("train-1")));
        Assert.Empty(worker.Refusals());
    }

    [Fact]
    public void Selfplay_WithATrainingRunning_IsRefused()
    {
        var worker = new Worker();
        worker.Orders(Training("train-1"));

        worker.Orders(Selfplay("sp-1"));

        Assert.False(worker.Jobs.IsRunning(new JobId("sp-1")));
        Assert.Equal(["sp-1: 4 of 4 slots are busy, a selfplay takes 1"], worker.Refusals());
    }

    [Fact]
    public void Selfplay_FourFillTheGpu_TheFifthIsRefused()
    {
        var worker = new Worker();

        worker.Orders(Selfplay("sp-1"), Selfplay("sp-2"), Selfplay("sp-3"), Selfplay("sp-4"), Selfplay("sp-5"));

        Assert.Equal(4, worker.Jobs.RunningCount);
        Assert.False(worker.Jobs.IsRunning(new JobId("sp-5")));
        Assert.Equal(["sp-5: 4 of 4 slots are busy, a selfplay takes 1"], worker.Refusals());
    }

    [Fact]
    public void Selfplay_WhileATrainingAwaitsItsJournal_IsRefused()
    {
        var worker = new Worker(new MemoryStore());
        worker.Orders(Training("train-1"));

        worker.Orders(Selfplay("sp-1"));

        Assert.Equal(1, worker.Machine.JournaledCount);
        Assert.Equal(["sp-1: 4 of 4 slots are busy, a selfplay takes 1"], worker.Refusals());
    }

    [Fact]
    public void Report_NamesTheNodesSlots()
    {
        Assert.Equal(4, new Worker().First.Slots);
    }
}
