using System;
using System.CommandLine;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli;

/// <summary>
/// What `swarm` and `measure` share: a scenario argument, `--seeds A..B` and `--parallel N`, validated
/// the same way (bad input exits 2), then every seed run on <see cref="SwarmRunner"/>.
/// </summary>
internal sealed class ManySeeds
{
    private readonly Argument<string> _scenario;
    private readonly Option<string> _seeds = new("--seeds") { Description = "Inclusive seed range A..B", Required = true };

    private readonly Option<int> _parallel = new("--parallel")
    {
        Description = "Simulations at once (default: processor count)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public ManySeeds(string scenarioDescription) => _scenario = new Argument<string>("scenario") { Description = scenarioDescription };

    /// <summary>A command with these arguments whose action gets the results (null: bad input, already reported).</summary>
    public Command Command(string name, string description, bool swarm, Func<string, Scenario, RunResult[], int> report)
    {
        var command = new Command(name, description) { _scenario, _seeds, _parallel };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(_scenario)!;
            var results = Run(path, parse.GetValue(_seeds)!, parse.GetValue(_parallel), swarm, out var scenario);
            return results is null ? ExitCodes.BadInput : report(path, scenario!, results);
        });
        return command;
    }

    private static RunResult[]? Run(string path, string seedText, int parallel, bool swarm, out Scenario? scenario)
    {
        scenario = null;
        if (!SeedRange.TryParse(seedText, out var range, out var error) || parallel < 1)
        {
            Console.Error.WriteLine("error: " + (parallel < 1 ? $"--parallel must be at least 1 (got {parallel})" : error));
            return null;
        }
        scenario = ScenarioFiles.TryLoad(path, Console.Error);
        return scenario is null ? null : new SwarmRunner(path, scenario, range, parallel, Console.Error, swarm).Run();
    }
}
