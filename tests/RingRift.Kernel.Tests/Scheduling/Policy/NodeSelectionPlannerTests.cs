using RingRift.Kernel.Scheduling;
using Xunit;
using static RingRift.Kernel.Tests.Scheduling.Policy.PolicyGen;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class NodeSelectionPlannerTests
{
    private static readonly SelfplayConfig Square8 = new(BoardType.Square8, 2);
    private static readonly JobDemand Selfplay = JobDemand.For(JobKind.Selfplay, Square8, SchedulingPolicy.Default);
    private static readonly JobDemand Training = JobDemand.For(JobKind.Training, Square8, SchedulingPolicy.Default);

    [Fact]
    public void For_DefaultDemands_AreTheOriginalVramFigures()
    {
        Assert.Equal(ByteSize.FromGigabytes(4), Selfplay.Vram);
        Assert.Equal(ByteSize.FromGigabytes(8), Training.Vram);
        Assert.Equal(ByteSize.FromGigabytes(1), JobDemand.For(JobKind.Gauntlet, Square8, SchedulingPolicy.Default).Vram);
        Assert.Equal(ByteSize.FromGigabytes(8), JobDemand.For(JobKind.Selfplay, new SelfplayConfig(BoardType.Hexagonal, 2), SchedulingPolicy.Default).Vram);
    }

    [Fact]
    public void SelectBest_PicksStrongestGpu()
    {
        NodeCandidate[] nodes = [Cand("vast-4090-1", GpuClass.Rtx4090), Cand("lambda-gh200-2", GpuClass.H200), Cand("nebius-h100-1", GpuClass.H100)];
        Assert.Equal(1, NodeSelectionPlanner.SelectBest(Selfplay, nodes));
    }

    [Fact]
    public void SelectBest_EqualGpus_PrefersMoreFreeSlotsThenSmallerId()
    {
        NodeCandidate[] nodes = [Cand("b", GpuClass.H200, slots: 3), Cand("c", GpuClass.H200, slots: 5), Cand("a", GpuClass.H200, slots: 3)];
        Assert.Equal(1, NodeSelectionPlanner.SelectBest(Selfplay, nodes));
        nodes[1] = nodes[1] with { SlotsFree = 3 };
        Assert.Equal(2, NodeSelectionPlanner.SelectBest(Selfplay, nodes));
    }

    [Theory]
    [InlineData(GpuHealth.Misdetected)]
    [InlineData(GpuHealth.Hung)]
    [InlineData(GpuHealth.Failed)]
    public void SelectBest_UnhealthyGpu_NotCapableEvenOfCpuWork(GpuHealth health)
    {
        NodeCandidate[] nodes = [Cand("lambda-gh200-1", GpuClass.H200, health), Cand("vast-3060-1", GpuClass.Rtx3060)];
        Assert.Equal(1, NodeSelectionPlanner.SelectBest(Selfplay, nodes));
        var cpuJob = Selfplay with { Vram = ByteSize.Zero };
        Assert.False(NodeSelectionPlanner.IsCapable(cpuJob, nodes[0]));
        Assert.True(NodeSelectionPlanner.ShouldQuarantine(nodes[0]));
        Assert.False(NodeSelectionPlanner.ShouldQuarantine(nodes[1]));
    }

    [Fact]
    public void IsCapable_CpuHost_TakesCpuJobsOnly()
    {
        var cpu = Cand("hetzner-cpu1", GpuClass.None, vramGb: 0);
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, cpu));
        Assert.True(NodeSelectionPlanner.IsCapable(Selfplay with { Vram = ByteSize.Zero }, cpu));
    }

    [Fact]
    public void IsCapable_EachLimit_Excludes()
    {
        var ok = Cand("n", GpuClass.Rtx4090, vramGb: 24, ramGb: 32, diskGb: 50, slots: 1);
        Assert.True(NodeSelectionPlanner.IsCapable(Selfplay, ok));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { SlotsFree = 0 }));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { Draining = true }));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { Quarantined = true }));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { VramFree = ByteSize.FromGigabytes(3) }));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { RamFree = ByteSize.FromGigabytes(3) }));
        Assert.False(NodeSelectionPlanner.IsCapable(Selfplay, ok with { DiskFree = ByteSize.FromGigabytes(1) }));
        Assert.True(NodeSelectionPlanner.IsCapable(Selfplay, ok with { VramFree = ByteSize.FromGigabytes(4) }));
    }

    [Fact]
    public void SelectBest_NoneCapable_IsMinusOne()
    {
        NodeCandidate[] nodes = [Cand("a", GpuClass.H200, draining: true), Cand("b", GpuClass.H100, slots: 0)];
        Assert.Equal(-1, NodeSelectionPlanner.SelectBest(Selfplay, nodes));
        Assert.Equal(-1, NodeSelectionPlanner.SelectBest(Selfplay, []));
    }

    [Fact]
    public void SelectTrainingNode_SkipsNodesRunningTraining()
    {
        NodeCandidate[] nodes = [Cand("gh200-1", GpuClass.H200, training: true), Cand("h100-1", GpuClass.H100), Cand("gh200-2", GpuClass.H200, training: true)];
        Assert.Equal(1, NodeSelectionPlanner.SelectTrainingNode(Training, nodes));
        nodes[1] = nodes[1] with { RunningTraining = true };
        Assert.Equal(-1, NodeSelectionPlanner.SelectTrainingNode(Training, nodes));
        Assert.Equal(0, NodeSelectionPlanner.SelectBest(Training, nodes));
    }
}
