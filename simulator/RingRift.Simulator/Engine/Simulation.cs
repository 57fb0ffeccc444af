using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>Runs scenarios in virtual time, one thread per run.</summary>
public static class Simulation
{
    /// <summary>Runs <paramref name="scenario"/> once with <paramref name="options"/>.Seed; deterministic.</summary>
    public static RunReport Run(Scenario scenario, RunOptions options) => new World(scenario, options).Run();
}
