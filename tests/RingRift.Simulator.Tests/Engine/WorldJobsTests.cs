using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class WorldJobsTests
{
    private static readonly NodeId N1 = Nodes.Gpu(1);

    [Fact]
    public void Run_LaunchCommand_JobRunsItsRuntimeAndExitsCleanly()
    {
        var run = SimRun.Of(Cluster().At(Launch(10, "j1", minutes: 5)).Build());

        run.AssertPassed();
        Assert.Equal((1L, 1L), (run.Report.JobsLaunched, run.Report.JobsExited));
        Assert.Equal([$"00:00:10.000000 {N1} job_launched job=j1 kind=Selfplay config=square8_2p"], run.LinesWith("job_launched"));
        Assert.Equal([$"00:05:10.000000 {N1} job_exited job=j1 exit=0 killed=False"], run.LinesWith("job_exited"));
        Assert.Single(run.LinesWith($"reply {N1} r1 accepted=True launched j1"));
    }

    [Fact]
    public void Run_MoreLaunchesThanSlots_RefusesTheOneBeyondSixtyFour()
    {
        // The default local cap (job_slots_max) is 64, SchedulingConfig.JobsPerMessageMax: 65 launches.
        var builder = Cluster();
        for (var i = 1; i <= 65; i++) builder.At(Launch(10, "j" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), minutes: 10));

        var run = SimRun.Of(builder.Build());

        run.AssertPassed();
        Assert.Equal((64L, 64L), (run.Report.JobsLaunched, run.Report.JobsExited));
        var refused = Assert.Single(run.LinesWith("accepted=False"));
        Assert.EndsWith("accepted=False all 64 job slots are busy", refused, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TerminateCommand_KillsTheJobAndItsNaturalEndIsIgnored()
    {
        var scenario = Cluster()
            .At(Launch(10, "j1", minutes: 10))
            .At(new TerminateCommand(Duration.FromSeconds(60), 2, N1, new JobId("j1")))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal([$"00:01:00.050000 {N1} job_exited job=j1 exit=137 killed=True"], run.LinesWith("job_exited"));
        Assert.Equal(1, run.Report.JobsExited);
    }

    [Fact]
    public void Run_GpuFailStopWhileAJobRuns_EndsItWithExitCode1()
    {
        var scenario = Cluster()
            .At(Launch(10, "j1", minutes: 10))
            .At(new GpuFault(Duration.FromSeconds(60), 2, N1, GpuFaultKind.FailStop, 100))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal([$"00:01:00.000000 {N1} job_exited job=j1 exit=1 killed=False"], run.LinesWith("job_exited"));
    }

    [Fact]
    public void Run_GpuHangWhileAJobRuns_JobNeverEndsUntilTerminated()
    {
        var scenario = Cluster()
            .At(Launch(10, "j1", minutes: 5))
            .At(new GpuFault(Duration.FromSeconds(60), 2, N1, GpuFaultKind.Hang, 100))
            .At(new TerminateCommand(Duration.FromMinutes(12), 3, N1, new JobId("j1")))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal([$"00:12:00.050000 {N1} job_exited job=j1 exit=137 killed=True"], run.LinesWith("job_exited"));
    }

    [Fact]
    public void Run_StragglingGpu_StretchesTheJobByTheSlowdown()
    {
        var scenario = Cluster()
            .At(new GpuFault(Duration.FromSeconds(5), 1, N1, GpuFaultKind.Straggler, 300))
            .At(Launch(10, "j1", minutes: 2))
            .Build();

        var run = SimRun.Of(scenario);

        Assert.Equal([$"00:06:10.000000 {N1} job_exited job=j1 exit=0 killed=False"], run.LinesWith("job_exited"));
    }

    [Fact]
    public void Run_LaunchFailureCertain_JobFailsToLaunchAfter100Millis()
    {
        var scenario = Cluster()
            .At(new ProcessFaults(Duration.FromSeconds(5), 1, N1, Ratio.One, Ratio.Zero, Ratio.Zero))
            .At(Launch(10, "j1", minutes: 5))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal((1L, 0L), (run.Report.JobsLaunched, run.Report.JobsExited));
        Assert.Equal([$"00:00:10.100000 {N1} job_launch_failed job=j1 reason=exec failed"], run.LinesWith("job_launch_failed"));
    }

    [Fact]
    public void Run_OutOfMemoryCertain_JobIsKilledBeforeItsRuntime()
    {
        var scenario = Cluster()
            .At(new ProcessFaults(Duration.FromSeconds(5), 1, N1, Ratio.Zero, Ratio.Zero, Ratio.One))
            .At(Launch(10, "j1", minutes: 5))
            .Build();

        var run = SimRun.Of(scenario);

        var exited = Assert.Single(run.LinesWith("job_exited"));
        Assert.EndsWith("job=j1 exit=137 killed=True", exited, System.StringComparison.Ordinal);
        Assert.InRange(SimRun.TimeOf(exited), Duration.FromSeconds(10).Micros + 1, Duration.FromSeconds(310).Micros - 1);
    }

    [Fact]
    public void Run_NodeCrashesWithAJobRunning_TheJobsEndIsNeverReported()
    {
        var scenario = Cluster()
            .At(Launch(10, "j1", minutes: 5))
            .At(new CrashNode(Duration.FromSeconds(60), 2, N1, TornWrite: false))
            .At(new RestartNode(Duration.FromSeconds(70), 3, N1))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal((1L, 0L), (run.Report.JobsLaunched, run.Report.JobsExited));
        Assert.Empty(run.LinesWith("job_exited"));
    }

    [Fact]
    public void Run_GpuFailsWhileItsNodeIsDown_TheRestartedKernelKnows()
    {
        var scenario = Cluster()
            .At(new CrashNode(Duration.FromSeconds(60), 1, N1, TornWrite: false))
            .At(new GpuFault(Duration.FromSeconds(65), 2, N1, GpuFaultKind.FailStop, 100))
            .At(new RestartNode(Duration.FromSeconds(70), 3, N1))
            .Build();
        var world = new World(scenario, new RunOptions(1));

        world.Run();

        var node = world.Nodes[world.IndexOf(N1)];
        Assert.True(node.Kernel!.Gossip.TryGet(N1, out var own));
        Assert.Equal(GpuHealth.Failed, own.Summary.Load.Resources.GpuHealth);
    }

    [Fact]
    public void Run_JobEndsWhileItsNodeIsPaused_ReportedWhenThePauseEnds()
    {
        var scenario = Cluster()
            .At(Launch(10, "j1", minutes: 1))
            .At(new PauseNode(Duration.FromSeconds(30), 2, N1, Duration.FromSeconds(60)))
            .Build();

        var run = SimRun.Of(scenario);

        run.AssertPassed();
        Assert.Equal([$"00:01:30.000000 {N1} job_exited job=j1 exit=0 killed=False"], run.LinesWith("job_exited"));
    }

    private static ScenarioBuilder Cluster() => new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(15));

    private static LaunchCommand Launch(long atSeconds, string job, long minutes) =>
        new(Duration.FromSeconds(atSeconds), 1, N1, new JobSpec(new JobId(job), JobKind.Selfplay, "square8_2p", 1), Duration.FromMinutes(minutes));
}
