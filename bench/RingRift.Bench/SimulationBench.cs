using System;
using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;

namespace RingRift.Bench;

/// <summary>
/// One simulated hour of the 36-host cluster: <see cref="HealthyHour"/> is 36 kernels heartbeating
/// through the network model with 0.1 % loss, 0.05 % duplication and 0.5 % reordering, every default
/// checker on, the trace hash folded; <see cref="FaultyHour"/> adds a fault of every kind. The
/// Events/op and Events/s columns give the simulator's speed in events per wall second.
/// </summary>
[MemoryDiagnoser]
[IterationCount(10)] // one run takes ~0.1 s, so the short job's five iterations would be five runs
public class SimulationBench
{
    private static readonly ConcurrentDictionary<string, long> _eventsPerRun = new();
    private Scenario _healthy = null!;
    private Scenario _faulty = null!;

    [GlobalSetup]
    public void Setup()
    {
        _healthy = BenchCluster.HealthyHour();
        _faulty = BenchCluster.FaultyHour();
    }

    [Benchmark]
    [AllocationBudget(11_000_000, "measured 10,531,272: per heartbeat round (8,640 an hour) the kernel's Ready copies its Outbound[35] (864 B), " +
        "plus the Heartbeat (56 B), the Ready (64 B), World.Flush's array enumerator (32 B) and the round's first Deliver (40 B), about 9.1 MB; " +
        "the rest is setup (36 kernels with peer tables, checkers, queue arrays)")]
    public RunReport HealthyHour() => Run(_healthy);

    [Benchmark]
    [AllocationBudget(12_500_000, "measured 11,949,048: as HealthyHour, plus the faults' notices with their texts, world-event trace strings, " +
        "restart and job effects, and Deliver records for replayed and duplicated messages")]
    public RunReport FaultyHour() => Run(_faulty);

    /// <summary>Events in one run of the scenario benchmark <paramref name="method"/> runs: deterministic, so one run outside the measurement tells it.</summary>
    public static long EventsPerRun(string method) => _eventsPerRun.GetOrAdd(method, static name =>
        Run(name == nameof(FaultyHour) ? BenchCluster.FaultyHour() : BenchCluster.HealthyHour()).Events);

    /// <summary>Runs the scenario (with the benchmark seed unless told); throws if it does not pass, so a broken run is never timed.</summary>
    public static RunReport Run(Scenario scenario, ulong seed = BenchCluster.Seed)
    {
        var report = Simulation.Run(scenario, new RunOptions(seed));
        if (!report.Passed) throw new InvalidOperationException($"scenario {scenario.Name} failed with seed {seed}: " + string.Join("; ", report.ExpectationFailures));
        return report;
    }
}
