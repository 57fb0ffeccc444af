using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Checking;

public sealed class CheckerTests
{
    private static readonly NodeId N1 = Nodes.Gpu(1), N2 = Nodes.Gpu(2), N3 = Nodes.Gpu(3);

    [Fact]
    public void StableMembership_NodeCrashes_ViolatedAtTheFirstSuspicionAndTheRunStopsThere()
    {
        var run = SimRun.Of(CrashAt60s().Checks(CheckCatalog.StableMembership).Build());

        var firstSuspicion = new[] { N1, N2 }.Min(o => run.Deliveries(o, N3, MessageKind.Heartbeat).Last()) + Duration.FromSeconds(90).Micros;
        var violation = Assert.Single(run.Report.Violations);
        Assert.Equal(CheckCatalog.StableMembership, violation.Checker);
        Assert.Equal(new Duration(firstSuspicion), violation.At);
        Assert.Matches("^lambda-gpu-0[12] sees lambda-gpu-03 as Suspect in a cluster that should be stable$", violation.Message);
        Assert.Equal(violation.At, run.Report.SimulatedTime);
        Assert.Equal("unexpected violation " + violation, Assert.Single(run.Report.ExpectationFailures));
        Assert.False(run.Report.Passed);
    }

    [Fact]
    public void ExpectViolation_MatchingTheCheckerThatFired_Passes()
    {
        var scenario = CrashAt60s().Checks(CheckCatalog.StableMembership).ExpectViolation(CheckCatalog.StableMembership).Build();

        var report = SimRun.Of(scenario).Report;

        Assert.Single(report.Violations);
        Assert.Empty(report.ExpectationFailures);
        Assert.True(report.Passed);
    }

    [Fact]
    public void ExpectViolation_AnotherCheckerFired_FailsNamingBoth()
    {
        var scenario = CrashAt60s()
            .Checks(CheckCatalog.StableMembership, CheckCatalog.MembershipConverges)
            .ExpectViolation(CheckCatalog.MembershipConverges)
            .Build();

        var report = SimRun.Of(scenario).Report;

        var failure = Assert.Single(report.ExpectationFailures);
        Assert.StartsWith("expected a membership_converges violation, got [stable_membership] at ", failure, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectViolation_NothingFired_FailsSayingNone()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(5))
            .Checks(CheckCatalog.StableMembership).ExpectViolation(CheckCatalog.StableMembership).Build();

        var report = SimRun.Of(scenario).Report;

        Assert.Equal("expected a stable_membership violation, got none", Assert.Single(report.ExpectationFailures));
    }

    [Fact]
    public void MembershipConverges_PartitionStillCutAtTheEnd_ViolatedAskingForAHeal()
    {
        var scenario = new ScenarioBuilder().WithHosts(5).For(Duration.FromMinutes(10))
            .At(new PartitionNodes(Duration.FromSeconds(60), 1, [Nodes.Gpu(4), Nodes.Gpu(5)], default))
            .Checks(CheckCatalog.MembershipConverges)
            .Build();

        var report = SimRun.Of(scenario).Report;

        var violation = Assert.Single(report.Violations);
        Assert.Equal(CheckCatalog.MembershipConverges, violation.Checker);
        Assert.Equal(Duration.FromMinutes(10), violation.At);
        Assert.Contains("heal", violation.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MembershipConverges_HealedPartitionWithTimeToConverge_Holds()
    {
        var report = SimRun.Of(PartitionHealedAt400s(Duration.FromMinutes(10))).Report;

        Assert.Empty(report.Violations);
    }

    /// <summary>
    /// After a partition long enough to retire peers, each side hears the other again only through a
    /// retired-peer probe (one every retired_probe_interval, 120 s by default). A run ending before that
    /// interval has passed since the heal cannot be blamed for not having converged.
    /// </summary>
    [Fact]
    public void MembershipConverges_RunEndsBeforeRetiredPeersAreProbedAgain_Holds()
    {
        var report = SimRun.Of(PartitionHealedAt400s(Duration.FromSeconds(470))).Report;

        Assert.Empty(report.Violations);
    }

    [Fact]
    public void MembershipConverges_HealedButAPeerStillUnseenPastTheBound_Violated()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new DiskFault(Duration.Zero, 1, N3, DiskFaultKind.FsyncFails, Duration.Zero))
            .Checks(CheckCatalog.MembershipConverges)
            .Build();

        var report = SimRun.Of(scenario).Report;

        var violation = Assert.Single(report.Violations);
        Assert.Equal(Duration.FromMinutes(10), violation.At);
        Assert.Equal($"{N1} sees running peer {N3} as Retired", violation.Message);
    }

    [Fact]
    public void Run_UnknownCheck_ThrowsNamingIt()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).Checks("no_such_check").Build("odd");

        var thrown = Assert.Throws<ScenarioException>(() => Simulation.Run(scenario, new RunOptions(1)));

        Assert.Equal("odd.yaml:0: unknown check no_such_check", thrown.Message);
    }

    [Fact]
    public void CheckCatalog_Defaults_AreEveryCheckButTheStableOnes()
    {
        var expected = CheckCatalog.Names.Remove(CheckCatalog.StableMembership).Remove(CheckCatalog.StableLeadership);
        Assert.Equal(expected, CheckCatalog.Defaults, System.StringComparer.Ordinal);
    }

    private static ScenarioBuilder CrashAt60s() =>
        new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new CrashNode(Duration.FromSeconds(60), 1, N3, TornWrite: false));

    private static Scenario PartitionHealedAt400s(Duration runFor) =>
        new ScenarioBuilder().WithHosts(5).For(runFor)
            .At(new PartitionNodes(Duration.FromSeconds(60), 1, [Nodes.Gpu(4), Nodes.Gpu(5)], default))
            .At(new HealNetwork(Duration.FromSeconds(400), 2))
            .Build();
}
