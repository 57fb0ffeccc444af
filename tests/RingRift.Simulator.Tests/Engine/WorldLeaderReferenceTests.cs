using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>The timeline's <c>leader</c> is resolved when an entry runs, to the node holding a valid lease then.</summary>
public sealed class WorldLeaderReferenceTests
{
    /// <summary>Three voters of equal priority: a, the smallest id, campaigns first and leads.</summary>
    private const string Header = """
        name: leader-reference
        duration: 20m
        cluster:
          p2p_voters: [a, b, c]
          hosts:
            a: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            b: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            c: { memory_gb: 8, cpus: 2, disk_gb: 10 }

        """;

    private static SimRun Run(string timeline) => SimRun.Of(ScenarioParser.Parse(Header + "timeline:\n" + timeline, "leader.yaml"), seed: 5);

    [Fact]
    public void CrashLeader_ThenRestartLeader_CrashesAndRestartsWhoeverLedThen()
    {
        var run = Run("""
              - { at: 5m, crash: leader }
              - { at: 8m, restart: leader }
            """);

        Assert.Single(run.LinesWith("crash a torn_write=False"));
        Assert.Equal(2, run.LinesWith("boot a life=").Count);
        Assert.Equal(2, run.Report.LeaderChanges);
        Assert.Equal(2, run.Report.Epoch);
    }

    [Fact]
    public void CrashLeader_BeforeAnyElection_IsIgnoredAndSaysSo()
    {
        var run = Run("  - { at: 1s, crash: leader }\n");

        Assert.Single(run.LinesWith("crash leader ignored: no leader"));
        Assert.Equal(0, run.Report.Crashes);
        Assert.Equal(1, run.Report.LeaderChanges);
    }

    [Fact]
    public void FlapBetweenLeaderAndItself_IsIgnoredAndSaysSo()
    {
        var run = Run("  - { at: 5m, flap: [leader, a], period: 10s }\n");

        Assert.Single(run.LinesWith("flap leader ignored: both ends are the leader"));
        Assert.Empty(run.LinesWith("flap a<->"));
    }

    [Fact]
    public void OneWayFromLeader_ResolvesToTheLeaderAndDropsItFromTheOtherSide()
    {
        var run = Run("  - { at: 5m, one_way: { from: [leader], to: [a, b] } }\n");

        Assert.Single(run.LinesWith("one_way from=a to=b"));
    }
}
