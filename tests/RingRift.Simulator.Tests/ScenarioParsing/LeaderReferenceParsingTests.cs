using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class LeaderReferenceParsingTests
{
    private const string Source = "leader.yaml";

    /// <summary>A valid scenario of eight lines; a case appends its timeline from line 9 on.</summary>
    private const string Header = """
        name: leader
        duration: 1h
        cluster:
          p2p_voters: [a, b, c]
          hosts:
            a: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            b: { memory_gb: 8, cpus: 2, disk_gb: 10 }
            c: { memory_gb: 8, cpus: 2, disk_gb: 10, gpu: H100, gpu_vram_gb: 80 }

        """;

    private static Scenario Parse(string timeline) => ScenarioParser.Parse(Header + "timeline:\n" + timeline, Source);

    [Fact]
    public void NodeVerbs_NamingLeader_KeepTheReferenceForTheRunToResolve()
    {
        var scenario = Parse("""
              - { at: 1m, crash: leader, torn_write: true }
              - { at: 2m, restart: leader }
              - { at: 3m, pause: leader, for: 30s }
              - { at: 4m, clock_step: leader, by: -2s }
              - { at: 5m, clock_drift: leader, ppm: 400 }
            """);

        Assert.Equal<TimelineEntry>(
            [
                new CrashNode(Duration.FromMinutes(1), 10, LeaderReference.Node, true),
                new RestartNode(Duration.FromMinutes(2), 11, LeaderReference.Node),
                new PauseNode(Duration.FromMinutes(3), 12, LeaderReference.Node, Duration.FromSeconds(30)),
                new StepClock(Duration.FromMinutes(4), 13, LeaderReference.Node, Duration.FromSeconds(-2)),
                new DriftClock(Duration.FromMinutes(5), 14, LeaderReference.Node, 400),
            ],
            scenario.Timeline);
    }

    [Fact]
    public void NetworkVerbs_NamingLeader_KeepTheReferenceInTheirLists()
    {
        var scenario = Parse("""
              - { at: 1m, partition: [leader], from: [a] }
              - { at: 2m, one_way: { from: [b, leader], to: [c] } }
              - { at: 3m, flap: [leader, c], period: 20s }
            """);

        var partition = Assert.IsType<PartitionNodes>(scenario.Timeline[0]);
        Assert.Equal<NodeId>([LeaderReference.Node], partition.Group);
        Assert.Equal<NodeId>([new NodeId("a")], partition.Other);
        Assert.Equal<NodeId>([new NodeId("b"), LeaderReference.Node], Assert.IsType<BlockOneWay>(scenario.Timeline[1]).From);
        Assert.Equal(LeaderReference.Node, Assert.IsType<FlapLink>(scenario.Timeline[2]).A);
    }

    [Fact]
    public void Restart_WithEpoch_PlantsAStaleHighEpoch()
    {
        var scenario = Parse("""
              - { at: 1m, crash: a }
              - { at: 2m, restart: a, epoch: 50 }
            """);

        Assert.Equal(new RestartNode(Duration.FromMinutes(2), 11, new NodeId("a"), 50), scenario.Timeline[1]);
    }

    [Theory]
    [InlineData("  - { at: 1m, gpu: leader, fault: hang }\n", 10, "'gpu' cannot name 'leader': only crash, restart, pause, clock_step, clock_drift, partition, one_way and flap can")]
    [InlineData("  - { at: 1m, restart: leader }\n", 10, "restart: no 'crash: leader' before 1m is waiting for its restart")]
    [InlineData("  - { at: 1m, partition: [leader], from: [leader] }\n", 10, "'leader' is on both sides")]
    [InlineData("  - { at: 1m, one_way: { from: [leader, leader], to: [a] } }\n", 10, "names 'leader' twice")]
    [InlineData("  - { at: 1m, crash: a }\n  - { at: 2m, restart: a, epoch: 0 }\n", 11, "must be between 1 and 9007199254740992, got 0")]
    public void Timeline_MisusingLeader_ReportsLineAndProblem(string timeline, int line, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Parse(timeline));

        Assert.Equal(line, error.Line);
        Assert.Contains(fragment, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Host_CalledLeader_IsRejectedAsReserved()
    {
        var text = "name: x\nduration: 1h\ncluster:\n  hosts:\n    leader: { memory_gb: 8, cpus: 2, disk_gb: 10 }\n";

        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(text, Source));

        Assert.Equal(5, error.Line);
        Assert.Contains("host id 'leader' is reserved: in a timeline it names the current leader", error.Message, System.StringComparison.Ordinal);
    }
}
