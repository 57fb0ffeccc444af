using System.Collections.Immutable;

namespace RingRift.Simulator.Engine;

/// <summary>The summary figures a scenario can assert in <c>expect.summary</c>, by their snake_case names.</summary>
public static class RunFigures
{
    public static readonly ImmutableArray<string> Names =
    [
        "crashes", "decommissions", "restarts", "member_state_changes", "jobs_launched", "jobs_exited",
        "elections", "leader_changes", "epoch", "max_valid_leases_at_once",
        "dead_detections", "dead_detections_incomplete", "false_dead_declarations",
        "jobs_completed", "jobs_lost", "jobs_duplicated", "jobs_retried", "max_jobs_over_slots",
        "gpu_busy_bp", "config_share_min_over_max_bp", "training_cycles", "promotions", "models_distributed",
        "dispatch_stall_alarms", "idle_to_work_p99_ms", "selfplay_share_bp", "idle_gpu_seconds_while_pending", "selfplay_preempted",
        "scale_ups", "scale_downs", "nodes_provisioned", "failed_boots", "scale_down_refusals",
        "elo_results", "elo_nodes_behind",
        .. SyncFigureNames.Names,
        .. Operations.OpsFigureNames.All,
    ];

    public static long Read(RunReport report, string name) => name switch
    {
        "crashes" => report.Crashes,
        "decommissions" => report.Decommissions,
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
        "jobs_completed" => report.Jobs?.JobsCompleted ?? 0,
        "jobs_lost" => report.Jobs?.JobsLost ?? 0,
        "jobs_duplicated" => report.Jobs?.JobsDuplicated ?? 0,
        "jobs_retried" => report.Jobs?.JobsRetried ?? 0,
        "max_jobs_over_slots" => report.Jobs?.MaxJobsOverSlots ?? 0,
        "gpu_busy_bp" => report.Jobs?.GpuBusyBasisPoints ?? 0,
        "config_share_min_over_max_bp" => report.Jobs?.ConfigShareMinOverMaxBasisPoints ?? 0,
        "training_cycles" => report.Jobs?.TrainingCycles ?? 0,
        "promotions" => report.Jobs?.Promotions ?? 0,
        "models_distributed" => report.Jobs?.PromotionToDistributed.Length ?? 0,
        "dispatch_stall_alarms" => report.Jobs?.DispatchStallAlarms ?? 0,
        "selfplay_share_bp" => report.Jobs?.SelfplayShareBasisPoints ?? 0,
        "idle_gpu_seconds_while_pending" => report.Jobs?.IdleGpuSecondsWhilePending ?? 0,
        "selfplay_preempted" => report.Jobs?.SelfplayPreempted ?? 0,
        "idle_to_work_p99_ms" => (report.Jobs?.IdleToWorkP99.Micros ?? 0) / 1000,
        "scale_ups" => report.Scaling?.ScaleUps ?? 0,
        "scale_downs" => report.Scaling?.ScaleDowns ?? 0,
        "nodes_provisioned" => report.Scaling?.NodesProvisioned ?? 0,
        "failed_boots" => report.Scaling?.FailedBoots ?? 0,
        "scale_down_refusals" => report.Scaling?.ScaleDownRefusals ?? 0,
        "elo_results" => report.Scaling?.EloResults ?? 0,
        "elo_nodes_behind" => report.Scaling is { } s ? s.EloNodesRunning - s.EloNodesAgreeing : 0,
        _ when SyncFigureNames.Names.Contains(name) => SyncFigureNames.Read(report.Sync, name),
        _ when Operations.OpsFigureNames.TryRead(report.Ops, name, out var ops) => ops,
        _ => throw new System.ArgumentException("unknown summary figure " + name, nameof(name)),
    };
}
