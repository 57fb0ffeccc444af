using System;
using System.CommandLine;
using System.IO;
using RingRift.Simulator.Cli.Reporting;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli;

/// <summary>
/// `ringrift-sim swarm scenario --seeds A..B [--parallel N] [--report FILE.html]`: each seed draws its own fault profile
/// (a faulty safety phase, then a healed liveness phase). Ends with `seeds=n failed=k`, after one
/// replay command per failure.
/// </summary>
internal static class SwarmCommand
{
    public static Command Create() =>
        new ManySeeds("Scenario file whose cluster the swarm runs").Command(
            "swarm", "Run many seeds with randomised faults", swarm: true, Report);

    private static int Report(string path, Scenario scenario, RunResult[] results, FileInfo? reportFile)
    {
        if (reportFile is not null) ReportFile.Write(reportFile, writer => SwarmReportHtml.Write(writer, path, scenario, results));
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
