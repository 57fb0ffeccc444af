using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class MembershipModeParsingTests
{
    private const string Source = "mode.yaml";

    /// <summary>A valid scenario of five lines; a case appends its membership block from line 6 on.</summary>
    private const string Header = """
        name: mode
        duration: 1h
        cluster:
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }

        """;

    private static Scenario Parse(string membership) => ScenarioParser.Parse(Header + membership, Source);

    [Fact]
    public void NoMembershipBlock_IsHeartbeatModeWithDefaultSwimTiming()
    {
        var scenario = Parse("");

        Assert.Equal(MembershipMode.Heartbeat, scenario.MembershipMode);
        Assert.Same(SwimConfig.Default, scenario.Swim);
    }

    [Fact]
    public void ModeSwim_AloneTakesTheDefaultSwimTiming()
    {
        var scenario = Parse("membership: { mode: swim }\n");

        Assert.Equal(MembershipMode.Swim, scenario.MembershipMode);
        Assert.Equal(SwimConfig.Default, scenario.Swim);
        Assert.Equal(MembershipConfig.Default, scenario.Membership);
    }

    [Fact]
    public void ModeHybrid_ReadsEverySwimKey_AndKeepsTheHeartbeatTiming()
    {
        var scenario = Parse("""
            membership:
              mode: hybrid
              heartbeat_interval: 10s
              peer_table_max: 64
              swim:
                period: 2s
                probe_timeout: 800ms
                indirect_probes: 2
                suspicion_multiplier: 5
                suspicion_max_multiplier: 4
                retransmit_multiplier: 3
                piggyback_max: 12
                awareness_max: 6
                retire_after: 5m
                dead_probe_interval: 30s
                nat_silence: 45s

            """);

        Assert.Equal(MembershipMode.Hybrid, scenario.MembershipMode);
        Assert.Equal((Duration.FromSeconds(10), 64), (scenario.Membership.HeartbeatInterval, scenario.Membership.PeerTableMax));
        Assert.Equal(
            new SwimConfig(Duration.FromSeconds(2), Duration.FromMillis(800), 2, 5, 4, 3, 12, 6,
                Duration.FromMinutes(5), Duration.FromSeconds(30), Duration.FromSeconds(45)),
            scenario.Swim);
    }

    [Fact]
    public void SwimBlock_OverridesKeyByKey()
    {
        var scenario = Parse("membership:\n  mode: swim\n  swim: { probe_timeout: 3s }\n");

        Assert.Equal(SwimConfig.Default with { ProbeTimeout = Duration.FromSeconds(3) }, scenario.Swim);
    }

    public static TheoryData<string, string, int, string> Malformed() => new()
    {
        { "unknown mode", "membership:\n  mode: swimm\n", 7, "'mode' must be one of heartbeat | swim | hybrid, got 'swimm' (did you mean 'swim'?)" },
        { "swim block in heartbeat mode", "membership:\n  heartbeat_interval: 10s\n  swim: { period: 2s }\n", 8, "'swim' applies to mode swim or hybrid; add 'mode: swim' (heartbeat is the default)" },
        { "heartbeat timing in swim mode", "membership:\n  mode: swim\n  dead_timeout: 60s\n", 8, "'dead_timeout' is heartbeat timing, unused in swim mode; set membership.swim instead, or use mode: hybrid" },
        { "unknown swim key", "membership:\n  mode: swim\n  swim:\n    periode: 2s\n", 9, "unknown key 'periode' in membership.swim (did you mean 'period'?)" },
        { "swim not a mapping", "membership:\n  mode: swim\n  swim: 2s\n", 8, "'swim' must be a mapping of keys to values, got '2s'" },
        { "probe timeout not shorter than the period", "membership:\n  mode: swim\n  swim:\n    period: 2s\n    probe_timeout: 2s\n", 8, "membership.swim.probe_timeout (2s) must be positive and shorter than swim.period (2s)" },
        { "two swim problems", "membership:\n  mode: hybrid\n  swim: { indirect_probes: 20, nat_silence: 5s }\n", 8, "membership.swim.indirect_probes must be within 0..16 (got 20); membership.swim.nat_silence (5s) must be at least five periods (25s)" },
        { "negative number", "membership:\n  mode: swim\n  swim: { piggyback_max: -1 }\n", 8, "'piggyback_max' must be between 0 and 1000000, got -1" },
        { "fractional duration", "membership:\n  mode: swim\n  swim: { period: 1.5s }\n", 8, "'period': bad duration '1.5s': fractions are not allowed" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedMembership_ReportsLineAndProblem(string @case, string membership, int line, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(membership));

        Assert.True(error.Problem.Contains(fragment, System.StringComparison.Ordinal), $"{@case}: '{error.Problem}' lacks '{fragment}'");
        Assert.Equal((@case, Source, line), (@case, error.FileName, error.Line));
    }
}
