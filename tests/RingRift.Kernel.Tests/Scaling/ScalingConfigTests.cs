using RingRift.Kernel.Node;
using RingRift.Kernel.Scaling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Scaling;

/// <summary>KernelConfig.Scaling: off by default, the original's numbers when on, and every bad key named.</summary>
public sealed class ScalingConfigTests
{
    private static KernelConfig WithScaling(ScalingConfig scaling) =>
        Configs.Kernel() with { Scheduling = SchedulingConfig.Default, Scaling = scaling };

    private static ScalingConfig Managed() => new([Configs.Kernel().Cluster[1].Node], "p");

    [Fact]
    public void Scaling_ByDefault_IsOff()
    {
        Assert.Null(Configs.Kernel().Scaling);
    }

    [Fact]
    public void Defaults_AreTheOriginalsNumbers()
    {
        var config = Managed();

        Assert.Equal(Duration.FromSeconds(120), config.CheckInterval);
        Assert.Equal(10, config.ScaleUpPendingPerNode);
        Assert.Equal(2, config.ScaleDownPendingPerNode);
        Assert.Equal(Duration.FromMinutes(15), config.IdleBeforeScaleDown);
        Assert.Equal(Duration.FromMinutes(10), config.Cooldown);
        Assert.Equal(3, config.NodesPerCycleMax);
        Assert.Empty(WithScaling(config).Validate());
    }

    [Fact]
    public void Validate_ScalingWithoutScheduling_NamesIt()
    {
        var config = Configs.Kernel() with { Scaling = Managed() };

        Assert.Equal(["scaling needs scheduling (the leader's job book) to be on"], config.Validate());
    }

    [Fact]
    public void Validate_BadKeys_NamesEachKey()
    {
        var scaling = Managed() with { NodesPerCycleMax = 0, ScaleUpPendingPerNode = 2, CheckInterval = Duration.Zero };

        var thrown = Assert.Throws<KernelConfigException>(() => new KernelNode(WithScaling(scaling), PersistentState.Empty, Instant.Zero));

        Assert.Equal(
            [
                "scaling.check_interval must be positive (got 0s)",
                "scaling.scale_up_pending_per_node (2) must exceed scaling.scale_down_pending_per_node (2)",
                "scaling.nodes_per_cycle_max must be within 1..64 (got 0)",
            ],
            thrown.Errors);
    }

    [Fact]
    public void Validate_ManagedNodeNotInTheCluster_NamesIt()
    {
        var config = WithScaling(new ScalingConfig([new NodeId("ghost")], "p"));

        Assert.Equal(["scaling.managed names ghost, which is not a host of the cluster"], config.Validate());
    }
}
