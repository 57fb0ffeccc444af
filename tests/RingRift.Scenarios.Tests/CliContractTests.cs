using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RingRift.Scenarios.Tests.Support;
using Xunit;

namespace RingRift.Scenarios.Tests;

/// <summary>The ringrift-sim contract that scripts and CI rely on: output shape and exit codes.</summary>
public sealed class CliContractTests
{
    private const string Passing = "scenarios/membership/crash-and-restart.yaml";
    private const string FailsOnPurpose = "scenarios/checks/too-slow-network-fails.yaml";

    [Fact]
    public void Run_PassingScenario_PrintsSeedFirstAndTraceHashLastAndExitsZero()
    {
        var outcome = Cli.Run("run", Passing, "--seed", "11");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("seed=11", outcome.Lines[0]);
        Assert.Matches(new Regex("^trace-hash=[0-9a-f]{16}$"), outcome.LastLine);
        Assert.Contains("result=PASS", outcome.Lines);
    }

    [Fact]
    public void Run_SameSeedTwice_SameTraceHash_AndAnotherSeed_AnotherHash()
    {
        var first = Cli.Run("run", Passing, "--seed", "5").LastLine;
        var again = Cli.Run("run", Passing, "--seed", "5").LastLine;
        var other = Cli.Run("run", Passing, "--seed", "6").LastLine;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Run_ScenarioMadeToFail_PrintsViolationAndReplayThatReproducesIt()
    {
        var outcome = Cli.Run("run", FailsOnPurpose);
        var replay = outcome.Lines.Single(l => l.StartsWith("replay: ", System.StringComparison.Ordinal));
        var replayArguments = replay[(replay.IndexOf(" -- ", System.StringComparison.Ordinal) + 4)..].Split(' ');
        var replayed = Cli.Run(replayArguments);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(outcome.Lines, l => l.StartsWith("VIOLATION stable_membership at ", System.StringComparison.Ordinal));
        Assert.Equal(1, replayed.ExitCode);
        Assert.Equal(outcome.LastLine, replayed.LastLine);
    }

    [Fact]
    public void Run_MalformedScenario_NamesFileAndLineAndExitsTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), "ringrift-malformed-" + System.Environment.ProcessId + ".yaml");
        File.WriteAllText(path, "name: broken\nduration: 1h\ncluster:\n  hosts:\n    a: { memory_gb: 64, cpus: 8, disk_gb: 100 }\ntimeline:\n  - { at: 5m, crash: nobody }\n");
        try
        {
            var outcome = Cli.Run("run", path);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(path + ":7:", outcome.Stderr);
            Assert.Contains("nobody", outcome.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_MissingFile_ExitsTwoNamingIt()
    {
        var outcome = Cli.Run("run", "scenarios/no-such-file.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("scenarios/no-such-file.yaml", outcome.Stderr);
    }

    [Fact]
    public void Check_ValidScenario_ExitsZero()
    {
        var outcome = Cli.Run("check", Passing);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("ok: " + Passing, outcome.LastLine);
    }

    [Fact]
    public void Run_Json_WritesOneSnakeCaseObject()
    {
        var outcome = Cli.Run("run", Passing, "--json");

        using var json = System.Text.Json.JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.Equal(0, outcome.ExitCode);
        foreach (var field in new[] { "seed", "trace_hash", "simulated_seconds", "events", "wall_seconds", "violations" })
            Assert.True(root.TryGetProperty(field, out _), "missing " + field);
    }

    [Fact]
    public void Swarm_CheckerMadeToFail_ReportsEverySeedWithAReplayThatReproducesIt()
    {
        var outcome = Cli.Run("swarm", FailsOnPurpose, "--seeds", "1..4", "--parallel", "2");
        var replays = outcome.Lines.Where(l => l.StartsWith("replay: ", System.StringComparison.Ordinal)).ToList();
        var first = replays[0][(replays[0].IndexOf(" -- ", System.StringComparison.Ordinal) + 4)..].Split(' ');
        var replayed = Cli.Run(first);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("seeds=4 failed=4", outcome.LastLine);
        Assert.Equal(4, replays.Count);
        Assert.Contains("--swarm", first);
        Assert.Contains(replayed.Lines, l => l.StartsWith("VIOLATION stable_membership", System.StringComparison.Ordinal));
        Assert.Contains("swarm: 4/4 seeds done", outcome.Stderr);
    }

    [Fact]
    public void Swarm_BadSeedRange_ExitsTwo()
    {
        var outcome = Cli.Run("swarm", Passing, "--seeds", "9..3");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--seeds", outcome.Stderr);
    }
}
