using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class ScenarioDefaultsTests
{
    private const string Minimal = """
        name: minimal
        duration: 10m
        cluster:
          hosts:
            lambda-gh200-1: { gpu: GH200, gpu_vram_gb: 96, memory_gb: 480, cpus: 72, disk_gb: 4000 }
            local: { memory_gb: 16, cpus: 8, disk_gb: 500 }
        """;

    private static Scenario Parse(string text) => ScenarioParser.Parse(text, "minimal.yaml");

    [Fact]
    public void Parse_OptionalBlocksLeftOut_TakeDocumentedDefaults()
    {
        var scenario = Parse(Minimal);

        Assert.Equal("", scenario.Description);
        Assert.Equal(ScenarioParser.DefaultSeed, scenario.Seed);
        Assert.Equal(1UL, scenario.Seed);
        Assert.Same(MembershipConfig.Default, scenario.Membership);
        Assert.Same(NetworkSpec.Default, scenario.Network);
        Assert.Empty(scenario.Timeline);
        Assert.Equal(CheckCatalog.Defaults, scenario.Checks);
        Assert.Same(Expectations.AllChecksHold, scenario.Expect);
        Assert.Same(SwarmSpec.Default, scenario.Swarm);
        Assert.Empty(scenario.Voters);
    }

    [Fact]
    public void Parse_HostKeysLeftOut_TakeDocumentedDefaults()
    {
        var hosts = Parse(Minimal).Hosts;

        Assert.Equal(
            new NodeProfile(new NodeId("lambda-gh200-1"), "lambda", new GpuProfile("GH200", 1, 96), 480, 72, 4000, false, false, false),
            hosts[0].Profile);
        Assert.Equal(
            new NodeProfile(new NodeId("local"), "local", GpuProfile.None, 16, 8, 500, false, false, false),
            hosts[1].Profile);
        Assert.All(hosts, h => Assert.Equal(ClockSpec.Perfect, h.Clock));
    }

    [Fact]
    public void Parse_PartialOverrides_KeepOtherDefaults()
    {
        var scenario = Parse(Minimal + """

            membership: { dead_timeout: 200s }
            network: { loss: 2% }
            swarm: { liveness_phase: 5m }
            """);

        Assert.Equal(MembershipConfig.Default with { DeadTimeout = Duration.FromSeconds(200) }, scenario.Membership);
        Assert.Equal(NetworkSpec.Default with { Loss = Ratio.FromPercent(2) }, scenario.Network);
        Assert.Equal(SwarmSpec.Default with { LivenessPhase = Duration.FromMinutes(5) }, scenario.Swarm);
    }

    [Fact]
    public void Parse_FaultBlocksWithKeysLeftOut_SetThoseToZero()
    {
        var scenario = Parse(Minimal + """

            timeline:
              - { at: 1m, network: {} }
              - { at: 2m, process_faults: local, early_exit: 5% }
            """);

        Assert.Equal(new SetNetworkFaults(Duration.FromMinutes(1), 8, Ratio.Zero, Ratio.Zero, Ratio.Zero, Ratio.Zero), scenario.Timeline[0]);
        Assert.Equal(
            new ProcessFaults(Duration.FromMinutes(2), 9, new NodeId("local"), Ratio.Zero, Ratio.FromPercent(5), Ratio.Zero),
            scenario.Timeline[1]);
    }

    [Fact]
    public void Parse_EqualTimes_KeepFileOrder()
    {
        var scenario = Parse(Minimal + """

            timeline:
              - { at: 5m, heal: network }
              - { at: 1m, pause: local, for: 1m }
              - { at: 5m, clock_step: local, by: 1s }
              - { at: 1m, clock_drift: local, ppm: 5 }
              - { at: 5m, pause: lambda-gh200-1, for: 1m }
            """);

        Assert.Equal(new[] { 9, 11, 8, 10, 12 }, scenario.Timeline.Select(e => e.SourceLine));
    }

    [Fact]
    public void Parse_QuotedScalars_ReadLikePlainOnes()
    {
        var scenario = Parse(Minimal.Replace("duration: 10m", "duration: \"10m\"") + "\nseed: '42'\n");

        Assert.Equal(Duration.FromMinutes(10), scenario.Duration);
        Assert.Equal(42UL, scenario.Seed);
    }

    [Fact]
    public void BoardConfigs_Names_AreTheTwelveConfigs()
    {
        Assert.Equal(
            new[]
            {
                "square8_2p", "square8_3p", "square8_4p", "square19_2p", "square19_3p", "square19_4p",
                "hex8_2p", "hex8_3p", "hex8_4p", "hexagonal_2p", "hexagonal_3p", "hexagonal_4p",
            },
            Scenarios.Parsing.BoardConfigs.Names);
    }
}
