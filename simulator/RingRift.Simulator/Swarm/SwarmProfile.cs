using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Swarm;

/// <summary>
/// Swarm testing: one seed explains a whole run. From the seed, draw which fault kinds are on (each
/// with probability one half) and when they strike during the safety phase; at the end of the safety
/// phase heal everything (network, crashed nodes, disks, GPUs, clocks); then the cluster has the
/// liveness phase to converge. The base scenario's own timeline and expected views are replaced.
/// </summary>
public static class SwarmProfile
{
    public static SwarmRun Draw(Scenario scenario, ulong seed)
    {
        var prng = new Prng(seed).Fork("swarm-profile");
        var plan = new SwarmPlan(scenario, prng);
        plan.DrawFaults();
        plan.HealEverything();
        var timeline = plan.Timeline;
        timeline.Sort(static (a, b) => a.At.CompareTo(b.At));
        var drawn = scenario with
        {
            Duration = scenario.Swarm.SafetyPhase + scenario.Swarm.LivenessPhase,
            Timeline = [.. timeline],
            Expect = Expectations.AllChecksHold,
        };
        return new SwarmRun(drawn, [.. plan.Kinds]);
    }
}
