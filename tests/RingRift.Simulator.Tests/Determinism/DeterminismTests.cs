using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Determinism;

public sealed class DeterminismTests
{
    [Fact]
    public void Run_SameScenarioAndSeed_GivesTheSameReportAndTraceHash()
    {
        var scenario = Busy();

        var first = Simulation.Run(scenario, new RunOptions(42));
        var second = Simulation.Run(scenario, new RunOptions(42));

        Assert.Equal(first.TraceHash, second.TraceHash);
        AssertSameReport(first, second);
        Assert.Empty(first.ExpectationFailures);
        Assert.Equal(Duration.FromMinutes(30), first.SimulatedTime);
        Assert.True(first.Events > 1_000, "the scenario exercises the engine");
        Assert.True(first.MessagesDropped > 0, "the scenario exercises the fault model");
    }

    [Fact]
    public void Run_SameScenarioAndSeed_WritesIdenticalTraceLines()
    {
        var scenario = Busy();

        var first = SimRun.Of(scenario, 42);
        var second = SimRun.Of(scenario, 42);

        Assert.Equal(first.Lines, second.Lines);
        Assert.True(first.Lines.Count > 1_000);
    }

    [Fact]
    public void Run_TraceSinkAttachedOrNot_GivesTheSameHash()
    {
        var scenario = Busy();

        var withLines = SimRun.Of(scenario, 7).Report;
        var without = Simulation.Run(scenario, new RunOptions(7));

        Assert.Equal(withLines.TraceHash, without.TraceHash);
    }

    [Fact]
    public void Run_TwentyDifferentSeeds_GiveTwentyDifferentHashes()
    {
        var scenario = Busy();

        var hashes = new HashSet<ulong>();
        for (ulong seed = 1; seed <= 20; seed++) hashes.Add(Simulation.Run(scenario, new RunOptions(seed)).TraceHash);

        Assert.Equal(20, hashes.Count);
    }

    [Fact]
    public void Run_SameSeedOnEightThreadsAtOnce_GivesTheSameHashEverywhere()
    {
        var scenario = Busy();
        var expected = Simulation.Run(scenario, new RunOptions(3)).TraceHash;

        var hashes = new ulong[8];
        Parallel.For(0, hashes.Length, i => hashes[i] = Simulation.Run(scenario, new RunOptions(3)).TraceHash);

        Assert.All(hashes, hash => Assert.Equal(expected, hash));
    }

    [Fact]
    public void Run_ScenarioEntriesOnOtherSourceLines_GiveTheSameHash()
    {
        var scenario = Busy();
        var shifted = scenario with { Timeline = [.. scenario.Timeline.Select(entry => entry with { SourceLine = entry.SourceLine + 10 })] };

        Assert.Equal(Simulation.Run(scenario, new RunOptions(5)).TraceHash, Simulation.Run(shifted, new RunOptions(5)).TraceHash);
    }

    [Fact]
    public void Run_NetworkChanges_AreTracedWithTheNodesTheyCut()
    {
        var lines = SimRun.Of(Busy(), 1).LinesWith(" partition ");

        Assert.Equal(["00:03:00.000000 partition group=aws-gpu-01,aws-gpu-02 other=rest"], lines);
    }

    [Fact]
    public void Run_ReportsTheSeedItWasGiven()
    {
        var report = Simulation.Run(Busy(), new RunOptions(123_456_789));

        Assert.Equal(123_456_789UL, report.Seed);
        Assert.Equal("busy", report.Scenario);
        Assert.Equal(report.TraceHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), report.TraceHashHex);
    }

    /// <summary>Half an hour of a mixed cluster under most faults the simulator has.</summary>
    private static Scenario Busy()
    {
        var nat = new NodeProfile(ScenarioBuilder.Id("vast-gpu-01"), "vast", new GpuProfile("RTX4090", 1, 24), 64, 16, 500, false, true, false);
        var network = NetworkSpec.Default with
        {
            Loss = Ratio.FromPercent(5), Duplicate = Ratio.FromPercent(5), Reorder = Ratio.FromPercent(10), Replay = Ratio.FromPercent(1),
        };
        return new ScenarioBuilder()
            .WithHosts(3, "lambda")
            .WithHosts(2, "aws", voters: 0)
            .WithHost(nat, new ClockSpec(Duration.FromSeconds(12), 150))
            .WithNetwork(network)
            .For(Duration.FromMinutes(30))
            .At(new LaunchCommand(Duration.FromSeconds(30), 1, Nodes.Gpu(1), Job("j1"), Duration.FromMinutes(12)))
            .At(new ProcessFaults(Duration.FromSeconds(40), 2, Nodes.Gpu(2), Ratio.FromPercent(30), Ratio.FromPercent(30), Ratio.FromPercent(30)))
            .At(new LaunchCommand(Duration.FromSeconds(45), 3, Nodes.Gpu(2), Job("j2"), Duration.FromMinutes(8)))
            .At(new CrashNode(Duration.FromMinutes(2), 4, Nodes.Gpu(3), TornWrite: true))
            .At(new PartitionNodes(Duration.FromMinutes(3), 5, [Nodes.Gpu(1, "aws"), Nodes.Gpu(2, "aws")], default))
            .At(new PauseNode(Duration.FromMinutes(4), 6, Nodes.Gpu(2), Duration.FromSeconds(40)))
            .At(new DriftClock(Duration.FromMinutes(5), 7, Nodes.Gpu(1), -180))
            .At(new RestartNode(Duration.FromMinutes(9), 8, Nodes.Gpu(3)))
            .At(new HealNetwork(Duration.FromMinutes(10), 9))
            .Build("busy");
    }

    private static JobSpec Job(string id) => new(new JobId(id), JobKind.Selfplay, "square8_2p", 1);

    private static void AssertSameReport(RunReport expected, RunReport actual)
    {
        Assert.Equal(expected with { Violations = default, ExpectationFailures = default, DeathDetections = default, Failovers = default },
            actual with { Violations = default, ExpectationFailures = default, DeathDetections = default, Failovers = default });
        Assert.Equal(expected.Violations.AsEnumerable(), actual.Violations.AsEnumerable());
        Assert.Equal(expected.DeathDetections.AsEnumerable(), actual.DeathDetections.AsEnumerable());
        Assert.Equal(expected.ExpectationFailures.AsEnumerable(), actual.ExpectationFailures.AsEnumerable());
    }
}
