using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class WorldMembershipTests
{
    private static readonly NodeId N1 = Nodes.Gpu(1), N2 = Nodes.Gpu(2), N3 = Nodes.Gpu(3);
    private static readonly Duration SuspectTimeout = Duration.FromSeconds(90);
    private static readonly Duration DeadTimeout = Duration.FromSeconds(180);
    private static readonly Duration RetireTimeout = Duration.FromSeconds(300);

    [Fact]
    public void Run_HealthyCluster_NoViolationAndEveryNodeSeesEveryOtherAlive()
    {
        var builder = new ScenarioBuilder().WithHosts(5).For(Duration.FromMinutes(10))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership]);
        for (var i = 1; i <= 5; i++) builder.Expect(Views.At(600, null, Nodes.Gpu(i), MemberState.Alive));

        var report = SimRun.Of(builder.Build()).Report;

        Assert.Empty(report.Violations);
        Assert.Empty(report.ExpectationFailures);
        Assert.True(report.Passed);
        Assert.Equal(0, report.MemberStateChanges);
        Assert.Equal(0, report.MessagesDropped);
        Assert.Equal(0, report.Crashes);
        Assert.Equal(Duration.FromMinutes(10), report.SimulatedTime);
    }

    [Fact]
    public void Run_CrashedNode_OthersSeeItSuspectDeadRetiredWithinTheTimeoutWindows()
    {
        var scenario = CrashAt60s()
            .Expect(Views.At(130, null, N3, MemberState.Alive))
            .Expect(Views.At(160, null, N3, MemberState.Suspect))
            .Expect(Views.At(220, null, N3, MemberState.Suspect))
            .Expect(Views.At(250, null, N3, MemberState.Dead))
            .Expect(Views.At(340, null, N3, MemberState.Dead))
            .Expect(Views.At(370, null, N3, MemberState.Retired))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.ExpectationFailures);
        run.AssertPassed();
        Assert.Equal(1, run.Report.Crashes);
    }

    [Fact]
    public void Run_CrashedNode_EachTransitionComesExactlyItsTimeoutAfterTheLastHeartbeatHeard()
    {
        var run = SimRun.Of(CrashAt60s().Build());

        foreach (var observer in new[] { N1, N2 })
        {
            var lastHeard = run.Deliveries(observer, N3, MessageKind.Heartbeat).Last();
            Assert.InRange(lastHeard, Duration.FromSeconds(45).Micros, Duration.FromSeconds(60).Micros + 120_000);
            Assert.Equal([lastHeard + SuspectTimeout.Micros], run.StateChanges(observer, N3, MemberState.Suspect));
            Assert.Equal([lastHeard + DeadTimeout.Micros], run.StateChanges(observer, N3, MemberState.Dead));
            Assert.Equal([lastHeard + RetireTimeout.Micros], run.StateChanges(observer, N3, MemberState.Retired));
        }
        Assert.Equal(6, run.Report.MemberStateChanges);
    }

    [Fact]
    public void Run_WrongExpectation_FailsOnceNamingTheScenarioFileAndLine()
    {
        var scenario = CrashAt60s()
            .Expect(Views.At(250, N1, N3, MemberState.Dead, line: 41))
            .Expect(Views.At(250, N1, N3, MemberState.Alive, line: 42))
            .Build("crash");

        var report = SimRun.Of(scenario).Report;

        Assert.Equal("crash.yaml:42: at 250s, lambda-gpu-01 sees lambda-gpu-03 as Dead, expected Alive", Assert.Single(report.ExpectationFailures));
        Assert.False(report.Passed);
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Run_ExpectationNamingACrashedObserver_FailsSayingItIsNotRunning()
    {
        var scenario = CrashAt60s().Expect(Views.At(100, N3, N1, MemberState.Alive, line: 7)).Build("crash");

        var report = SimRun.Of(scenario).Report;

        Assert.Equal("crash.yaml:7: at 100s, observer lambda-gpu-03 is Crashed, not running", Assert.Single(report.ExpectationFailures));
    }

    [Fact]
    public void Run_RestartAfterRetirement_OthersSeeItAliveAgainAndNoticeTheNewIncarnation()
    {
        var scenario = CrashAt60s()
            .At(new RestartNode(Duration.FromSeconds(400), 2, N3))
            .Expect(Views.At(390, null, N3, MemberState.Retired))
            .Expect(Views.At(440, null, N3, MemberState.Alive))
            .Expect(Views.At(440, N3, N1, MemberState.Alive))
            .Expect(Views.At(440, N3, N2, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.ExpectationFailures);
        Assert.Equal((1L, 1L), (run.Report.Crashes, run.Report.Restarts));
        var restarted = run.LinesWith("peer_restarted");
        Assert.Equal(2, restarted.Count);
        Assert.All(restarted, line =>
        {
            Assert.EndsWith($"peer_restarted peer={N3} incarnation=1->2", line, System.StringComparison.Ordinal);
            Assert.InRange(SimRun.TimeOf(line), Duration.FromSeconds(400).Micros, Duration.FromSeconds(416).Micros);
        });
        Assert.Single(run.LinesWith($"boot {N3} life=3 restored_boot_count=1"));
    }

    [Fact]
    public void Run_QuickRestart_NobodyLeavesAliveButEveryoneNoticesTheRestart()
    {
        var scenario = CrashAt60s()
            .At(new RestartNode(Duration.FromSeconds(70), 2, N3))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership])
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal(0, run.Report.MemberStateChanges);
        Assert.Equal(2, run.LinesWith($"peer_restarted peer={N3} incarnation=1->2").Count);
    }

    [Fact]
    public void Run_RestartOfARunningNode_IsIgnored()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(3))
            .At(new RestartNode(Duration.FromSeconds(30), 1, N2))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Equal(0, run.Report.Restarts);
        Assert.Equal([$"00:00:30.000000 restart {N2} ignored: it is running"], run.LinesWith("restart"));
        Assert.Empty(run.LinesWith("peer_restarted"));
    }

    [Fact]
    public void Run_PauseLongerThanDeadTimeout_OthersSeeItDeadThenAliveAfterResume()
    {
        var scenario = PauseFor240sAt60s()
            .Expect(Views.At(160, N1, N3, MemberState.Suspect))
            .Expect(Views.At(250, N1, N3, MemberState.Dead))
            .Expect(Views.At(250, N2, N3, MemberState.Dead))
            .Expect(Views.At(320, N1, N3, MemberState.Alive))
            .Expect(Views.At(320, N2, N3, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.Violations);
        Assert.Empty(run.Report.ExpectationFailures);
        Assert.Single(run.LinesWith($"00:05:00.000000 resume {N3} backlog="));
        Assert.Empty(run.LinesWith("peer_restarted"));
    }

    [Fact]
    public void Run_PauseLongerThanDeadTimeout_PausedNodeBlamesItsStallOnNoPeer()
    {
        var scenario = PauseFor240sAt60s()
            .Expect(Views.At(301, N3, N1, MemberState.Alive))
            .Expect(Views.At(301, N3, N2, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.Violations);
        Assert.Empty(run.Report.ExpectationFailures);
        Assert.Single(run.LinesWith($"{N3} local_stall_detected"));
        Assert.Empty(run.LinesWith($"{N3} member_state_changed"));
    }

    [Fact]
    public void Run_PauseShorterThanSuspectTimeout_NobodyNotices()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(5))
            .At(new PauseNode(Duration.FromSeconds(60), 1, N3, Duration.FromSeconds(30)))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership])
            .Build();

        var report = SimRun.Of(scenario).Report;

        Assert.True(report.Passed);
        Assert.Equal(0, report.MemberStateChanges);
    }

    [Fact]
    public void Run_ClockOffsetsAndDriftWithinTheBound_RaiseNoSuspicionInAnHour()
    {
        var builder = new ScenarioBuilder().For(Duration.FromHours(1))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership]);
        (long OffsetSeconds, int Ppm)[] clocks = [(0, 0), (-3_600, 200), (86_400, -200), (5, 100), (-5, -100)];
        for (var i = 0; i < clocks.Length; i++)
            builder.WithHost(Profile(i + 1), new ClockSpec(Duration.FromSeconds(clocks[i].OffsetSeconds), clocks[i].Ppm));

        var report = SimRun.Of(builder.Build()).Report;

        Assert.True(report.Passed, string.Join("; ", report.ExpectationFailures));
        Assert.Equal(0, report.MemberStateChanges);
    }

    [Fact]
    public void Run_DriftChangedAndClockSteppedBackMidRun_RaiseNoSuspicion()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(30))
            .At(new DriftClock(Duration.FromMinutes(5), 1, N2, 200))
            .At(new StepClock(Duration.FromMinutes(10), 2, N3, Duration.FromSeconds(-5)))
            .At(new DriftClock(Duration.FromMinutes(15), 3, N2, -200))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership])
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal(
            [$"00:05:00.000000 clock_drift ppm=200 {N2}", $"00:10:00.000000 clock_step by=-5s {N3}", $"00:15:00.000000 clock_drift ppm=-200 {N2}"],
            run.LinesWith("clock_"));
    }

    /// <summary>
    /// membership_converges is left out: a node that can never persist its incarnation can never announce
    /// itself, so the cluster cannot converge on it.
    /// </summary>
    [Fact]
    public void Run_FsyncFailingFromTheStart_HeartbeatsNeverLeaveAndOthersSeeTheNodeDead()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(4))
            .At(new DiskFault(Duration.Zero, 1, N3, DiskFaultKind.FsyncFails, Duration.Zero))
            .Checks(CheckCatalog.IncarnationDurable, CheckCatalog.MembershipLifecycle, CheckCatalog.JobSlots)
            .Expect(Views.At(200, N1, N3, MemberState.Dead))
            .Expect(Views.At(200, N2, N3, MemberState.Dead))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Empty(run.Report.Violations);
        Assert.Empty(run.Report.ExpectationFailures);
        Assert.Empty(run.Deliveries(N1, N3, MessageKind.Heartbeat));
        Assert.Empty(run.Deliveries(N2, N3, MessageKind.Heartbeat));
        Assert.Empty(run.LinesWith($"{N3} state_durable"));
        Assert.Equal("00:00:00.002000 lambda-gpu-03 persist_retrying version=1 reason=fsync failed", run.LinesWith($"{N3} persist_retrying")[0]);
        foreach (var observer in new[] { N1, N2 })
        {
            Assert.Equal([SuspectTimeout.Micros], run.StateChanges(observer, N3, MemberState.Suspect));
            Assert.Equal([DeadTimeout.Micros], run.StateChanges(observer, N3, MemberState.Dead));
        }
    }

    [Fact]
    public void Run_FsyncHealsAfterAMinute_NodeIsHeardAndSeenAliveAgain()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(5))
            .At(new DiskFault(Duration.Zero, 1, N3, DiskFaultKind.FsyncFails, Duration.Zero))
            .At(new DiskFault(Duration.FromSeconds(60), 2, N3, DiskFaultKind.Healthy, Duration.Zero))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership])
            .Expect(Views.At(300, null, N3, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        var durable = run.LinesWith($"{N3} state_durable")[0];
        Assert.InRange(SimRun.TimeOf(durable), Duration.FromSeconds(60).Micros, Duration.FromSeconds(61).Micros + 2_000);
    }

    [Fact]
    public void Run_ClusterWithANatBlockedNode_EveryoneStaysAliveThroughTheRelay()
    {
        var nat = new NodeProfile(ScenarioBuilder.Id("vast-gpu-01"), "vast", new GpuProfile("RTX4090", 1, 24), 64, 16, 500, false, true, false);
        var scenario = new ScenarioBuilder().WithHosts(3).WithHost(nat).For(Duration.FromMinutes(10))
            .Checks([.. CheckCatalog.Defaults, CheckCatalog.StableMembership])
            .Expect(Views.At(600, null, nat.Node, MemberState.Alive))
            .Expect(Views.At(600, nat.Node, N1, MemberState.Alive))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.True(run.Report.MessagesDropped == 0, "peers never dial the NAT-blocked node; it hears them through acknowledgements");
        Assert.NotEmpty(run.Deliveries(nat.Node, N1, MessageKind.HeartbeatAck));
        Assert.Empty(run.Deliveries(nat.Node, N1, MessageKind.Heartbeat));
    }

    [Fact]
    public void Run_CrashWithTheBootWriteStillInFlight_RestartFallsBackToTheLastWholeState()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(3))
            .At(new DiskFault(Duration.Zero, 1, N3, DiskFaultKind.Slow, Duration.FromSeconds(10)))
            .At(new CrashNode(Duration.FromSeconds(20), 2, N3, TornWrite: false))
            .At(new RestartNode(Duration.FromSeconds(30), 3, N3))
            .At(new CrashNode(Duration.FromSeconds(35), 4, N3, TornWrite: true))
            .At(new RestartNode(Duration.FromSeconds(40), 5, N3))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal(
            [
                "00:00:00.000000 boot lambda-gpu-03 life=1 restored_boot_count=0",
                "00:00:30.000000 boot lambda-gpu-03 life=3 restored_boot_count=1",
                "00:00:40.000000 boot lambda-gpu-03 life=5 restored_boot_count=1",
            ],
            run.LinesWith($"boot {N3}"));
        // Later persists (the node's election state) may follow; the boot writes are the first two.
        Assert.Equal(
            ["00:00:00.002000 lambda-gpu-03 state_durable version=1", "00:00:50.000000 lambda-gpu-03 state_durable version=2"],
            run.LinesWith($"{N3} state_durable").Take(2));
        Assert.Equal(2, run.LinesWith($"peer_restarted peer={N3} incarnation=1->2").Count);
    }

    private static ScenarioBuilder CrashAt60s() =>
        new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new CrashNode(Duration.FromSeconds(60), 1, N3, TornWrite: false));

    private static ScenarioBuilder PauseFor240sAt60s() =>
        new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new PauseNode(Duration.FromSeconds(60), 1, N3, Duration.FromSeconds(240)));

    private static NodeProfile Profile(int index) =>
        new(Nodes.Gpu(index), "lambda", new GpuProfile("H100", 1, 80), 256, 32, 2000, index <= 3, false, false);
}
