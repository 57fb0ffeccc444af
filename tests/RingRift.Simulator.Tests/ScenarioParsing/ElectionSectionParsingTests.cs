using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class ElectionSectionParsingTests
{
    private const string Source = "election.yaml";

    /// <summary>A valid scenario of five lines; a case appends its election block from line 6 on.</summary>
    private const string Header = """
        name: election
        duration: 1h
        cluster:
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }

        """;

    private static Scenario Parse(string election) => ScenarioParser.Parse(Header + election, Source);

    [Fact]
    public void NoElectionBlock_HasTheDefaultTimings()
    {
        var timings = Parse("").ElectionTimings;

        Assert.Equal(Duration.FromSeconds(20), timings.Lease);
        Assert.Equal(Duration.FromSeconds(4), timings.RenewInterval);
        Assert.Equal(Duration.FromSeconds(12), timings.LeaderTimeout);
        Assert.Equal(Duration.FromSeconds(2), timings.ClockStepMax);
        Assert.Equal(Duration.FromSeconds(22), timings.VoterHonours);
        Assert.Empty(timings.Voters);
    }

    [Fact]
    public void ElectionBlock_OverridesKeyByKey()
    {
        var timings = Parse("""
            election:
              lease: 120ms
              renew_interval: 20ms
              leader_timeout: 150ms
              candidate_timeout: 60ms
              rank_step: 25ms
              jitter: 10ms
              startup_grace: 1s
              clock_step_max: 20ms
            """).ElectionTimings;

        Assert.Equal(
            (Duration.FromMillis(120), Duration.FromMillis(20), Duration.FromMillis(150), Duration.FromMillis(60)),
            (timings.Lease, timings.RenewInterval, timings.LeaderTimeout, timings.CandidateTimeout));
        Assert.Equal(
            (Duration.FromMillis(25), Duration.FromMillis(10), Duration.FromSeconds(1), Duration.FromMillis(20)),
            (timings.RankStep, timings.Jitter, timings.StartupGrace, timings.ClockStepMax));
    }

    [Fact]
    public void ElectionBlock_PartialOverride_KeepsTheOtherDefaults()
    {
        var timings = Parse("election: { jitter: 0s }\n").ElectionTimings;

        Assert.Equal(Duration.Zero, timings.Jitter);
        Assert.Equal(Duration.FromSeconds(20), timings.Lease);
    }

    [Theory]
    [InlineData("election:\n  lease: 100ms\n", 6, "election: lease (100ms, 99900us on the leader's side at 500 ppm) must cover two renew_interval (4s)")]
    [InlineData("election:\n  leader_timeout: 8s\n", 6, "election: leader_timeout (8s) must exceed two renew_interval (4s)")]
    [InlineData("election:\n  lease_time: 1s\n", 7, "unknown key 'lease_time' in election")]
    [InlineData("election:\n  jitter: 5\n", 7, "'jitter'")]
    public void ElectionBlock_Invalid_ReportsLineAndProblem(string election, int line, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(election));

        Assert.Equal(line, error.Line);
        Assert.Contains(fragment, error.Message, System.StringComparison.Ordinal);
    }
}
