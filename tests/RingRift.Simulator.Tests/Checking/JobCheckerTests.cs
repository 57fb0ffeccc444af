using RingRift.Kernel;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Checking;

public sealed class JobCheckerTests
{
    private static readonly NodeId N1 = Nodes.Gpu(1), N2 = Nodes.Gpu(2);

    private static LaunchCommand Launch(int seconds, NodeId node, string id) => new(
        Duration.FromSeconds(seconds), 1, node, new JobSpec(new JobId(id), JobKind.Selfplay, "square8_2p", 1), Duration.FromMinutes(5));

    [Fact]
    public void JobExclusive_SameJobLaunchedOnTwoNodes_ViolatedAtTheSecondLaunch()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(Launch(60, N1, "sp-1")).At(Launch(90, N2, "sp-1"))
            .Checks(CheckCatalog.JobExclusive).Build();

        var report = SimRun.Of(scenario).Report;

        var violation = Assert.Single(report.Violations);
        Assert.Equal(CheckCatalog.JobExclusive, violation.Checker);
        Assert.Equal(Duration.FromSeconds(90), violation.At);
        Assert.Equal("sp-1 launched on lambda-gpu-02 while it runs on node #0", violation.Message);
    }

    [Fact]
    public void JobExclusive_SameJobAfterItEnded_Holds()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(Launch(60, N1, "sp-1")).At(Launch(420, N2, "sp-1"))
            .Checks(CheckCatalog.JobExclusive).Build();

        Assert.Empty(SimRun.Of(scenario).Report.Violations);
    }

    [Fact]
    public void JobCapacity_WithoutAWorkload_ChecksNothing()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(Launch(60, N1, "sp-1")).At(Launch(61, N1, "sp-2"))
            .Checks(CheckCatalog.JobCapacity).Build();

        var report = SimRun.Of(scenario).Report;

        Assert.Empty(report.Violations);
        Assert.Null(report.Jobs);
    }
}
