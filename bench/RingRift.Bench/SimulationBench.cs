using System;
using BenchmarkDotNet.Attributes;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;

namespace RingRift.Bench;

/// <summary>
/// One simulated hour of the 36-host cluster (<see cref="BenchCluster.HealthyHour"/>): 36 kernels
/// heartbeating through the network model with 0.1 % loss, 0.05 % duplication and 0.5 % reordering,
/// every default checker on, the trace hash folded. The Events/op and Events/s columns give the
/// simulator's speed in events per wall second.
/// </summary>
[MemoryDiagnoser]
public class SimulationBench
{
    private static readonly Lazy<long> _eventsPerRun = new(() => Run(BenchCluster.HealthyHour()).Events);
    private Scenario _scenario = null!;

    /// <summary>Events in one run: deterministic, so one run outside the measurement tells it.</summary>
    public static long EventsPerRun => _eventsPerRun.Value;

    [GlobalSetup]
    public void Setup() => _scenario = BenchCluster.HealthyHour();

    [Benchmark]
    [AllocationBudget(0, "to be measured")]
    public RunReport HealthyHour() => Run(_scenario);

    /// <summary>Runs the scenario with the benchmark seed; throws if it does not pass, so a broken run is never timed.</summary>
    public static RunReport Run(Scenario scenario)
    {
        var report = Simulation.Run(scenario, new RunOptions(BenchCluster.Seed));
        if (!report.Passed) throw new InvalidOperationException("the benchmark scenario failed: " + string.Join("; ", report.ExpectationFailures));
        return report;
    }
}
