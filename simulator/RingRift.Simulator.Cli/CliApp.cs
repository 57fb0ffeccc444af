using System.CommandLine;

namespace RingRift.Simulator.Cli;

/// <summary>The ringrift-sim command tree: run, swarm, measure, check.</summary>
internal static class CliApp
{
    public static RootCommand Build() => new("ringrift-sim: run RingRift orchestration scenarios in deterministic simulation")
    {
        RunCommand.Create(),
        SwarmCommand.Create(),
        MeasureCommand.Create(),
        CheckCommand.Create(),
    };
}
