using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TrainingRoomRig;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// A pending training with room on no node gets one set aside: nothing else is placed there and its
/// newest selfplay is stopped until the training fits (DispatchMachine.TrainingRoom).
/// </summary>
public sealed class TrainingRoomTests
{
    /// <summary>gpu-a: two H100 (8 slots, a training takes 4) running 7 selfplay, so a training lacks 3 slots.</summary>
    private static TrainingRoomRig TwoH100sOneSlotFree() => new((Worker(A, "H100", 2), 7));

    [Fact]
    public void PartlyFull_PendingTraining_NodeSetAsideAndExactlyItsNewestSelfplayItLacksStopped()
    {
        var rig = TwoH100sOneSlotFree();

        var plan = rig.Plan();

        var training = rig.PendingTraining();
        Assert.Equal(A, rig.Machine.RoomSetAsideFor(training.Id));
        Assert.Equal([RunningSelfplay(A, 7), RunningSelfplay(A, 6), RunningSelfplay(A, 5)], plan.KilledOn(A).Order().Reverse());
        Assert.Empty(plan.AssignedTo(A));
        Assert.Equal(plan.KilledOn(A).Order(), plan.Preempted.Select(p => p.Job).Order());
        Assert.All(plan.Preempted, p => Assert.Equal((A, training.Id), (p.Node, p.Training)));
    }

    [Fact]
    public void SetAside_LaterPlansWhileTheStoppedRun_StopNothingMore()
    {
        var rig = TwoH100sOneSlotFree();
        rig.Plan();

        var answer = rig.Report(A);
        var next = rig.Plan();

        Assert.Empty(answer.KilledOn(A));
        Assert.Empty(next.KilledOn(A));
        Assert.Empty(answer.Preempted.Concat(next.Preempted));
        Assert.Equal(A, rig.Machine.RoomSetAsideFor(rig.PendingTraining().Id));
    }

    [Fact]
    public void SetAside_AFreedSlotReported_TakesNoSelfplay()
    {
        var rig = TwoH100sOneSlotFree();
        rig.Plan();

        var answer = rig.Report(A, RunningSelfplay(A, 7));
        var next = rig.Plan();

        Assert.Equal(2, rig.Machine.Book.FreeSlots(A));
        Assert.Empty(answer.AssignedTo(A));
        Assert.Empty(next.AssignedTo(A));
        Assert.Equal(A, rig.Machine.RoomSetAsideFor(rig.PendingTraining().Id));
    }

    [Fact]
    public void SetAside_StoppedJobsReportedGone_TrainingAssignedThereAndTheSetAsideDropped()
    {
        var rig = TwoH100sOneSlotFree();
        rig.Plan();
        var training = rig.PendingTraining();

        var answer = rig.Report(A, RunningSelfplay(A, 5), RunningSelfplay(A, 6), RunningSelfplay(A, 7));

        Assert.Equal([training.Id], answer.AssignedTo(A).Select(j => j.Id));
        Assert.Equal((JobState.Assigned, (NodeId?)A), (training.State, training.Node));
        Assert.Null(rig.Machine.RoomSetAsideFor(training.Id));
        Assert.Equal(0, rig.Machine.Book.FreeSlots(A));
    }

    [Fact]
    public void TrainingAssigned_ASlotFreedLaterTakesSelfplayAgain()
    {
        var rig = TwoH100sOneSlotFree();
        rig.Plan();
        rig.Report(A, RunningSelfplay(A, 5), RunningSelfplay(A, 6), RunningSelfplay(A, 7));

        var answer = rig.Report(A, RunningSelfplay(A, 1));

        Assert.Equal(JobKind.Selfplay, Assert.Single(answer.AssignedTo(A)).Kind);
        Assert.Empty(answer.KilledOn(A));
    }

