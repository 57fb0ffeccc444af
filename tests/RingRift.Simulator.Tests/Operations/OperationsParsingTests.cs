using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.Operations;

public sealed class OperationsParsingTests
{
    private const string Source = "ops.yaml";

    /// <summary>A valid scenario of eight lines; a case appends from line 9 on.</summary>
    private const string Header = """
        name: ops
        duration: 1h
        cluster:
          p2p_voters: [a, b, c]
          hosts:
            a: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            b: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            c: { memory_gb: 8, cpus: 2, disk_gb: 10, gpu: H100, gpu_vram_gb: 80 }

        """;

    [Fact]
    public void Parse_NoMonitoringBlock_LeavesMonitoringOff() => Assert.Null(ScenarioParser.Parse(Header, Source).Monitoring);

    [Fact]
    public void Parse_MonitoringBlock_OverridesTheDefaults()
    {
        var scenario = ScenarioParser.Parse(Header + "monitoring: { horizon: 3h, stall_after: 4m, healing: false }\n", Source);

        Assert.Equal(Duration.FromHours(3), scenario.Monitoring!.Horizon);
        Assert.Equal(Duration.FromMinutes(4), scenario.Monitoring.StallAfter);
        Assert.False(scenario.Monitoring.HealingEnabled);
        Assert.Equal(Kernel.Monitoring.MonitoringConfig.Default.SampleInterval, scenario.Monitoring.SampleInterval);
    }

    [Fact]
    public void Parse_MonitoringClearAboveMax_NamesTheKeyAndLine()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(Header + "monitoring: { disk_used_clear: 97% }\n", Source));

        Assert.Equal(9, error.Line);
        Assert.Contains("monitoring.disk_used_clear", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OperationsVerbs_MapToEntries()
    {
        var scenario = ScenarioParser.Parse(Header + """
            timeline:
              - { at: 1m, disk_fill: c, per_hour: 20% }
              - { at: 2m, disk_cleanup: c, to: 45% }
              - { at: 3m, selfplay: c, fault: silent }
              - { at: 4m, selfplay: c, fault: recover }
              - { at: 5m, overload: c, for: 10m, stall: 5s, every: 15s, slowdown: 300% }

            """, Source);

        Assert.Equal(["disk_fill", "disk_cleanup", "selfplay", "selfplay", "overload"], scenario.Timeline.Select(e => e.Verb));
        Assert.Equal(Ratio.FromPercent(20), Assert.IsType<DiskFill>(scenario.Timeline[0]).PerHour);
        Assert.Equal(Ratio.FromPercent(45), Assert.IsType<DiskCleanup>(scenario.Timeline[1]).To);
        Assert.True(Assert.IsType<SelfplaySilent>(scenario.Timeline[2]).Silent);
        Assert.False(Assert.IsType<SelfplaySilent>(scenario.Timeline[3]).Silent);
        Assert.Equal(new Overload(Duration.FromMinutes(5), 14, new NodeId("c"), Duration.FromMinutes(10), Duration.FromSeconds(5), Duration.FromSeconds(15), 300), scenario.Timeline[4]);
    }

    [Fact]
    public void Parse_OverloadStallNotShorterThanPeriod_IsRejected()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(
            Header + "timeline:\n  - { at: 1m, overload: c, for: 10m, stall: 15s, every: 15s }\n", Source));

        Assert.Contains("'stall' (15s) must be shorter than 'every' (15s)", error.Message, System.StringComparison.Ordinal);
    }
}
