using System.Collections.Generic;
using System.Text.Json;

namespace RingRift.Simulator.Cli;

/// <summary>The run summary as one JSON object, fields in snake_case.</summary>
internal sealed record SummaryJson(
    ulong Seed,
    string Scenario,
    string ScenarioPath,
    string TraceHash,
    double SimulatedSeconds,
    long Events,
    double WallSeconds,
    double EventsPerWallSecond,
    long MessagesSent,
    long MessagesDelivered,
    long MessagesDropped,
    long MemberStateChanges,
    long Crashes,
    long Restarts,
    long JobsLaunched,
    long JobsExited,
    long Elections,
    long LeaderChanges,
    long Epoch,
    int MaxValidLeasesAtOnce,
    IReadOnlyList<double> DeadDetectionSeconds,
    int DeadDetectionsIncomplete,
    long FalseDeadDeclarations,
    double NodeRunningSeconds,
    long MembershipMessagesSent,
    IReadOnlyList<ViolationJson> Violations,
    IReadOnlyList<string> ExpectationFailures,
    IReadOnlyList<string> SwarmFaultKinds,
    bool Passed,
    string? Replay)
{
    /// <summary>Dispatch figures (gpu_busy_fraction, jobs_completed …); null without a workload.</summary>
    public JobsJson? Jobs { get; init; }

    /// <summary>Nodes a scale-down stopped (not counted in <see cref="Crashes"/>).</summary>
    public long Decommissions { get; init; }

    /// <summary>Alerts, healing and events (alerts_raised, false_alerts …); null when monitoring is off.</summary>
    public OpsJson? Ops { get; init; }
    /// <summary>Auto-scaling figures (scale_ups, scale_downs, nodes_provisioned …); null without a scaling block.</summary>
    public Engine.Workload.ScalingFigures? Scaling { get; init; }
    /// <summary>Data-sync figures (games_lost, corrupt_accepted, bytes_moved …); null without a sync block.</summary>
    public SyncJson? Sync { get; init; }

    public static SummaryJson From(RunResult result)
    {
        var r = result.Report;
        var violations = new List<ViolationJson>();
        foreach (var v in r.Violations) violations.Add(new ViolationJson(v.Checker, v.At.Micros / 1e6, v.Message));
        var detections = new List<double>();
        foreach (var d in r.DeathDetections) detections.Add(d.Micros / 1e6);
        return new SummaryJson(
            r.Seed, r.Scenario, result.ScenarioPath, r.TraceHashHex, r.SimulatedTime.Micros / 1e6, r.Events,
            result.Wall.TotalSeconds, result.EventsPerWallSecond, r.MessagesSent, r.MessagesDelivered, r.MessagesDropped,
            r.MemberStateChanges, r.Crashes, r.Restarts, r.JobsLaunched, r.JobsExited,
            r.Elections, r.LeaderChanges, r.Epoch, r.MaxValidLeasesAtOnce,
            detections, r.DeathDetectionsIncomplete, r.FalseDeadDeclarations, r.NodeRunningTime.Micros / 1e6, r.MembershipMessagesSent, violations,
            r.ExpectationFailures, result.FaultKinds, !result.Failed, result.Failed ? result.Replay : null)
        {
            Jobs = JobsJson.From(r.Jobs),
            Decommissions = r.Decommissions,
            Ops = OpsJson.From(r.Ops),
            Scaling = r.Scaling,
            Sync = SyncJson.From(r.Sync),
        };
    }

    public string Serialize() => JsonSerializer.Serialize(this, SummaryJsonContext.Default.SummaryJson);
}
