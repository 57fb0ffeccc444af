using System;
using System.CommandLine;

namespace RingRift.Simulator.Cli;

/// <summary>
/// `ringrift-sim swarm scenario --seeds A..B [--parallel N]`: each seed draws its own fault profile
/// (a faulty safety phase, then a healed liveness phase). Ends with `seeds=n failed=k`, after one
/// replay command per failure.
/// </summary>
internal static class SwarmCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file whose cluster the swarm runs" };
        var seeds = new Option<string>("--seeds") { Description = "Inclusive seed range A..B", Required = true };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Simulations at once (default: processor count)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("swarm", "Run many seeds with randomised faults") { scenario, seeds, parallel };
        command.SetAction(parse => Execute(parse.GetValue(scenario)!, parse.GetValue(seeds)!, parse.GetValue(parallel)));
        return command;
    }

    private static int Execute(string path, string seedText, int parallel)
    {
        if (!SeedRange.TryParse(seedText, out var range, out var error) || parallel < 1)
        {
            Console.Error.WriteLine("error: " + (parallel < 1 ? $"--parallel must be at least 1 (got {parallel})" : error));
            return ExitCodes.BadInput;
        }
        var scenario = ScenarioFiles.TryLoad(path, Console.Error);
        if (scenario is null) return ExitCodes.BadInput;
        var results = new SwarmRunner(path, scenario, range, parallel, Console.Error).Run();
        var failed = 0;
        foreach (var result in results)
        {
            if (!result.Failed) continue;
            failed++;
            PrintFailure(result);
        }
        Console.Out.WriteLine($"seeds={results.Length} failed={failed}");
        return failed == 0 ? ExitCodes.Passed : ExitCodes.Violation;
    }

    private static void PrintFailure(RunResult result)
    {
        var r = result.Report;
        var why = r.Violations.IsEmpty ? r.ExpectationFailures[0] : r.Violations[0].ToString();
        Console.Out.WriteLine($"FAIL seed={r.Seed} faults={string.Join(",", result.FaultKinds)} {why}");
        Console.Out.WriteLine("  replay: " + result.Replay);
    }
}
