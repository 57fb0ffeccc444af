using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class SimProcessesTests
{
    private static readonly long Minute = Duration.FromMinutes(1).Micros;
    private static readonly long Ms = Duration.MicrosPerMilli;

    [Fact]
    public void Launch_HealthyGpu_EndsCleanlyAfterExactlyItsRuntime()
    {
        var processes = new SimProcesses(new Prng(1));

        var (at, end) = Started(processes.Launch(5 * Minute, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        Assert.Equal(15 * Minute, at);
        Assert.Equal(new ProcessEnd(1, new EffectId(1), new JobId("j1"), new ProcessExited(0, false, ""), Forced: false), end);
        Assert.Equal(1, processes.RunningCount);
        Assert.True(processes.TryFinish(end));
        Assert.Equal(0, processes.RunningCount);
    }

    [Fact]
    public void TryFinish_SameEndTwice_SecondIsStale()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, end) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(1)));

        Assert.True(processes.TryFinish(end));
        Assert.False(processes.TryFinish(end));
    }

    [Fact]
    public void Launch_StragglingGpu_StretchesGpuJobsBySlowdown()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(GpuFaultKind.Straggler, 250);

        var (at, _) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        Assert.Equal(25 * Minute, at);
    }

    [Fact]
    public void Launch_StragglingGpu_LeavesCpuJobsAtTheirRuntime()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(GpuFaultKind.Straggler, 250);

        var (at, _) = Started(processes.Launch(0, CpuLaunch(1, "c1"), Duration.FromMinutes(10)));

        Assert.Equal(10 * Minute, at);
    }

    [Fact]
    public void Launch_AfterRecoverFromStraggler_RunsAtFullSpeed()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(GpuFaultKind.Straggler, 400);
        processes.SetGpu(GpuFaultKind.Recover, 0);

        var (at, _) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        Assert.Equal(10 * Minute, at);
        Assert.Equal(GpuHealth.Healthy, processes.Gpu);
    }

    [Fact]
    public void Launch_HungGpu_NeverEndsUntilTerminated()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(GpuFaultKind.Hang, 0);

        var scheduled = processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10));
        Assert.Null(scheduled);
        Assert.Equal(1, processes.RunningCount);
        Assert.Equal(GpuHealth.Hung, processes.Gpu);

        var (at, killed) = Started(processes.Terminate(60 * Minute, new JobId("j1")));
        Assert.Equal(60 * Minute + 50 * Ms, at);
        Assert.Equal(new ProcessExited(137, true, "terminated"), killed.Outcome);
        Assert.True(killed.Forced);
        Assert.Equal(0, processes.RunningCount);
    }

    [Fact]
    public void SetGpu_HangWhileAJobRuns_FreezesItUntilTerminated()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, natural) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        processes.SetGpu(GpuFaultKind.Hang, 0);

        Assert.False(processes.TryFinish(natural));
        Assert.Equal(1, processes.RunningCount);
        var (_, killed) = Started(processes.Terminate(20 * Minute, new JobId("j1")));
        Assert.True(processes.TryFinish(killed));
        Assert.Equal(0, processes.RunningCount);
    }

    [Fact]
    public void SetGpu_FailStop_EndsRunningGpuJobsWithDeviceLost()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10));
        processes.Launch(0, GpuLaunch(2, "j2"), Duration.FromMinutes(10));

        var ended = processes.SetGpu(GpuFaultKind.FailStop, 0);

        Assert.Equal(
            [
                new ProcessEnd(1, new EffectId(1), new JobId("j1"), new ProcessExited(1, false, "CUDA error: device lost"), Forced: true),
                new ProcessEnd(2, new EffectId(2), new JobId("j2"), new ProcessExited(1, false, "CUDA error: device lost"), Forced: true),
            ],
            ended);
        Assert.Equal(0, processes.RunningCount);
        Assert.Equal(GpuHealth.Failed, processes.Gpu);
    }

    [Fact]
    public void SetGpu_FailStop_LeavesCpuJobsRunning()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, cpuEnd) = Started(processes.Launch(0, CpuLaunch(1, "c1"), Duration.FromMinutes(10)));
        processes.Launch(0, GpuLaunch(2, "j2"), Duration.FromMinutes(10));

        var ended = processes.SetGpu(GpuFaultKind.FailStop, 0);

        Assert.Equal([new JobId("j2")], ended.ConvertAll(e => e.Job));
        Assert.Equal(1, processes.RunningCount);
        Assert.True(processes.TryFinish(cpuEnd));
    }

    [Fact]
    public void TryFinish_NaturalEndAfterFailStop_IsStale()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, natural) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));
        var forced = processes.SetGpu(GpuFaultKind.FailStop, 0);

        Assert.True(processes.TryFinish(forced[0]));
        Assert.False(processes.TryFinish(natural));
    }

    [Theory]
    [InlineData(GpuFaultKind.FailStop)]
    [InlineData(GpuFaultKind.Misdetected)]
    public void Launch_GpuJobOnUnusableGpu_FailsToLaunchAfter100Millis(GpuFaultKind fault)
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(fault, 0);

        var (at, end) = Started(processes.Launch(Minute, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        Assert.Equal(Minute + 100 * Ms, at);
        Assert.Equal(new LaunchFailed("no usable GPU"), end.Outcome);
        Assert.True(end.Forced);
        Assert.Equal(0, processes.RunningCount);
    }

    [Fact]
    public void Launch_CpuJobOnFailedGpu_Runs()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.SetGpu(GpuFaultKind.FailStop, 0);

        var (at, end) = Started(processes.Launch(0, CpuLaunch(1, "c1"), Duration.FromMinutes(3)));

        Assert.Equal(3 * Minute, at);
        Assert.Equal(new ProcessExited(0, false, ""), end.Outcome);
    }

    [Fact]
    public void Launch_LaunchFailureCertain_FailsEveryLaunchAfter100Millis()
    {
        var processes = new SimProcesses(new Prng(7));
        processes.SetFaults(Ratio.One, Ratio.Zero, Ratio.Zero);

        for (var i = 1; i <= 50; i++)
        {
            var (at, end) = Started(processes.Launch(i * Minute, GpuLaunch(i, "j" + i), Duration.FromMinutes(10)));
            Assert.Equal(i * Minute + 100 * Ms, at);
            Assert.Equal(new LaunchFailed("exec failed"), end.Outcome);
        }
        Assert.Equal(0, processes.RunningCount);
    }

    [Fact]
    public void Launch_EarlyExitCertain_ExitsWithCode1StrictlyBeforeItsRuntime()
    {
        var processes = new SimProcesses(new Prng(7));
        processes.SetFaults(Ratio.Zero, Ratio.One, Ratio.Zero);

        for (var i = 1; i <= 50; i++)
        {
            var (at, end) = Started(processes.Launch(0, GpuLaunch(i, "j" + i), Duration.FromMinutes(10)));
            Assert.InRange(at, 1, 10 * Minute - 1);
            Assert.Equal(new ProcessExited(1, false, "exited early"), end.Outcome);
            Assert.False(end.Forced);
        }
        Assert.Equal(50, processes.RunningCount);
    }

    [Fact]
    public void Launch_OutOfMemoryCertain_IsKilledWith137StrictlyBeforeItsRuntime()
    {
        var processes = new SimProcesses(new Prng(7));
        processes.SetFaults(Ratio.Zero, Ratio.One, Ratio.One);

        for (var i = 1; i <= 50; i++)
        {
            var (at, end) = Started(processes.Launch(0, GpuLaunch(i, "j" + i), Duration.FromMinutes(10)));
            Assert.InRange(at, 1, 10 * Minute - 1);
            Assert.Equal(new ProcessExited(137, true, "Out of memory: killed process"), end.Outcome);
        }
    }

    [Fact]
    public void Launch_FaultRatiosZero_NeverDrawsAFault()
    {
        var processes = new SimProcesses(new Prng(7));
        processes.SetFaults(Ratio.Zero, Ratio.Zero, Ratio.Zero);

        for (var i = 1; i <= 50; i++)
            Assert.Equal(new ProcessExited(0, false, ""), Started(processes.Launch(0, GpuLaunch(i, "j" + i), Duration.FromMinutes(1))).End.Outcome);
    }

    [Fact]
    public void Terminate_NotRunning_ReturnsNull()
    {
        var processes = new SimProcesses(new Prng(1));

        Assert.Null(processes.Terminate(0, new JobId("ghost")));
    }

    [Fact]
    public void TryFinish_NaturalEndAfterTerminate_IsStale()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, natural) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));
        var (_, killed) = Started(processes.Terminate(Minute, new JobId("j1")));

        Assert.True(processes.TryFinish(killed));
        Assert.False(processes.TryFinish(natural));
    }

    [Fact]
    public void TryFinish_OldEndAfterTheSameJobWasRelaunched_IsStale()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, first) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));
        processes.Terminate(Minute, new JobId("j1"));
        var (_, second) = Started(processes.Launch(2 * Minute, GpuLaunch(3, "j1"), Duration.FromMinutes(10)));

        Assert.False(processes.TryFinish(first));
        Assert.True(processes.TryFinish(second));
    }

    [Fact]
    public void Crash_EndsEverythingSoNaturalEndsAreStale()
    {
        var processes = new SimProcesses(new Prng(1));
        var (_, natural) = Started(processes.Launch(0, GpuLaunch(1, "j1"), Duration.FromMinutes(10)));

        processes.Crash();

        Assert.Equal(0, processes.RunningCount);
        Assert.False(processes.TryFinish(natural));
    }

    [Fact]
    public void KillLapsed_ClockReachesTheLeaseEnd_KillsOnlyTheLeasedJobPastIt()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.Launch(0, GpuLaunch(1, "leased") with { LeaseEnd = new Instant(90 * Minute) }, Duration.FromHours(2));
        processes.Launch(0, GpuLaunch(2, "later") with { LeaseEnd = new Instant(95 * Minute) }, Duration.FromHours(2));
        processes.Launch(0, GpuLaunch(3, "operator"), Duration.FromHours(2));

        var early = processes.KillLapsed(89 * Minute, new Instant(90 * Minute - 1));
        var kills = processes.KillLapsed(91 * Minute, new Instant(90 * Minute));

        Assert.Empty(early);
        var (at, end) = Assert.Single(kills);
        Assert.Equal((91 * Minute + 50 * Ms, new JobId("leased"), true), (at, end.Job, end.Forced));
        Assert.True(end.Outcome is ProcessExited { Killed: true });
        Assert.Equal(new Instant(95 * Minute), processes.NextLeaseEnd());
        Assert.Equal(2, processes.RunningCount);
    }

    [Fact]
    public void ExtendLeases_MovesLaterButNeverRevivesAJobPastItsEnd()
    {
        var processes = new SimProcesses(new Prng(1));
        processes.Launch(0, GpuLaunch(1, "due") with { LeaseEnd = new Instant(10 * Minute) }, Duration.FromHours(2));
        processes.Launch(0, GpuLaunch(2, "held") with { LeaseEnd = new Instant(12 * Minute) }, Duration.FromHours(2));

        processes.ExtendLeases(new Instant(10 * Minute), new Instant(20 * Minute));
        var kills = processes.KillLapsed(10 * Minute, new Instant(10 * Minute));

        Assert.Equal(new JobId("due"), Assert.Single(kills).End.Job);
        Assert.Equal(new Instant(20 * Minute), processes.NextLeaseEnd());
    }

    private static (long At, ProcessEnd End) Started((long At, ProcessEnd End)? scheduled)
    {
        Assert.NotNull(scheduled);
        return scheduled.Value;
    }

    private static Launch GpuLaunch(long effect, string job) =>
        new(new EffectId(effect), new JobSpec(new JobId(job), JobKind.Selfplay, "square8_2p", 1));

    private static Launch CpuLaunch(long effect, string job) =>
        new(new EffectId(effect), new JobSpec(new JobId(job), JobKind.Gauntlet, "square8_2p", 0));
}
