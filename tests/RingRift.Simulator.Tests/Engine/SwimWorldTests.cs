using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>SWIM end to end in the simulator, on the default network model and default SWIM timing.</summary>
public sealed class SwimWorldTests
{
    private static readonly SwimConfig Swim = SwimConfig.Default;

    /// <summary>Half on one provider, half on another, so that half the links have the cross-provider tail.</summary>
    private static ScenarioBuilder Cluster(int perProvider, Duration duration, MembershipMode mode = MembershipMode.Swim) =>
        new ScenarioBuilder().WithHosts(perProvider, "lambda").WithHosts(perProvider, "nebius", voters: 0)
            .WithSwim(mode: mode).For(duration);

    private static NodeId Lambda(int i) => Nodes.Gpu(i);
    private static NodeId Nebius(int i) => Nodes.Gpu(i, "nebius");

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Crash_EveryOtherNodeSeesItDead_BetweenTheShortestSuspicionAndSixPeriodsLater(ulong seed)
    {
        var scenario = Cluster(8, Duration.FromMinutes(12))
            .At(new CrashNode(Duration.FromMinutes(5), 1, Lambda(3), TornWrite: false))
            .Expect(Views.At(12 * 60, null, Lambda(3), MemberState.Retired))
            .Build("swim-crash");

        var report = Simulation.Run(scenario, new RunOptions(seed));

        Assert.True(report.Passed, string.Join("; ", report.ExpectationFailures));
        var detection = Assert.Single(report.DeathDetections);
        Assert.InRange(detection.Micros, Swim.SuspicionMin(16).Micros, (Swim.SuspicionMin(16) + Swim.Period * 6).Micros);
        Assert.Equal(0, report.FalseDeadDeclarations);
    }

