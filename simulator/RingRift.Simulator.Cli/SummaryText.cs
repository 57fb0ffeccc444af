using System.Globalization;
using System.IO;

namespace RingRift.Simulator.Cli;

/// <summary>
/// The readable summary of a run. The seed comes first (so a crash still tells how to replay) and
/// the trace hash last, as `trace-hash=&lt;16 hex digits&gt;`, which scripts and CI rely on.
/// </summary>
internal static class SummaryText
{
    public static void WriteSeed(TextWriter output, ulong seed) => output.WriteLine($"seed={seed}");

    public static void WriteBody(TextWriter output, RunResult result)
    {
        var r = result.Report;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"scenario={r.Scenario} ({result.ScenarioPath}){(result.Swarm ? " swarm-faults=" + string.Join(",", result.FaultKinds) : "")}");
        output.WriteLine($"simulated={r.SimulatedTime} events={r.Events} wall_seconds={result.Wall.TotalSeconds.ToString("F2", inv)} " +
                         $"events_per_wall_second={result.EventsPerWallSecond.ToString("F0", inv)}");
        output.WriteLine($"messages sent={r.MessagesSent} delivered={r.MessagesDelivered} dropped={r.MessagesDropped}");
        output.WriteLine($"membership state_changes={r.MemberStateChanges} crashes={r.Crashes} restarts={r.Restarts} " +
                         $"dead_detection_seconds=[{DetectionSeconds(r)}] false_dead={r.FalseDeadDeclarations}");
        output.WriteLine($"leadership elections={r.Elections} leader_changes={r.LeaderChanges} epoch={r.Epoch} " +
                         $"max_valid_leases_at_once={r.MaxValidLeasesAtOnce}");
        output.WriteLine($"jobs launched={r.JobsLaunched} exited={r.JobsExited}");
        foreach (var violation in r.Violations)
            output.WriteLine($"VIOLATION {violation.Checker} at {violation.At} ({Engine.TimeText.Of(violation.At.Micros)}): {violation.Message}");
        foreach (var failure in r.ExpectationFailures) output.WriteLine("EXPECTATION FAILED " + failure);
        output.WriteLine(result.Failed ? "result=FAIL" : "result=PASS");
        if (result.Failed) output.WriteLine("replay: " + result.Replay);
    }

    private static string DetectionSeconds(Engine.RunReport report)
    {
        var seconds = new string[report.DeathDetections.Length];
        for (var i = 0; i < seconds.Length; i++)
            seconds[i] = (report.DeathDetections[i].Micros / 1e6).ToString("F3", CultureInfo.InvariantCulture);
        return string.Join(",", seconds);
    }

    public static void WriteHash(TextWriter output, RunResult result) => output.WriteLine("trace-hash=" + result.Report.TraceHashHex);
}
