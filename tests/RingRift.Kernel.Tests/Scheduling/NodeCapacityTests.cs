using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>A node's dispatch slots follow its GPU class (<see cref="NodeCapacity"/>); a training takes one GPU's share.</summary>
public sealed class NodeCapacityTests
{
    private static readonly SchedulingPolicy Policy = SchedulingConfig.Default.Policy;

    private static NodeProfile Host(string model, int gpus, bool proxyOnly = false) =>
        new(new NodeId("host"), "lambda", new GpuProfile(model, gpus, 80), 200, 26, 1400, IsVoter: false, NatBlocked: false, ProxyOnly: proxyOnly);

    [Theory]
    [InlineData(GpuClass.H100, 1, 4, 4)]
    [InlineData(GpuClass.H200, 2, 8, 4)]
    [InlineData(GpuClass.H100, 8, 32, 4)]
    [InlineData(GpuClass.A100, 1, 3, 3)]
    [InlineData(GpuClass.Rtx4090, 4, 12, 3)]
    [InlineData(GpuClass.Rtx3090, 8, 16, 2)]
    [InlineData(GpuClass.Rtx3060, 1, 2, 2)]
    public void Of_GpuClassAndCount_SlotsAreThePerClassTargetTimesGpus(GpuClass gpu, int gpus, int slots, int slotsPerGpu)
    {
        Assert.Equal(new NodeCapacity(slots, slotsPerGpu), NodeCapacity.Of(gpu, gpus, Policy));
    }

    [Fact]
    public void Of_MoreGpusThanTheNodeCapAllows_SlotsCappedAndSplitOverTheGpus()
    {
        Assert.Equal(new NodeCapacity(32, 2), NodeCapacity.Of(GpuClass.H100, 16, Policy));
    }

    [Theory]
    [InlineData(GpuClass.None, 0)]
    [InlineData(GpuClass.None, 4)]
    [InlineData(GpuClass.H100, 0)]
    public void Of_NoGpu_IsNone(GpuClass gpu, int gpus)
    {
        Assert.Equal(NodeCapacity.None, NodeCapacity.Of(gpu, gpus, Policy));
    }

    [Theory]
    [InlineData(JobKind.Selfplay, 1)]
    [InlineData(JobKind.Gauntlet, 1)]
    [InlineData(JobKind.Training, 4)]
    public void SlotsTaken_TrainingTakesAWholeGpusShare_OthersOne(JobKind kind, int taken)
    {
        Assert.Equal(taken, new NodeCapacity(12, 4).SlotsTaken(kind));
    }

    [Fact]
    public void CapacityOf_H100Host_IsTheClassTarget()
    {
        Assert.Equal(new NodeCapacity(8, 4), SchedulingConfig.Default.CapacityOf(Host("H100", 2)));
        Assert.Equal(8, SchedulingConfig.Default.SlotsFor(Host("H100", 2)));
    }

    [Fact]
    public void CapacityOf_Rtx3090Host_TwoPerGpu()
    {
        Assert.Equal(new NodeCapacity(4, 2), SchedulingConfig.Default.CapacityOf(Host("RTX 3090", 2)));
    }

    [Fact]
    public void CapacityOf_ProxyOnlyHost_IsNone()
    {
        Assert.Equal(NodeCapacity.None, SchedulingConfig.Default.CapacityOf(Host("H100", 2, proxyOnly: true)));
    }

    [Fact]
    public void CapacityOf_GpuLessHost_IsNone()
    {
        var cpu = Host("H100", 2) with { Gpu = GpuProfile.None };

        Assert.Equal(NodeCapacity.None, SchedulingConfig.Default.CapacityOf(cpu));
    }

    private static KernelConfig SchedulingOn(NodeProfile self, int jobSlotsMax) =>
        new KernelConfig(self, [self, .. Profiles.Cluster("node-b", "node-c")], Configs.Membership, Configs.Seed, JobSlotsMax: jobSlotsMax)
        {
            Scheduling = SchedulingConfig.Default,
        };

    [Fact]
    public void KernelConfig_JobSlotsMaxBelowTheNodesDispatchSlots_NamesBoth()
    {
        var self = Host("H100", 8) with { Node = new NodeId("node-a") };

        var errors = SchedulingOn(self, jobSlotsMax: 16).Validate();

        Assert.Equal(["job_slots_max (16) is below the 32 dispatch slots of node-a (8 × H100, 4 per GPU)"], errors);
    }

    [Fact]
    public void KernelConfig_JobSlotsMaxCoveringTheDispatchSlots_IsValid()
    {
        var self = Host("H100", 8) with { Node = new NodeId("node-a") };

        Assert.Empty(SchedulingOn(self, jobSlotsMax: 32).Validate());
    }

    [Fact]
    public void KernelConfig_DefaultJobSlotsMax_CoversTheLargestNode()
    {
        var self = Host("H100", 16) with { Node = new NodeId("node-a") };
        var config = new KernelConfig(self, [self, .. Profiles.Cluster("node-b", "node-c")], Configs.Membership, Configs.Seed)
        {
            Scheduling = SchedulingConfig.Default,
        };

        Assert.Empty(config.Validate());
    }
}
