using System;
using System.CommandLine;
using System.Globalization;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli;

/// <summary>
/// `ringrift-sim measure scenario --seeds A..B [--parallel N]`: runs the scenario as written with each
/// seed and prints the membership figures over all runs (<see cref="MembershipFigures"/>): detection time
/// of crashes, false deaths per million member-periods, messages per member per period; and the time to a
/// new leader after each crash of a leader (<see cref="FailoverFigures"/>). Exits 1 if any run
/// failed its checks or expectations (each printed with its replay), 2 on bad input.
/// </summary>
internal static class MeasureCommand
{
    public static Command Create() =>
        new ManySeeds("Scenario file to run with every seed").Command(
            "measure", "Run many seeds as written and report membership figures", swarm: false, Report);

    private static int Report(string path, Scenario scenario, RunResult[] results, System.IO.FileInfo? reportFile)
    {
        var reports = new RunReport[results.Length];
        var failed = 0;
        for (var i = 0; i < results.Length; i++)
        {
            reports[i] = results[i].Report;
            if (!results[i].Failed) continue;
            failed++;
            Console.Out.WriteLine($"FAIL seed={reports[i].Seed} replay: {results[i].Replay}");
        }
        Print(path, scenario, MembershipFigures.From(reports, PeriodOf(scenario)), failed, FailoverFigures.From(reports));
        return failed == 0 ? ExitCodes.Passed : ExitCodes.Violation;
    }

    /// <summary>The protocol period a member-period is counted in.</summary>
    private static Kernel.Duration PeriodOf(Scenario scenario) =>
        scenario.MembershipMode == MembershipMode.Heartbeat ? scenario.Membership.HeartbeatInterval : scenario.Swim.Period;

    private static void Print(string path, Scenario scenario, MembershipFigures f, int failed, FailoverFigures failover)
    {
        var inv = CultureInfo.InvariantCulture;
        var mode = scenario.MembershipMode.ToString().ToLowerInvariant();
        Console.Out.WriteLine($"scenario={scenario.Name} ({path}) mode={mode} nodes={scenario.Hosts.Length} period={PeriodOf(scenario)}");
        Console.Out.WriteLine(string.Create(inv,
            $"dead_detection_seconds p50={Seconds(f.DetectionP50)} p99={Seconds(f.DetectionP99)} max={Seconds(f.DetectionMax)} detections={f.Detections} incomplete={f.DetectionsIncomplete}"));
        Console.Out.WriteLine(string.Create(inv,
            $"false_dead={f.FalseDeadDeclarations} member_periods={f.MemberPeriods:F0} false_dead_per_million_member_periods={f.FalseDeadPerMillionMemberPeriods:F2}"));
        Console.Out.WriteLine(string.Create(inv, $"membership_messages_per_member_period={f.MessagesPerMemberPeriod:F3}"));
        Console.Out.WriteLine(
            $"failover_ms p50={Millis(failover.P50)} p99={Millis(failover.P99)} max={Millis(failover.Max)} failovers={failover.Count}");
        Console.Out.WriteLine($"seeds={f.Runs} failed={failed}");
    }

    private static string Millis(Kernel.Duration span) => (span.Micros / 1e3).ToString("F1", CultureInfo.InvariantCulture);

    private static string Seconds(Kernel.Duration span) => (span.Micros / 1e6).ToString("F1", CultureInfo.InvariantCulture);
}
