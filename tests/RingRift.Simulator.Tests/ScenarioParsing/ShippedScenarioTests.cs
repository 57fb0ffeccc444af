using System.IO;
using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class ShippedScenarioTests
{
    public static TheoryData<string> ScenarioFiles() => new(ScenarioPaths());

    /// <summary>Every scenario file, relative to the repository root with '/' separators, in ordinal order.</summary>
    private static string[] ScenarioPaths() =>
        Directory.EnumerateFiles(RepositoryFiles.ScenariosDirectory, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Order(System.StringComparer.Ordinal)
            .ToArray();

    private static Scenario Load(string relativePath) =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, relativePath)), relativePath);

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Parse_ShippedScenario_SucceedsWithDescriptionAndExpectedOutcome(string relativePath)
    {
        var scenario = Load(relativePath);

        Assert.Equal(Path.GetFileNameWithoutExtension(relativePath), scenario.Name);
        Assert.NotEqual("", scenario.Description);
        Assert.True(scenario.Expect.Views.Length + scenario.Expect.Figures.Length > 0, "no expected views or summary figures");
    }

    [Fact]
    public void ScenarioFiles_Repository_AreTheShippedOnes()
    {
        string[] expected =
        [
            "scenarios/checks/drift-beyond-bound-fails.yaml",
            "scenarios/checks/too-slow-network-fails.yaml",
            "scenarios/checks/voter-clock-step-beyond-bound-fails.yaml",
            "scenarios/election/clock-skew-and-drift.yaml",
            "scenarios/election/flapping-link.yaml",
            "scenarios/election/leader-crash-fast.yaml",
            "scenarios/election/leader-crash.yaml",
            "scenarios/election/leader-pause-longer-than-lease.yaml",
            "scenarios/election/mass-restart.yaml",
            "scenarios/election/nat-blocked-top-rank.yaml",
            "scenarios/election/one-way-link-to-leader.yaml",
            "scenarios/election/stale-epoch-rejoin.yaml",
            "scenarios/election/voter-restart-with-grant.yaml",
            "scenarios/election/voters-split-leader-in-minority.yaml",
            "scenarios/membership/crash-and-restart.yaml",
            "scenarios/membership/healthy-36-node-day.yaml",
            "scenarios/membership/long-pause.yaml",
            "scenarios/membership/minority-partition.yaml",
            "scenarios/membership/nat-one-way.yaml",
            "scenarios/membership/swim-1024.yaml",
            "scenarios/membership/swim-256.yaml",
            "scenarios/membership/swim-crash.yaml",
            "scenarios/operations/burst-scale-up-down.yaml",
            "scenarios/operations/disk-slowly-filling.yaml",
            "scenarios/operations/heartbeat-delay-rising.yaml",
            "scenarios/operations/scale-down-refusals.yaml",
            "scenarios/operations/selfplay-silent-stop.yaml",
            "scenarios/operations/slow-but-healthy-node.yaml",
            "scenarios/operations/unattended-48h.yaml",
            "scenarios/regressions/gpu-hang-kill-lost-retry-waits.yaml",
            "scenarios/regressions/retry-pending-when-leader-crashes.yaml",
            "scenarios/regressions/voter-clock-step-while-leader-cut-off.yaml",
            "scenarios/regressions/worker-paused-beyond-lease-with-jobs.yaml",
            "scenarios/regressions/worker-paused-no-spare-gpu-lost-once.yaml",
            "scenarios/scheduling/dispatch-broken-alarm.yaml",
            "scenarios/scheduling/gpu-fails-mid-training.yaml",
            "scenarios/scheduling/gpu-hang.yaml",
            "scenarios/scheduling/healthy-36-node-day-with-work.yaml",
            "scenarios/scheduling/leader-change-mid-dispatch.yaml",
            "scenarios/scheduling/node-dies-with-jobs.yaml",
            "scenarios/scheduling/stale-reports-no-over-dispatch.yaml",
            "scenarios/scheduling/training-makes-room.yaml",
            "scenarios/scheduling/training-would-starve-selfplay.yaml",
            "scenarios/scheduling/worker-partitioned-with-jobs.yaml",
            "scenarios/swarm/seven-node.yaml",
            "scenarios/swarm/twelve-node-with-work.yaml",
            "scenarios/sync/coordinator-disk-95.yaml",
            "scenarios/sync/coordinator-link-down-2h.yaml",
            "scenarios/sync/promotion-during-partition.yaml",
            "scenarios/sync/sixteen-thousand-files-slow-links.yaml",
            "scenarios/sync/stale-model-held.yaml",
            "scenarios/sync/stale-model-running-selfplay-stopped.yaml",
            "scenarios/sync/transfer-corrupted-in-flight.yaml",
            "scenarios/sync/worker-disk-fills-cleanup.yaml",
            "scenarios/sync/worker-disk-wiped-after-job.yaml",
        ];

        Assert.Equal(expected, ScenarioPaths());
    }

    [Fact]
    public void Parse_SixteenThousandFiles_SeedsEightWorkersWithTwoThousandFilesAndSlowLinks()
    {
        var scenario = Load("scenarios/sync/sixteen-thousand-files-slow-links.yaml");
        var sync = scenario.Sync!;

        Assert.Equal(new NodeId("hetzner-cpu1"), sync.Canonical);
        Assert.Equal(16_000, sync.Files.Sum(f => f.Count));
        Assert.All(sync.Files, f => Assert.Equal(10_000_000, f.Bytes));
        Assert.Equal((10_000_000L, 10_000_000L, 2_000_000L), (sync.SameProviderBytesPerSecond, sync.CrossProviderBytesPerSecond, sync.NatBytesPerSecond));
    }

    [Fact]
    public void Parse_CorruptedInFlight_SetsTheWorkerToCoordinatorLinkToCorruptEverything()
    {
        var scenario = Load("scenarios/sync/transfer-corrupted-in-flight.yaml");

        var link = Assert.IsType<SetLinkFaults>(scenario.Timeline[0]);
        Assert.Equal((new NodeId("lambda-h100-1"), new NodeId("hetzner-cpu1")), (link.A, link.B));
        Assert.Equal(Ratio.One, link.Faults.Corrupt);
        Assert.Equal(new WriteGames(Duration.FromMinutes(2), 26, new NodeId("lambda-h100-1"), 40, 50_000_000), scenario.Timeline[1]);
    }

    [Fact]
    public void Parse_HealthyDay_Has36NodesOfTheOriginalFleet()
    {
        var scenario = Load("scenarios/membership/healthy-36-node-day.yaml");
        var profiles = scenario.Hosts.Select(h => h.Profile).ToList();

        Assert.Equal(36, profiles.Count);
        Assert.Equal(27, profiles.Count(p => p.HasGpu));
        Assert.Equal(18, profiles.Where(p => p.HasGpu).Select(p => p.Gpu.Model).Distinct().Count());
        Assert.Equal(new[] { "aws", "hetzner", "lambda", "nebius", "runpod", "vast", "vultr" }, profiles.Select(p => p.Provider).Distinct().Order());
        Assert.Equal(new[] { "aws-cpu1", "aws-cpu2", "hetzner-cpu1", "hetzner-cpu2", "hetzner-cpu3" }, scenario.Voters.Select(v => v.Value));
        Assert.Equal(new[] { "vast-rtx3060-1", "vast-rtx4060ti-1" }, profiles.Where(p => p.NatBlocked).Select(p => p.Node.Value));
        Assert.Equal(Duration.FromHours(24), scenario.Duration);
        Assert.Equal(new Ratio(10), scenario.Network.Loss);
        Assert.Equal(new Ratio(5), scenario.Network.Duplicate);
        Assert.Equal(new Ratio(50), scenario.Network.Reorder);
        Assert.Empty(scenario.Timeline);
        Assert.All(scenario.Hosts, h => Assert.InRange(h.Clock.DriftPpm, -100, 100));
        Assert.Equal(4, scenario.Hosts.Count(h => h.Clock != ClockSpec.Perfect));
    }

    [Fact]
    public void Parse_CrashAndRestart_CrashesWithTornWriteAndRestarts()
    {
        var scenario = Load("scenarios/membership/crash-and-restart.yaml");
        var node = new NodeId("lambda-gh200-2");

        Assert.Equal(9, scenario.Hosts.Length);
        Assert.Equal(new CrashNode(Duration.FromMinutes(10), 22, node, TornWrite: true), scenario.Timeline[0]);
        Assert.Equal(new RestartNode(Duration.FromMinutes(20), 23, node), scenario.Timeline[1]);
        Assert.Contains(scenario.Expect.Views, v => v.At == Duration.FromSeconds(13 * 60 + 30) && v.Peer == node && v.State == MemberState.Dead && v.Observer is null);
    }

    [Theory]
    [InlineData("scenarios/membership/swim-256.yaml", 256)]
    [InlineData("scenarios/membership/swim-1024.yaml", 1024)]
    public void Parse_SwimMeasurement_SevenProvidersFivePercentLossOneCrash(string path, int nodes)
    {
        var scenario = Load(path);

        Assert.Equal((MembershipMode.Swim, SwimConfig.Default), (scenario.MembershipMode, scenario.Swim));
        Assert.Equal(nodes, scenario.Hosts.Length);
        Assert.Equal(7, scenario.Hosts.Select(h => h.Profile.Provider).Distinct().Count());
        Assert.Equal(Ratio.FromPercent(5), scenario.Network.Loss);
        Assert.Equal(new CrashNode(Duration.FromMinutes(3), 31, new NodeId("lambda-gpu-7"), TornWrite: false), Assert.Single(scenario.Timeline));
    }

    [Fact]
    public void Parse_SwimCrash_RunsSwimWithANatBlockedNode()
    {
        var scenario = Load("scenarios/membership/swim-crash.yaml");

        Assert.Equal(MembershipMode.Swim, scenario.MembershipMode);
        Assert.Equal(10, scenario.Hosts.Length);
        Assert.Equal("vast-rtx3090-1", Assert.Single(scenario.Hosts, h => h.Profile.NatBlocked).Node.Value);
    }

    [Fact]
    public void Parse_TooSlowNetwork_ExpectsStableMembership()
    {
        var scenario = Load("scenarios/checks/too-slow-network-fails.yaml");

        Assert.Equal(new[] { CheckCatalog.StableMembership }, scenario.Checks);
        Assert.Equal(CheckCatalog.StableMembership, scenario.Expect.Violation);
        Assert.Equal(3, scenario.Hosts.Select(h => h.Profile.Provider).Distinct().Count());
        Assert.True(scenario.Network.CrossProvider.Min > scenario.Membership.DeadTimeout);
    }

    [Fact]
    public void Parse_SevenNode_HasSwarmPhasesAndThreeVoters()
    {
        var scenario = Load("scenarios/swarm/seven-node.yaml");

        Assert.Equal(7, scenario.Hosts.Length);
        Assert.Equal(3, scenario.Voters.Length);
        Assert.Equal(new SwarmSpec(Duration.FromMinutes(20), Duration.FromMinutes(10)), scenario.Swarm);
        Assert.Equal(Duration.FromHours(1), scenario.Duration);
    }
}
