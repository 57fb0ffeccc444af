using RingRift.Kernel;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Checking;

/// <summary>games_durable judges every deletion against the truth: one before the game is durable fails the run.</summary>
public sealed class GamesDurableCheckerTests
{
    private const string Cluster = """
        name: deletes
        description: a worker's games, then an operator deletes them
        duration: 30m
        sync: { canonical: hetzner-cpu1 }
        checks: [games_durable]
        cluster:
          p2p_voters: [hetzner-cpu1, hetzner-cpu2, hetzner-cpu3]
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 2000 }
            hetzner-cpu2: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            hetzner-cpu3: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            lambda-h100-1: { gpu: H100, gpu_vram_gb: 80, memory_gb: 200, cpus: 26, disk_gb: 1400 }
        timeline:
          - { at: 2m, write_games: lambda-h100-1, count: 3, mb: 1000 }

        """;

    private static SimRun Run(string deleteAt, string more = "") =>
        SimRun.Of(ScenarioParser.Parse(Cluster + more + $"  - {{ at: {deleteAt}, delete_games: lambda-h100-1 }}\n", "deletes.yaml"));

    [Fact]
    public void OperatorDeletesGamesBeforeTheyAreReplicated_PrematureDeleteIsAViolation()
    {
        var run = Run("2m1s");

        Assert.Equal(3, run.Report.Violations.Length);
        var violation = run.Report.Violations[0];
        Assert.Equal(CheckCatalog.GamesDurable, violation.Checker);
        Assert.Matches("^games/square8_2p/lambda-h100-1-0000001.db deleted on lambda-h100-1 before the canonical store and 2 other nodes held it$", violation.Message);
    }

    /// <summary>The writer's own copy counts as one of the two replicas, so with every copy in place a delete there is still premature.</summary>
    [Fact]
    public void OperatorDeletesTheWritersCopy_OnlyOneOtherReplica_PrematureDelete()
    {
        var run = Run("25m");

        Assert.Equal(3, run.Report.Violations.Length);
        Assert.All(run.Report.Violations, v => Assert.Contains("deleted on lambda-h100-1 before", v.Message, System.StringComparison.Ordinal));
    }

    /// <summary>
    /// A writer at its warning level (95 % of 1,400 GB: 70 GB free, under the 100 GB ample) does not count as a
    /// replica, so two more are made; the kernel's cleanup then deletes its copies, and every deletion passes the check.
    /// </summary>
    [Fact]
    public void WriterAtWarningLevel_KernelCleanupDeletesItsGamesOnceDurable_NoViolation()
    {
        var run = SimRun.Of(ScenarioParser.Parse(Cluster + "  - { at: 1m, disk_level: lambda-h100-1, used: 95% }\n", "cleanup.yaml"));

        Assert.True(run.Report.Violations.IsEmpty, string.Join("; ", run.Report.Violations));
        Assert.Equal(3, run.Report.Sync!.FilesCleaned);
        Assert.Equal(0, run.Report.Sync.GamesLost);
        Assert.Equal(0, run.Report.Sync.GamesNotDurable);
    }
}
