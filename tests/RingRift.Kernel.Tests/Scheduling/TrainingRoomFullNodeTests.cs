using System.Linq;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.TrainingRoomRig;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// Room for a training on a node whose every slot is taken: the usual case, since placement refills each
/// selfplay slot as it frees (<see cref="TrainingRoomTests"/> covers nodes with a slot free).
/// </summary>
public sealed class TrainingRoomFullNodeTests
{
    /// <summary>gpu-a: one H100 (4 slots, a training takes all 4) running 4 selfplay.</summary>
    private static TrainingRoomRig FullH100() => new((Worker(A, "H100", 1), 4));

    [Fact]
    public void FullGpu_PendingTraining_NodeSetAsideAndAllFourSelfplayStopped()
    {
        var rig = FullH100();

        var plan = rig.Plan();

        var training = rig.PendingTraining();
        Assert.Equal(A, rig.Machine.RoomSetAsideFor(training.Id));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => RunningSelfplay(A, i)), plan.KilledOn(A).Order());
        Assert.Equal(4, plan.Preempted.Length);
    }

    [Fact]
    public void FullGpu_StoppedJobsReportedGone_TrainingAssignedThere()
    {
        var rig = FullH100();
        rig.Plan();
        var training = rig.PendingTraining();
        rig.Report(A, RunningSelfplay(A, 4));
        rig.Plan();

        var answer = rig.Report(A, RunningSelfplay(A, 1), RunningSelfplay(A, 2), RunningSelfplay(A, 3));

        Assert.Equal([training.Id], answer.AssignedTo(A).Select(j => j.Id));
        Assert.Null(rig.Machine.RoomSetAsideFor(training.Id));
    }
}
