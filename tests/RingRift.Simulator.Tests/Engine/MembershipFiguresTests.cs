using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class MembershipFiguresTests
{
    private static RunReport Report(long membershipMessages, long falseDead, Duration running, params long[] detectionSeconds)
    {
        var detections = ImmutableArray.CreateBuilder<Duration>();
        foreach (var seconds in detectionSeconds) detections.Add(Duration.FromSeconds(seconds));
        return new RunReport("r", 1, Duration.FromHours(1), 0, membershipMessages * 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, [], [], 0)
        {
            DeathDetections = detections.ToImmutable(),
            FalseDeadDeclarations = falseDead,
            NodeRunningTime = running,
            MembershipMessagesSent = membershipMessages,
        };
    }

    [Theory]
    [InlineData(50, 5)]
    [InlineData(99, 10)]
    [InlineData(100, 10)]
    [InlineData(1, 1)]
    public void Percentile_IsTheNearestRank(int percent, long expectedSeconds)
    {
        var sorted = new List<Duration>();
        for (var s = 1; s <= 10; s++) sorted.Add(Duration.FromSeconds(s));

        Assert.Equal(Duration.FromSeconds(expectedSeconds), NearestRank.Of(sorted, percent));
        Assert.Equal(Duration.Zero, NearestRank.Of(new List<Duration>(), percent));
    }

    [Fact]
    public void From_PoolsDetectionsAndRatesOverEveryRun_CountingOnlyMembershipMessages()
    {
        var period = Duration.FromSeconds(5);
        // Two runs of 1,000 member-periods each (5,000 node-seconds): 6,000 membership messages, 1 false death.
        var figures = MembershipFigures.From(
            [Report(2_500, 0, Duration.FromSeconds(5_000), 40, 70), Report(3_500, 1, Duration.FromSeconds(5_000), 50)], period);

        Assert.Equal((2, 3, 0), (figures.Runs, figures.Detections, figures.DetectionsIncomplete));
        Assert.Equal((Duration.FromSeconds(50), Duration.FromSeconds(70), Duration.FromSeconds(70)),
            (figures.DetectionP50, figures.DetectionP99, figures.DetectionMax));
        Assert.Equal(2_000, figures.MemberPeriods);
        Assert.Equal(500, figures.FalseDeadPerMillionMemberPeriods);
        Assert.Equal(3, figures.MessagesPerMemberPeriod);
    }

    [Fact]
    public void Stats_CrashRestartedBeforeEveryObserverSawItDead_IsIncomplete_AndRunningTimeExcludesDowntime()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new CrashNode(Duration.FromMinutes(1), 1, Nodes.Gpu(3), TornWrite: false))
            .At(new RestartNode(Duration.FromMinutes(2), 2, Nodes.Gpu(3)))
            .Build("restart-early");

        var report = Simulation.Run(scenario, new RunOptions(1));

        Assert.Empty(report.DeathDetections);
        Assert.Equal(1, report.DeathDetectionsIncomplete);
        Assert.Equal(Duration.FromMinutes(29), report.NodeRunningTime);
    }

    [Fact]
    public void Stats_HeartbeatModeCrash_DetectionIsTheDeadTimeoutFromTheLastHeartbeatsHeard()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new CrashNode(Duration.FromMinutes(1), 1, Nodes.Gpu(3), TornWrite: false))
            .Build("heartbeat-crash");

        var report = Simulation.Run(scenario, new RunOptions(1));

        // Dead 180 s after the last heartbeat heard, which left at most one 15 s interval before the crash.
        Assert.InRange(Assert.Single(report.DeathDetections).Micros, Duration.FromSeconds(165).Micros, Duration.FromSeconds(181).Micros);
        Assert.Equal(0, report.FalseDeadDeclarations);
        Assert.True(report.MembershipMessagesSent > 0);
    }
}
