using RingRift.Kernel;
using RingRift.Kernel.Monitoring;
using RingRift.Simulator.Engine.Operations;
using Xunit;

namespace RingRift.Simulator.Tests.Operations;

public sealed class OpsBookTests
{
    private static readonly NodeId A = new("a");
    private static readonly MonitoringConfig Config = MonitoringConfig.Default with { Horizon = Duration.FromHours(1) };
    private static readonly long Minute = Duration.FromMinutes(1).Micros;

    [Fact]
    public void StallAlert_WhileTheGpuIsNotStuck_IsFalse()
    {
        var book = new OpsBook(Config, 2);

        book.OnNotice(0, 0, new AlertRaised(A, AlertKind.SelfplayStalled, 10, null), gpuStuck: false);

        Assert.Equal(1, book.Figures(Minute).FalseAlerts);
    }

    [Fact]
    public void StallAlert_AfterASilentStop_IsTrueAndTimesTheDelay()
    {
        var book = new OpsBook(Config, 2);
        book.OnSilent(10 * Minute, 1, silent: true);

        book.OnNotice(17 * Minute, 1, new AlertRaised(A, AlertKind.SelfplayStalled, 10, null), gpuStuck: true);

        var figures = book.Figures(60 * Minute);
        Assert.Equal(0, figures.FalseAlerts);
        Assert.Equal(Duration.FromMinutes(7), figures.SilentStopToAlertMax);
    }

    [Fact]
    public void HeartbeatDelayAlert_IsTrueOnlyWhileALinkIsDelayed()
    {
        var book = new OpsBook(Config, 2);

        book.OnNotice(0, 0, new AlertRaised(A, AlertKind.HeartbeatDelayRising, 30_000, Duration.FromMinutes(30)), gpuStuck: false, linkDelayed: true);
        book.OnNotice(Minute, 1, new AlertRaised(A, AlertKind.HeartbeatDelayRising, 30_000, Duration.FromMinutes(30)), gpuStuck: true, linkDelayed: false);

        var figures = book.Figures(60 * Minute);
        Assert.Equal(2, figures.AlertsRaised);
        Assert.Equal(1, figures.FalseAlerts);
    }

    [Fact]
    public void SilentStop_NeverAlerted_CountsToTheEndOfTheRun()
    {
        var book = new OpsBook(Config, 1);
        book.OnSilent(10 * Minute, 0, silent: true);
        book.OnSilent(20 * Minute, 0, silent: false);

        Assert.Equal(Duration.FromMinutes(50), book.Figures(60 * Minute).SilentStopToAlertMax);
    }

    [Fact]
    public void DiskAlert_WithoutFillAndNeverReachingTheThreshold_IsFalseOnceItsHorizonEnds()
    {
        var book = new OpsBook(Config, 1);
        book.OnNotice(0, 0, new AlertRaised(A, AlertKind.DiskFilling, 9_000, Duration.FromMinutes(30)), gpuStuck: false);

        book.Judge(61 * Minute);

        Assert.Equal(1, book.Figures(61 * Minute).FalseAlerts);
    }

    [Fact]
    public void DiskAlert_WithoutFillButReachingTheThresholdInTime_IsTrue()
    {
        var book = new OpsBook(Config, 1);
        book.Nodes[0].Cleanup(0, Ratio.FromPercent(96));
        book.OnNotice(0, 0, new AlertRaised(A, AlertKind.DiskFilling, 9_600, Duration.Zero), gpuStuck: false);

        book.Judge(Minute);

        Assert.Equal(0, book.Figures(120 * Minute).FalseAlerts);
    }

    [Fact]
    public void DiskAlert_WhileFilling_IsTrue()
    {
        var book = new OpsBook(Config, 1);
        book.Nodes[0].SetFill(0, Ratio.FromPercent(20));

        book.OnNotice(Minute, 0, new AlertRaised(A, AlertKind.DiskFilling, 5_000, Duration.FromMinutes(50)), gpuStuck: false);

        Assert.Equal(0, book.Figures(120 * Minute).FalseAlerts);
    }

    [Fact]
    public void HealingAction_OnAHealthyNode_IsCountedApart()
    {
        var book = new OpsBook(Config, 1);

        var name = book.OnNotice(0, 0, new HealingAction(HealingAction.TerminateStuckJob, A, "j1", "r"), gpuStuck: false);

        var figures = book.Figures(Minute);
        Assert.Equal("HEALING_ACTION", name);
        Assert.Equal((1L, 1L, 0L), (figures.HealingActions, figures.HealingOnHealthyNodes, figures.HealthyNodesRestarted));
    }
}
