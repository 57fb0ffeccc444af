using System.IO;
using System.Linq;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.ScenarioParsing;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>
/// The process layer's work-lease kill, on the regression scenario: a worker frozen for ten minutes at
/// 20m with its dispatch slots full of hour-long selfplay (four RTX 3090s at two processes each: eight jobs).
/// </summary>
public sealed class WorldJobLeaseTests
{
    private const string Path = "scenarios/regressions/worker-paused-beyond-lease-with-jobs.yaml";
    private const string Paused = "vast-rtx3090-1";
    private const string Pause = "  - { at: 20m, pause: " + Paused + ", for: 10m }";
    private static readonly long PauseStart = Kernel.Duration.FromMinutes(20).Micros;
    private static readonly long Lease = Kernel.Duration.FromSeconds(90).Micros;

    [Fact]
    public void Run_WorkerPausedBeyondItsLease_ProcessLayerKillsItsJobsWithinALeaseOfThePause()
    {
        var scenario = Load("");
        var run = SimRun.Of(scenario);

        var kills = run.LinesWith(" lease_kill " + Paused + " ");
        // Nothing ends before the pause (hour-long selfplay) and the leader queues as much selfplay as the
        // cluster has slots, so the box runs one job in each of its dispatch slots when it freezes.
        Assert.Equal(DispatchSlotsOf(scenario, Paused), kills.Count);
        Assert.All(kills, line => Assert.EndsWith("paused=True", line, System.StringComparison.Ordinal));
        Assert.All(kills.Select(SimRun.TimeOf), at => Assert.InRange(at, PauseStart, PauseStart + Lease));
        run.AssertPassed();
    }

    [Fact]
    public void Run_ClockStepsForwardDuringThePause_TheKillComesEarlierByTheStep()
    {
        var plain = SimRun.Of(Load(""));
        // Late in the lease, when the process layer's pending check already waits for the old lease end.
        var stepped = SimRun.Of(Load("\n  - { at: 1270s, clock_step: vast-rtx3090-1, by: 10s }"));

        var before = SimRun.TimeOf(plain.LinesWith(" lease_kill vast-rtx3090-1 ")[0]);
        var after = SimRun.TimeOf(stepped.LinesWith(" lease_kill vast-rtx3090-1 ")[0]);

        Assert.Equal(Kernel.Duration.FromSeconds(10).Micros, before - after);
    }

    private static int DispatchSlotsOf(Scenario scenario, string host) =>
        World.Scheduling.CapacityOf(scenario.Hosts.Single(h => h.Node.Value == host).Profile).Slots;

    private static Scenario Load(string afterPause)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryFiles.Root, Path));
        Assert.Contains(Pause, text);
        return ScenarioParser.Parse(text.Replace(Pause, Pause + afterPause, System.StringComparison.Ordinal), Path);
    }
}