    [Fact]
    public void Partition_EachSideDeclaresTheOtherDead_AndAfterTheHealAllAreAliveWithinAMinute()
    {
        NodeId[] cut = [Lambda(1), Lambda(2), Nebius(1), Nebius(2)];
        var builder = Cluster(6, Duration.FromMinutes(17))
            .At(new PartitionNodes(Duration.FromMinutes(5), 1, [.. cut], default))
            .At(new HealNetwork(Duration.FromMinutes(15), 2));
        foreach (var peer in cut)
        {
            builder.Expect(Views.At(14 * 60, Lambda(5), peer, MemberState.Retired));
            builder.Expect(Views.At(16 * 60, null, peer, MemberState.Alive));
        }
        builder.Expect(Views.At(14 * 60, Lambda(1), Nebius(6), MemberState.Retired));
        builder.Expect(Views.At(16 * 60, null, Nebius(6), MemberState.Alive));

        var report = SimRun.Of(builder.Build("swim-partition")).Report;

        Assert.True(report.Passed, string.Join("; ", report.ExpectationFailures.Take(3)));
        // Every pair across the cut, both ways: 4 × 8 × 2 deaths, all of them the partition's.
        Assert.Equal(64, report.FalseDeadDeclarations);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void FivePercentLoss_SixteenNodesForAnHour_NoFalseDeath(ulong seed)
    {
        var scenario = Cluster(8, Duration.FromHours(1))
            .WithNetwork(NetworkSpec.Default with { Loss = Ratio.FromPercent(5) })
            .Build("swim-loss");

        var report = Simulation.Run(scenario, new RunOptions(seed));

        Assert.True(report.Passed, string.Join("; ", report.ExpectationFailures));
        Assert.Equal(0, report.FalseDeadDeclarations);
        // 16 nodes × 720 periods: about 2 membership messages a period each (a probe and an answer),
        // plus indirect rounds for the probes the 5 % loss defeats, stays well under four.
        var perMemberPeriod = (double)report.MembershipMessagesSent / (16 * 720);
        Assert.InRange(perMemberPeriod, 2.0, 4.0);
    }

    [Fact]
    public void PausedNode_IsDeclaredDeadDuringThePause_AccusesNobodyAfterIt_AndIsAliveAgainAtOnce()
    {
        var paused = Lambda(3);
        var scenario = Cluster(8, Duration.FromMinutes(20))
            .At(new PauseNode(Duration.FromMinutes(10), 1, paused, Duration.FromSeconds(90)))
            .Expect(Views.At(11 * 60 + 20, null, paused, MemberState.Dead))
            .Expect(Views.At(11 * 60 + 40, null, paused, MemberState.Alive))
            .Build("swim-pause");

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        var resumed = Duration.FromSeconds(11 * 60 + 30).Micros;
        Assert.Single(run.LinesWith($" {paused} local_stall_detected "));
        Assert.DoesNotContain(run.LinesWith($" {paused} member_state_changed "), line => SimRun.TimeOf(line) >= resumed);
        Assert.Single(run.LinesWith($" {paused} swim_refuted "));
    }

    [Fact]
    public void NatBlockedNode_IsNeverSuspectedWhileItRuns_AndIsDeclaredDeadThenRetiredOnceItsBeatStops()
    {
        var nat = ScenarioBuilder.Id("vast-nat-1");
        var scenario = Cluster(4, Duration.FromMinutes(40))
            .WithHost(new NodeProfile(nat, "vast", new GpuProfile("RTX 3090", 8, 24), 256, 128, 2000, false, NatBlocked: true, false))
            .At(new CrashNode(Duration.FromMinutes(30), 1, nat, TornWrite: false))
            .Expect(Views.At(29 * 60, null, nat, MemberState.Alive))
            .Expect(Views.At(29 * 60, nat, Lambda(1), MemberState.Alive))
            .Expect(Views.At(40 * 60, null, nat, MemberState.Retired))
            .Build("swim-nat");

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.DoesNotContain(run.LinesWith($" peer={nat} ", " to="), line => SimRun.TimeOf(line) < Duration.FromMinutes(30).Micros);
        var detection = Assert.Single(run.Report.DeathDetections);
        Assert.InRange(detection.Micros, Swim.NatSilence.Micros, (Swim.NatSilence + Swim.SuspicionMax(9) + Swim.Period * 2).Micros);
    }

    [Fact]
    public void HybridMode_HeartbeatsStillFlow_ButSwimDetectsTheCrash()
    {
        var scenario = Cluster(4, Duration.FromMinutes(10), MembershipMode.Hybrid)
            .At(new CrashNode(Duration.FromMinutes(5), 1, Lambda(2), TornWrite: false))
            .Build("swim-hybrid");

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.NotEmpty(run.Deliveries(Lambda(1), Nebius(1), MessageKind.Heartbeat));
        Assert.NotEmpty(run.Deliveries(Lambda(1), Nebius(1), MessageKind.SwimAck).Concat(run.Deliveries(Lambda(1), Nebius(1), MessageKind.SwimPing)));
        // Heartbeat timing would take 180 s to declare the crash dead; SWIM's suspicion is far shorter.
        Assert.InRange(Assert.Single(run.Report.DeathDetections).Micros, 1, Duration.FromSeconds(90).Micros);
    }

    [Fact]
    public void ConvergenceBound_SevenNodes_IsWithinTheSwarmsTenMinuteLivenessPhase()
    {
        var world = new World(Cluster(4, Duration.FromHours(1)).Build("bound") with { Hosts = SevenHosts() }, new RunOptions(1));

        // (health recovery 36 periods + two passes 14 periods + longest suspicion 120 s + 2 periods) × 1.1,
        // plus four of the slowest one-way latency (5 s through a NAT relay) and a second.
        Assert.Equal(Duration.FromSeconds(439), world.ConvergenceBound(MemberState.Alive));
        Assert.Equal(Duration.FromSeconds(439), world.ConvergenceBound(MemberState.Dead));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void Swarm_SevenNodesUnderSwim_RandomFaultsThenHeal_EveryCheckHolds(ulong seed)
    {
        var path = System.IO.Path.Combine(ScenarioParsing.RepositoryFiles.Root, "scenarios/swarm/seven-node.yaml");
        var scenario = ScenarioParser.Parse(System.IO.File.ReadAllText(path), "seven-node.yaml") with { MembershipMode = MembershipMode.Swim };

        var report = Simulation.Run(Swarm.SwarmProfile.Draw(scenario, seed).Scenario, new RunOptions(seed));

        Assert.Empty(report.Violations);
        Assert.Empty(report.ExpectationFailures);
    }

    private static System.Collections.Immutable.ImmutableArray<HostSpec> SevenHosts()
    {
        var builder = new ScenarioBuilder().WithHosts(4, "lambda").WithHosts(3, "nebius", voters: 0);
        return builder.Build("seven").Hosts;
    }

    [Fact]
    public void SwimMode_DefaultChecksHold_AndTheConvergenceBoundsAreSwims()
    {
        var scenario = Cluster(4, Duration.FromMinutes(10)).Checks([.. CheckCatalog.Defaults]).Build("swim-checks");

        var report = Simulation.Run(scenario, new RunOptions(1));

        Assert.Empty(report.Violations);
        Assert.Equal(0, report.MemberStateChanges);
    }
}
