using System;
using System.Collections.Immutable;
using System.Diagnostics;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Swarm;

namespace RingRift.Simulator.Cli;

/// <summary>Runs one scenario with one seed, as given or with the swarm fault profile that seed draws, and times it.</summary>
internal static class ScenarioRunner
{
    /// <summary>Runs it; with <paramref name="record"/> the report carries the run's timeline (for --report).</summary>
    public static RunResult Execute(string path, Scenario scenario, ulong seed, bool swarm, Action<string>? traceLine = null, bool record = false)
    {
        var kinds = ImmutableArray<string>.Empty;
        if (swarm)
        {
            var drawn = SwarmProfile.Draw(scenario, seed);
            scenario = drawn.Scenario;
            kinds = drawn.FaultKinds;
        }
        var clock = Stopwatch.StartNew();
        var report = Simulation.Run(scenario, new RunOptions(seed, traceLine) { RecordTimeline = record });
        return new RunResult(path, report, clock.Elapsed, swarm, kinds);
    }
}
