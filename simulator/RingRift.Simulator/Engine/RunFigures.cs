using System.Collections.Immutable;

namespace RingRift.Simulator.Engine;

/// <summary>The summary figures a scenario can assert in <c>expect.summary</c>, by their snake_case names.</summary>
public static class RunFigures
{
    public static readonly ImmutableArray<string> Names =
    [
        "crashes", "restarts", "member_state_changes", "jobs_launched", "jobs_exited",
        "elections", "leader_changes", "epoch", "max_valid_leases_at_once",
        "dead_detections", "dead_detections_incomplete", "false_dead_declarations",
    ];

    public static long Read(RunReport report, string name) => name switch
    {
        "crashes" => report.Crashes,
        "restarts" => report.Restarts,
        "member_state_changes" => report.MemberStateChanges,
        "jobs_launched" => report.JobsLaunched,
        "jobs_exited" => report.JobsExited,
        "elections" => report.Elections,
        "leader_changes" => report.LeaderChanges,
        "epoch" => report.Epoch,
        "max_valid_leases_at_once" => report.MaxValidLeasesAtOnce,
        "dead_detections" => report.DeathDetections.Length,
        "dead_detections_incomplete" => report.DeathDetectionsIncomplete,
        "false_dead_declarations" => report.FalseDeadDeclarations,
        _ => throw new System.ArgumentException("unknown summary figure " + name, nameof(name)),
    };
}
