using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>
/// The report's header: the figures of the text summary (<see cref="SummaryText"/>), the replay command,
/// and each check's outcome with the violated ones first.
/// </summary>
internal static class RunHeaderJson
{
    public static void Write(Utf8JsonWriter json, RunResult result, Scenario scenario, RunTimeline timeline)
    {
        var r = result.Report;
        json.WriteStartObject("header");
        json.WriteString("scenario", r.Scenario);
        json.WriteString("path", result.ScenarioPath);
        json.WriteString("description", scenario.Description.Trim());
        json.WriteNumber("seed", r.Seed);
        json.WriteString("traceHash", r.TraceHashHex);
        json.WriteString("replay", result.Replay);
        json.WriteBoolean("passed", !result.Failed);
        json.WriteBoolean("truncated", timeline.Truncated);
        WriteFacts(json, result);
        WriteChecks(json, r, scenario, timeline);
        json.WriteStartArray("expectationFailures");
        foreach (var failure in r.ExpectationFailures)
            if (!failure.StartsWith("unexpected violation ", System.StringComparison.Ordinal)) json.WriteStringValue(failure);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter json, RunResult result)
    {
        var r = result.Report;
        var inv = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)>
        {
            ("seed", r.Seed.ToString(inv)),
            ("trace hash", r.TraceHashHex),
            ("simulated", TimeText.Of(r.SimulatedTime.Micros).Replace(".000000", "", System.StringComparison.Ordinal)),
            ("wall time", result.Wall.TotalSeconds.ToString("F2", inv) + " s"),
            ("events", r.Events.ToString("N0", inv)),
            ("events / wall s", result.EventsPerWallSecond.ToString("N0", inv)),
            ("messages sent", r.MessagesSent.ToString("N0", inv)),
            ("delivered / dropped", r.MessagesDelivered.ToString("N0", inv) + " / " + r.MessagesDropped.ToString("N0", inv)),
            ("elections", r.Elections.ToString(inv)),
            ("leader changes / epoch", r.LeaderChanges.ToString(inv) + " / " + r.Epoch.ToString(inv)),
            ("max valid leases", r.MaxValidLeasesAtOnce.ToString(inv)),
            ("crashes / restarts", r.Crashes.ToString(inv) + " / " + r.Restarts.ToString(inv)),
            ("member state changes", r.MemberStateChanges.ToString(inv)),
            ("false dead", r.FalseDeadDeclarations.ToString(inv)),
            ("jobs launched / exited", r.JobsLaunched.ToString(inv) + " / " + r.JobsExited.ToString(inv)),
        };
        if (result.Swarm) facts.Add(("swarm faults", string.Join(", ", result.FaultKinds)));
        json.WriteStartArray("facts");
        foreach (var (name, value) in facts)
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>Violated checks first, in the order found; then the others, which held (until the run stopped, if it did).</summary>
    private static void WriteChecks(Utf8JsonWriter json, RunReport r, Scenario scenario, RunTimeline timeline)
    {
        json.WriteStartArray("checks");
        var violated = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var v in r.Violations)
        {
            violated.Add(v.Checker);
            WriteCheck(json, v.Checker, false, RunReportHtml.Ms(v.At.Micros), v.Message);
        }
        var stoppedAt = r.Violations.IsEmpty || r.SimulatedTime.Micros >= scenario.Duration.Micros ? null : TimeText.Of(r.SimulatedTime.Micros);
        foreach (var check in timeline.Checks)
            if (!violated.Contains(check)) WriteCheck(json, check, true, 0, stoppedAt is null ? "" : "held until the run stopped at " + stoppedAt);
        json.WriteEndArray();
    }

    private static void WriteCheck(Utf8JsonWriter json, string name, bool passed, long atMs, string message)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteBoolean("passed", passed);
        json.WriteNumber("atMs", atMs);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
