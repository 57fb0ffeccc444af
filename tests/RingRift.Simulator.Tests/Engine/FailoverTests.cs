using System.IO;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.ScenarioParsing;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>The run report's failover samples: from the crash of the lease holder to the next election won.</summary>
public sealed class FailoverTests
{
    private static Scenario Load(string relative) =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, relative)), relative);

    [Fact]
    public void LeaderCrash_DefaultTimings_OneFailoverFromTheCrashToTheNextElection()
    {
        var scenario = Load("scenarios/election/leader-crash.yaml");

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        // Crash at 10m; hetzner-cpu1 elected at 00:10:24.668766 (the scenario's seed 23).
        Assert.Equal<Duration>([new Duration(24_668_766)], report.Failovers);
    }

    [Fact]
    public void LeaderCrash_FastProfile_FailsOverWithinAFewHundredMilliseconds()
    {
        var scenario = Load("scenarios/election/leader-crash-fast.yaml");

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.Equal<Duration>([new Duration(183_685)], report.Failovers);
    }

    [Fact]
    public void FollowerCrash_IsNoFailover()
    {
        var scenario = Load("scenarios/election/stale-epoch-rejoin.yaml");

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.Equal(1, report.Crashes);
        Assert.Empty(report.Failovers);
    }
}
