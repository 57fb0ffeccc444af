using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>
/// Renders one run as a self-contained HTML page: the header from the same <see cref="RunResult"/> the text
/// summary prints, and the timeline from the run's <see cref="RunTimeline"/>. Times in the data are whole
/// virtual milliseconds. Apart from the wall time, the page is a pure function of (scenario, seed).
/// </summary>
internal static class RunReportHtml
{
    public static void Write(TextWriter output, RunResult result, Scenario scenario)
    {
        var timeline = result.Report.Timeline
            ?? throw new System.InvalidOperationException("the run was made without RunOptions.RecordTimeline");
        ReportTemplate.Write(output, $"{result.Report.Scenario} seed {result.Report.Seed} — RingRift.Sim", "run.js",
            page => ReportTemplate.WriteJson(page, json => WriteData(json, result, scenario, timeline)));
    }

    private static void WriteData(Utf8JsonWriter json, RunResult result, Scenario scenario, RunTimeline timeline)
    {
        var strings = new StringTable();
        json.WriteStartObject();
        json.WriteString("kind", "run");
        RunHeaderJson.Write(json, result, scenario, timeline);
        json.WriteNumber("endMs", Ms(timeline.EndMicros));
        json.WriteNumber("bucketMs", Ms(timeline.BucketMicros));
        WriteNodes(json, timeline);
        WriteLanes(json, timeline, strings);
        WriteMarks(json, timeline, strings);
        WriteWindows(json, timeline, strings);
        WriteSeries(json, timeline);
        strings.Write(json, "strings");
        json.WriteEndObject();
    }

    private static void WriteNodes(Utf8JsonWriter json, RunTimeline timeline)
    {
        json.WriteStartArray("nodes");
        foreach (var node in timeline.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteBoolean("voter", node.IsVoter);
            json.WriteNumber("gpus", node.Gpus);
            json.WriteString("gpu", node.GpuModel);
            json.WriteBoolean("nat", node.NatBlocked);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Each lane's intervals as one flat array: start, end, state index, detail index, and so on.</summary>
    private static void WriteLanes(Utf8JsonWriter json, RunTimeline timeline, StringTable strings)
    {
        json.WriteStartArray("lanes");
        foreach (var lane in timeline.Lanes)
        {
            json.WriteStartObject();
            json.WriteString("kind", lane.Kind);
            json.WriteNumber("node", lane.Node);
            json.WriteStartArray("iv");
            foreach (var interval in lane.Intervals)
            {
                json.WriteNumberValue(Ms(interval.Start));
                json.WriteNumberValue(Ms(interval.End));
                json.WriteNumberValue(strings[interval.State]);
                json.WriteNumberValue(strings[interval.Detail]);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteMarks(Utf8JsonWriter json, RunTimeline timeline, StringTable strings)
    {
        json.WriteStartArray("marks");
        foreach (var mark in timeline.Marks)
        {
            json.WriteStartArray();
            json.WriteNumberValue(Ms(mark.At));
            json.WriteNumberValue(mark.Node);
            json.WriteNumberValue(strings[mark.Kind]);
            json.WriteNumberValue(strings[mark.Label]);
            json.WriteNumberValue(strings[mark.Detail]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteWindows(Utf8JsonWriter json, RunTimeline timeline, StringTable strings)
    {
        json.WriteStartArray("windows");
        foreach (var window in timeline.Windows)
        {
            json.WriteStartArray();
            json.WriteNumberValue(Ms(window.Start));
            json.WriteNumberValue(Ms(window.End));
            json.WriteNumberValue(strings[window.Kind]);
            json.WriteNumberValue(strings[window.Detail]);
            json.WriteStartArray();
            foreach (var node in window.Nodes) json.WriteNumberValue(node);
            json.WriteEndArray();
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteSeries(Utf8JsonWriter json, RunTimeline timeline)
    {
        json.WriteStartArray("series");
        foreach (var series in timeline.Series)
        {
            json.WriteStartObject();
            json.WriteString("name", series.Name);
            json.WriteString("kind", series.Kind == SeriesKind.Gauge ? "gauge" : "count");
            json.WriteStartArray("values");
            foreach (var value in series.Values) json.WriteNumberValue(value);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static long Ms(long micros) => micros / 1000;
}
