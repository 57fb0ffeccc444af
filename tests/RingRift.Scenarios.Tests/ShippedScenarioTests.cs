using System.Linq;
using System.Text.Json;
using RingRift.Scenarios.Tests.Support;
using RingRift.Simulator.Engine;
using Xunit;

namespace RingRift.Scenarios.Tests;

/// <summary>Every shipped scenario replays to the outcome it declares, deterministically, in any process.</summary>
public sealed class ShippedScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var row in Repo.ShippedScenarios()) data.Add((string)row[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ShippedScenario_Replayed_ShowsItsExpectedOutcome(string path)
    {
        var scenario = Repo.Load(path);

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.True(report.Passed, string.Join("\n", report.ExpectationFailures));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ShippedScenario_RunTwiceInProcessAndOnceInAnother_SameTraceHash(string path)
    {
        var scenario = Repo.Load(path);

        var first = Simulation.Run(scenario, new RunOptions(scenario.Seed));
        var second = Simulation.Run(scenario, new RunOptions(scenario.Seed));
        var other = Cli.Run("run", path, "--json");

        Assert.Equal(WithoutLists(first), WithoutLists(second));
        Assert.Equal(first.Violations.AsEnumerable(), second.Violations.AsEnumerable());
        Assert.Equal(first.ExpectationFailures.AsEnumerable(), second.ExpectationFailures.AsEnumerable());
        Assert.Equal(first.DeathDetections.AsEnumerable(), second.DeathDetections.AsEnumerable());
        using var json = JsonDocument.Parse(other.Stdout);
        Assert.Equal(first.TraceHashHex, json.RootElement.GetProperty("trace_hash").GetString());
    }

    /// <summary>Immutable arrays compare by reference, so reports are compared without them, and the lists apart.</summary>
    private static RunReport WithoutLists(RunReport report) =>
        report with { Violations = default, ExpectationFailures = default, DeathDetections = default, Failovers = default };

    [Fact]
    public void SevenNodeScenario_DifferentSeeds_GiveDifferentTraceHashes()
    {
        var scenario = Repo.Load("scenarios/swarm/seven-node.yaml");

        var hashes = Enumerable.Range(1, 12)
            .Select(seed => Simulation.Run(scenario, new RunOptions((ulong)seed)).TraceHash)
            .ToList();

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }
}
