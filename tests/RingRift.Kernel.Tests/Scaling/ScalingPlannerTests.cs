using System.Linq;
using System.Collections.Immutable;
using RingRift.Kernel.Scaling;
using Xunit;

namespace RingRift.Kernel.Tests.Scaling;

/// <summary>The auto-scaling policy: thresholds, cooldown, the per-cycle bound, idleness, and the three nodes it must keep.</summary>
public sealed class ScalingPlannerTests
{
    private static readonly NodeId A = new("a"), B = new("b"), C = new("c"), D = new("d"), E = new("e");
    private static readonly ScalingConfig Config = new([A, B, C, D, E], "p");

    private static ScalingNodeView Up(NodeId node, Duration idle, int jobs = 0, bool draining = false) =>
        new(new ScalingNodeFacts(node, Up: true, IsVoter: false, RunningTraining: false, SoleReplica: false, jobs), idle, draining);

    private static ScalingNodeView Down(NodeId node) => new(new ScalingNodeFacts(node, false, false, false, false, 0), Duration.Zero, false);

    private static ScalingDecision Decide(int pending, int live, bool coolingDown, int provisioning, params ScalingNodeView[] nodes) =>
        ScalingPlanner.Decide(Config, new ScalingInput(pending, live, [.. System.Linq.Enumerable.Select(nodes, n => n.Facts)]),
            [.. nodes], provisioning, coolingDown);

    [Fact]
    public void Decide_PendingAboveTenPerNode_ProvisionsAtMostThreeOfTheNodesNotUp()
    {
        var decision = Decide(41, 4, false, 0, Down(A), Down(B), Down(C), Down(D), Up(E, Duration.Zero, 2));

        Assert.Equal(102_500, decision.PendingPerNodeBp);
        Assert.Equal(3, decision.Provision);
    }

    [Fact]
    public void Decide_PendingExactlyTenPerNode_ProvisionsNothing()
    {
        Assert.Equal(0, Decide(40, 4, false, 0, Down(A), Down(B)).Provision);
    }

    [Fact]
    public void Decide_ScaleUpWhileProvisioning_CountsNodesAlreadyRequested()
    {
        Assert.Equal(1, Decide(100, 2, false, 2, Down(A), Down(B), Down(C)).Provision);
    }

    [Fact]
    public void Decide_ScaleUpWhileCoolingDown_ProvisionsNothing()
    {
        Assert.Equal(0, Decide(100, 2, true, 0, Down(A), Down(B)).Provision);
    }

    [Fact]
    public void Decide_LowPendingAndIdleFifteenMinutes_DecommissionsLongestIdleFirstThenByNodeId()
    {
        var decision = Decide(1, 4, false, 0,
            Up(A, Duration.FromMinutes(15)), Up(B, Duration.FromMinutes(40)), Up(C, Duration.FromMinutes(15)),
            Up(D, Duration.FromMinutes(20)), Up(E, Duration.FromMinutes(14)));

        Assert.Equal(new[] { B, D, A }, decision.Decommission.ToArray());
    }

    [Fact]
    public void Decide_LowPendingNoIdleNode_DrainsFewestJobsFirstUpToTheCycleBound()
    {
        var decision = Decide(0, 4, false, 0, Up(A, Duration.Zero, 4), Up(B, Duration.Zero, 1), Up(C, Duration.Zero, 1), Up(D, Duration.Zero, 2), Up(E, Duration.Zero, 3));

        Assert.Empty(decision.Decommission);
        Assert.Equal(new[] { B, C, D }, decision.Drain.ToArray());
    }

    [Fact]
    public void Decide_AlreadyDraining_DrainsOnlyUpToTheBound()
    {
        var decision = Decide(0, 4, false, 0, Up(A, Duration.Zero, 1, draining: true), Up(B, Duration.Zero, 1, draining: true), Up(C, Duration.Zero, 2), Up(D, Duration.Zero, 3));

        Assert.Equal(new[] { C }, decision.Drain.ToArray());
    }

    [Fact]
    public void Decide_LowPendingWhileCoolingDown_NeitherDrainsNorDecommissions()
    {
        var decision = Decide(0, 4, true, 0, Up(A, Duration.FromHours(1)), Up(B, Duration.Zero, 1));

        Assert.Empty(decision.Decommission);
        Assert.Empty(decision.Drain);
    }

    [Fact]
    public void Decide_PendingBetweenBounds_UndrainsEveryDrainingNode()
    {
        var decision = Decide(20, 4, false, 0, Up(A, Duration.Zero, 1, draining: true), Up(B, Duration.Zero, 1));

        Assert.Equal(new[] { A }, decision.Undrain.ToArray());
        Assert.Equal(0, decision.Provision);
        Assert.Empty(decision.Drain);
    }

    [Theory]
    [InlineData(true, false, false, ScalingPlanner.Voter)]
    [InlineData(false, true, false, ScalingPlanner.Training)]
    [InlineData(false, false, true, ScalingPlanner.SoleReplica)]
    public void Decide_IdleNodeThatIsVoterTrainingOrSoleReplica_IsRefusedNeverDrainedOrDecommissioned(
        bool voter, bool training, bool soleReplica, string reason)
    {
        var kept = new ScalingNodeView(new ScalingNodeFacts(A, true, voter, training, soleReplica, 0), Duration.FromHours(2), Draining: true);

        var decision = Decide(0, 4, false, 0, kept);

        Assert.Equal(new[] { (A, reason) }, decision.Refused.ToArray());
        Assert.Empty(decision.Decommission);
        Assert.Empty(decision.Drain);
        Assert.Equal(new[] { A }, decision.Undrain.ToArray());
    }

    [Fact]
    public void PendingPerNodeBp_NoLiveWorker_CountsAllPendingOnOneNode()
    {
        Assert.Equal(70_000, ScalingPlanner.PendingPerNodeBp(7, 0));
        Assert.Equal(0, ScalingPlanner.PendingPerNodeBp(-5, 3));
    }
}
