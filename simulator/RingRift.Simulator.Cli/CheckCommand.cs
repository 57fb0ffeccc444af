using System;
using System.CommandLine;

namespace RingRift.Simulator.Cli;

/// <summary>`ringrift-sim check scenario`: validates a scenario file without running it.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file to validate" };
        var command = new Command("check", "Validate a scenario file") { scenario };
        command.SetAction(parse => Execute(parse.GetValue(scenario)!));
        return command;
    }

    private static int Execute(string path)
    {
        var scenario = ScenarioFiles.TryLoad(path, Console.Error);
        if (scenario is null) return ExitCodes.BadInput;
        Console.Out.WriteLine(
            $"ok: {path}: scenario {scenario.Name}, {scenario.Hosts.Length} hosts, {scenario.Timeline.Length} timeline entries, " +
            $"duration {scenario.Duration}, checks {string.Join(",", scenario.Checks)}");
        return ExitCodes.Passed;
    }
}
