using System;
using System.CommandLine;
using System.IO;
using RingRift.Simulator.Cli.Reporting;

namespace RingRift.Simulator.Cli;

/// <summary>`ringrift-sim run [scenario] [--seed N] [--trace FILE] [--json] [--swarm] [--report FILE.html]`.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Scenario file (default: " + ScenarioFiles.DefaultScenario + ")",
        };
        var seed = new Option<ulong?>("--seed") { Description = "Seed (default: the scenario's own)" };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write the canonical event trace to this file" };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var swarm = new Option<bool>("--swarm") { Description = "Apply the swarm fault profile this seed draws (replays a swarm failure)" };
        var report = new Option<FileInfo?>("--report") { Description = "Write a self-contained HTML report (timeline, charts) to this file" };
        var command = new Command("run", "Run one scenario in the simulator") { scenario, seed, trace, json, swarm, report };
        command.SetAction(parse => Execute(
            parse.GetValue(scenario), parse.GetValue(seed), parse.GetValue(trace), parse.GetValue(json), parse.GetValue(swarm), parse.GetValue(report)));
        return command;
    }

    private static int Execute(string? scenarioPath, ulong? seedOverride, FileInfo? traceFile, bool json, bool swarm, FileInfo? reportFile)
    {
        var path = ScenarioFiles.Resolve(scenarioPath);
        var scenario = ScenarioFiles.TryLoad(path, Console.Error);
        if (scenario is null) return ExitCodes.BadInput;
        var seed = seedOverride ?? scenario.Seed;
        if (!json) SummaryText.WriteSeed(Console.Out, seed);
        using var traceWriter = traceFile is null ? null : new StreamWriter(traceFile.FullName);
        Action<string>? traceLine = traceWriter is null ? null : traceWriter.WriteLine;
        var result = ScenarioRunner.Execute(path, scenario, seed, swarm, traceLine, record: reportFile is not null);
        if (reportFile is not null) ReportFile.Write(reportFile, writer => RunReportHtml.Write(writer, result, scenario));
        if (json)
        {
            Console.Out.WriteLine(SummaryJson.From(result).Serialize());
            return result.ExitCode;
        }
        SummaryText.WriteBody(Console.Out, result);
        SummaryText.WriteHash(Console.Out, result);
        return result.ExitCode;
    }
}
