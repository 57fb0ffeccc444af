using System;
using System.CommandLine;
using System.IO;
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

    private readonly Option<FileInfo?> _report = new("--report")
    {
        Description = "Write a self-contained HTML report (failures grouped, histograms across seeds) to this file",
    };

    public ManySeeds(string scenarioDescription) => _scenario = new Argument<string>("scenario") { Description = scenarioDescription };

    /// <summary>
    /// A command with these arguments whose action gets the results (null: bad input, already reported). With
    /// <paramref name="swarm"/> it also takes `--report FILE.html`, and each run then records the timeline figures
    /// the report needs; the action gets the file.
    /// </summary>
    public Command Command(string name, string description, bool swarm, Func<string, Scenario, RunResult[], FileInfo?, int> report)
    {
        var command = new Command(name, description) { _scenario, _seeds, _parallel };
        if (swarm) command.Options.Add(_report);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(_scenario)!;
            var reportFile = swarm ? parse.GetValue(_report) : null;
            var results = Run(path, parse.GetValue(_seeds)!, parse.GetValue(_parallel), swarm, reportFile is not null, out var scenario);
            return results is null ? ExitCodes.BadInput : report(path, scenario!, results, reportFile);
        });
        return command;
    }

    private static RunResult[]? Run(string path, string seedText, int parallel, bool swarm, bool record, out Scenario? scenario)
    {
        scenario = null;
        if (!SeedRange.TryParse(seedText, out var range, out var error) || parallel < 1)
        {
            Console.Error.WriteLine("error: " + (parallel < 1 ? $"--parallel must be at least 1 (got {parallel})" : error));
            return null;
        }
        scenario = ScenarioFiles.TryLoad(path, Console.Error);
        return scenario is null ? null : new SwarmRunner(path, scenario, range, parallel, Console.Error, swarm, record).Run();
    }
}
