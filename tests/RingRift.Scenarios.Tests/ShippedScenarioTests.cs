using System.Linq;
using System.Text.Json;
using RingRift.Scenarios.Tests.Support;
using RingRift.Simulator.Engine;
using Xunit;

namespace RingRift.Scenarios.Tests;

/// <summary>Every shipped scenario replays to the outcome it declares, deterministically, in any process.</summary>
public sealed class ShippedScenarioTests
{
    /// <summary>
    /// The 1,024-node SWIM scenario takes most of a minute per run, so it is not in <see cref="Scenarios"/>:
    /// <see cref="Swim1024_ReplayedHereAndInAnotherProcess_ShowsItsOutcomeWithTheSameTraceHash"/> runs it
    /// twice (here and in another process) instead of four times, and swim-256 covers the same code
    /// paths in the twice-in-process comparison.
    /// </summary>
    private const string Swim1024 = "scenarios/membership/swim-1024.yaml";

    /// <summary>
    /// The 48-hour unattended run takes 40 to 80 s of wall time per run on the shared 2-core machine, so it is
    /// not in <see cref="Scenarios"/> either: <see cref="Unattended48h_RunOnce_ShowsItsExpectedOutcome"/> runs
    /// its one seed once.
    /// </summary>
    private const string Unattended48h = "scenarios/operations/unattended-48h.yaml";

    /// <summary>
    /// The 16,000-file sync scenario simulates 7 hours of 48,000 transfers and takes about a minute (the
    /// leader rebuilds the planner's file index on every plan after a manifest change), so it too is replayed once, not four times.
    /// </summary>
    private const string SixteenThousand = "scenarios/sync/sixteen-thousand-files-slow-links.yaml";

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var row in Repo.ShippedScenarios())
            if ((string)row[0] is not (Swim1024 or Unattended48h or SixteenThousand)) data.Add((string)row[0]);
        return data;
    }

    [Fact]
    public void Swim1024_ReplayedHereAndInAnotherProcess_ShowsItsOutcomeWithTheSameTraceHash()
    {
        var scenario = Repo.Load(Swim1024);

        var here = Simulation.Run(scenario, new RunOptions(scenario.Seed));
        var other = Cli.Run("run", Swim1024, "--json");

        Assert.True(here.Passed, string.Join("\n", here.ExpectationFailures));
        Assert.Equal(0, other.ExitCode);
        using var json = JsonDocument.Parse(other.Stdout);
        Assert.Equal(here.TraceHashHex, json.RootElement.GetProperty("trace_hash").GetString());
    }

    [Fact]
    public void SixteenThousandFiles_Replayed_ShowsItsExpectedOutcome()
    {
        var scenario = Repo.Load(SixteenThousand);

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.True(report.Passed, string.Join("\n", report.ExpectationFailures));
        Assert.Equal(16_000, report.Sync!.GamesWritten);
    }

    [Fact]
    public void Scenarios_AllShippedButSwim1024_AreReplayedAndCompared()
    {
        var all = Repo.ShippedScenarios().Select(row => (string)row[0]).ToList();
        var replayed = ((System.Collections.Generic.IEnumerable<object[]>)Scenarios()).Select(row => (string)row[0]).ToList();

        Assert.Contains(Swim1024, all);
        Assert.Contains("scenarios/membership/swim-256.yaml", replayed);
        Assert.Contains(Unattended48h, all);
        Assert.Equal(all.Where(path => path is not (Swim1024 or Unattended48h or SixteenThousand)), replayed);
    }

    [Fact]
    public void Unattended48h_RunOnce_ShowsItsExpectedOutcome()
    {
        var scenario = Repo.Load(Unattended48h);

        var report = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.True(report.Passed, string.Join("\n", report.ExpectationFailures));
        Assert.Empty(report.Violations);
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
