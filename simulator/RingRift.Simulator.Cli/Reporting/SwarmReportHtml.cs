using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>
/// Renders a swarm as a self-contained HTML page: every seed's outcome from the same <see cref="RunResult"/>s
/// the text output prints (failures with their replay command), grouped in the page by violated check and by
/// the fault kinds present, with histograms of per-seed figures (time to new leader, detection time, …).
/// </summary>
internal static class SwarmReportHtml
{
    public static void Write(TextWriter output, string path, Scenario scenario, RunResult[] results) =>
        ReportTemplate.Write(output, $"swarm {scenario.Name} — RingRift.Sim", "swarm.js",
            page => ReportTemplate.WriteJson(page, json => WriteData(json, path, scenario, results)));

    private static void WriteData(Utf8JsonWriter json, string path, Scenario scenario, RunResult[] results)
    {
        json.WriteStartObject();
        json.WriteString("kind", "swarm");
        json.WriteStartObject("header");
        json.WriteString("scenario", scenario.Name);
        json.WriteString("path", path);
        json.WriteString("description", scenario.Description.Trim());
        json.WriteNumber("first", results.Length == 0 ? 0 : results[0].Report.Seed);
        json.WriteNumber("last", results.Length == 0 ? 0 : results[^1].Report.Seed);
        json.WriteString("safetyPhase", scenario.Swarm.SafetyPhase.ToString());
        json.WriteString("livenessPhase", scenario.Swarm.LivenessPhase.ToString());
        json.WriteEndObject();
        json.WriteStartArray("runs");
        foreach (var result in results) WriteRun(json, result);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, RunResult result)
    {
        var r = result.Report;
        json.WriteStartObject();
        json.WriteNumber("seed", r.Seed);
        json.WriteBoolean("failed", result.Failed);
        WriteStrings(json, "faults", result.FaultKinds);
        if (result.Failed)
        {
            json.WriteString("check", r.Violations.IsEmpty ? "expectation" : r.Violations[0].Checker);
            json.WriteString("message", r.Violations.IsEmpty ? r.ExpectationFailures[0] : r.Violations[0].ToString());
            json.WriteString("replay", result.Replay);
        }
        json.WriteNumber("wallMs", (long)result.Wall.TotalMilliseconds);
        json.WriteNumber("leaderChanges", r.LeaderChanges);
        json.WriteNumber("elections", r.Elections);
        json.WriteNumber("memberStateChanges", r.MemberStateChanges);
        json.WriteNumber("messagesSent", r.MessagesSent);
        json.WriteNumber("falseDead", r.FalseDeadDeclarations);
        if (r.Jobs is { } jobs)
        {
            json.WriteNumber("gpuBusyBasisPoints", jobs.GpuBusyBasisPoints);
            json.WriteNumber("idleGpuSecondsWhilePending", jobs.IdleGpuSecondsWhilePending);
        }
        json.WriteStartArray("leaderGapsMs");
        foreach (var gap in result.LeaderGapsMicros) json.WriteNumberValue(RunReportHtml.Ms(gap));
        json.WriteEndArray();
        json.WriteStartArray("deadDetectionsMs");
        foreach (var detection in r.DeathDetections) json.WriteNumberValue(RunReportHtml.Ms(detection.Micros));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string property, IEnumerable<string> values)
    {
        json.WriteStartArray(property);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
