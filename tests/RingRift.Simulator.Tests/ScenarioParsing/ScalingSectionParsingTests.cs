using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

/// <summary>The scaling block, elo_sync, and the queue_work verb.</summary>
public sealed class ScalingSectionParsingTests
{
    private const string Source = "scaling.yaml";

    /// <summary>A valid scenario of seven lines with a workload; a case appends from line 8 on.</summary>
    private const string Header = """
        name: scaling
        duration: 1h
        workload: { selfplay_runtime: 20m }
        cluster:
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
          generate: [{ prefix: gpu-, count: 3, gpu: H100, gpu_vram_gb: 80, memory_gb: 64, cpus: 16, disk_gb: 1000 }]

        """;

    private static Scenario Parse(string tail) => ScenarioParser.Parse(Header + tail, Source);

    [Fact]
    public void ScalingBlock_Minimal_HasTheOriginalsNumbersAndTheDefaultProvider()
    {
        var scaling = Parse("scaling: { profile: p, pool: [gpu-3], managed: [gpu-2] }").Scaling!;

        Assert.Equal(new[] { new NodeId("gpu-3") }, scaling.Pool.ToArray());
        Assert.Equal(new[] { new NodeId("gpu-2"), new NodeId("gpu-3") }, scaling.Policy.Managed.ToArray());
        Assert.Equal((Duration.FromMinutes(3), Duration.FromMinutes(3), Ratio.Zero), (scaling.DelayMin, scaling.DelayMax, scaling.BootFailure));
        Assert.Equal((10, 2, 3), (scaling.Policy.ScaleUpPendingPerNode, scaling.Policy.ScaleDownPendingPerNode, scaling.Policy.NodesPerCycleMax));
        Assert.Null(Parse("").Scaling);
    }

    [Fact]
    public void ScalingBlock_BadPolicy_NamesTheKeyAndTheLine()
    {
        var thrown = Assert.Throws<ScenarioException>(() => Parse("scaling: { profile: p, pool: [gpu-3], scale_up_pending_per_node: 1 }"));

        Assert.Equal("scaling.yaml:8: scaling.scale_up_pending_per_node (1) must exceed scaling.scale_down_pending_per_node (2)", thrown.Message);
    }

    [Fact]
    public void ScalingBlock_NoProviderNodes_IsAnError()
    {
        var thrown = Assert.Throws<ScenarioException>(() => Parse("scaling: { profile: p }"));

        Assert.Equal("scaling.yaml:8: 'scaling' needs provider nodes: 'managed', 'pool' or both", thrown.Message);
    }

    [Fact]
    public void Timeline_QueueWork_IsRead()
    {
        var timeline = Parse("""
            elo_sync: 5m
            timeline:
              - { at: 10m, queue_work: 40, config: hex8_2p }
            """);

        Assert.Equal(Duration.FromMinutes(5), timeline.EloSyncInterval);
        Assert.Equal(new QueueWorkCommand(Duration.FromMinutes(10), 10, 40, "hex8_2p"), timeline.Timeline[0]);
    }
}