    [Fact]
    public void WholeGpuFreeOnAnotherNode_NothingPreemptedAndTheTrainingGoesThere()
    {
        var rig = new TrainingRoomRig((Worker(A, "H100", 1), 3), (Worker(B, "H100", 1), 0));

        var plan = rig.Plan();

        Assert.Empty(plan.KilledOn(A).Concat(plan.KilledOn(B)));
        Assert.Empty(plan.Preempted);
        var training = Assert.Single(plan.AssignedTo(B), j => j.Kind == JobKind.Training);
        Assert.Null(rig.Machine.RoomSetAsideFor(training.Id));
        Assert.Equal(JobKind.Selfplay, Assert.Single(plan.AssignedTo(A)).Kind);
    }

    [Fact]
    public void EmptyNodes_TrainingFillsAWholeH100AndSelfplayFillsAnRtx3090ToItsClassTarget()
    {
        var rig = new TrainingRoomRig((Worker(A, "H100", 1), 0), (Worker(B, "RTX 3090", 2), 0));

        var plan = rig.Plan();

        Assert.Equal([JobKind.Training], plan.AssignedTo(A).Select(j => j.Kind));
        Assert.Equal(Enumerable.Repeat(JobKind.Selfplay, 4), plan.AssignedTo(B).Select(j => j.Kind));
        Assert.Equal((0, 0), (rig.Machine.Book.FreeSlots(A), rig.Machine.Book.FreeSlots(B)));
    }

    [Fact]
    public void TwoCandidates_TheOneNeedingFewerStopsIsSetAside()
    {
        var rig = new TrainingRoomRig((Worker(A, "H100", 1), 3), (Worker(B, "H100", 1), 2));

        var plan = rig.Plan();

        Assert.Equal(B, rig.Machine.RoomSetAsideFor(rig.PendingTraining().Id));
        Assert.Equal([RunningSelfplay(B, 1), RunningSelfplay(B, 2)], plan.KilledOn(B).Order());
        Assert.Empty(plan.KilledOn(A));
    }

    [Fact]
    public void EqualStops_TheStrongerGpuIsSetAside()
    {
        // An A100 (3 slots) running 2 lacks 2 for a training, as does an H100 (4 slots) running 2.
        var rig = new TrainingRoomRig((Worker(A, "A100", 1), 2), (Worker(B, "H100", 1), 2));

        var plan = rig.Plan();

        Assert.Equal(B, rig.Machine.RoomSetAsideFor(rig.PendingTraining().Id));
        Assert.Empty(plan.KilledOn(A));
    }

    [Fact]
    public void EqualStopsAndGpus_TheLowestIdIsSetAside()
    {
        var rig = new TrainingRoomRig((Worker(B, "H100", 1), 3), (Worker(A, "H100", 1), 3));

        var plan = rig.Plan();

        Assert.Equal(A, rig.Machine.RoomSetAsideFor(rig.PendingTraining().Id));
        Assert.Empty(plan.KilledOn(B));
    }

    [Fact]
    public void RoomAppearsElsewhereFirst_TrainingPlacedThereAndTheSetAsideNodeTakesSelfplayAgain()
    {
        var rig = new TrainingRoomRig((Worker(A, "H100", 1), 3), (Worker(B, "H100", 1), 3));
        rig.Plan();
        var training = rig.PendingTraining();
        Assert.Equal(A, rig.Machine.RoomSetAsideFor(training.Id));

        var answer = rig.Report(B, [.. rig.RunningOn(B).Select(j => j.Id)]);
        var next = rig.Plan();

        Assert.Equal([training.Id], answer.AssignedTo(B).Select(j => j.Id));
        Assert.Null(rig.Machine.RoomSetAsideFor(training.Id));
        Assert.NotEmpty(next.AssignedTo(A));
        Assert.All(next.AssignedTo(A), j => Assert.Equal(JobKind.Selfplay, j.Kind));
    }

    [Fact]
    public void SetAsideNodesGpuHangs_SetAsideDropped()
    {
        var rig = TwoH100sOneSlotFree();
        rig.Plan();
        var training = rig.PendingTraining();

        rig.ReportHung(A);
        rig.Plan();

        Assert.Null(rig.Machine.RoomSetAsideFor(training.Id));
    }
}
