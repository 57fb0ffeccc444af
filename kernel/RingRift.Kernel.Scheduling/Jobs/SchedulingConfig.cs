using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// Timing and bounds of dispatch. Workers report every <see cref="ReportInterval"/> and at once when a
/// job ends; the leader plans every <see cref="PlanInterval"/>; a new leader collects reports for
/// <see cref="RebuildWindow"/> before placing anything (so it adopts, never duplicates, what runs).
/// An assignment not seen running within <see cref="AssignTimeout"/> goes back to pending; a node that
/// refused or failed to start one cools down for <see cref="FailureCooldown"/>. Training and gauntlets
/// together take at most <see cref="TrainingShareMax"/> of the slots so selfplay never starves.
/// </summary>
public sealed record SchedulingConfig(
    Duration ReportInterval,
    Duration PlanInterval,
    Duration RebuildWindow,
    Duration AssignTimeout,
    Duration FailureCooldown,
    Duration StallAlarmAfter,
    int JobsPerGpu,
    Ratio TrainingShareMax,
    Ratio PromotionWinRate,
    Duration SelfplayCap,
    Duration TrainingCapSmall,
    Duration TrainingCapLarge,
    Duration GauntletCap)
{
    /// <summary>
    /// Games a config needs before its first training and between trainings; null (the default) uses the
    /// original's formula scaled by the number of GPU nodes. Small scenarios set them to reach training sooner.
    /// </summary>
    public (int First, int Next)? TrainingGames { get; init; }

    /// <summary>At most this many jobs travel in one order or report.</summary>
    public const int JobsPerMessageMax = 64;

    public static readonly SchedulingConfig Default = new(
        ReportInterval: Duration.FromSeconds(10),
        PlanInterval: Duration.FromSeconds(5),
        RebuildWindow: Duration.FromSeconds(25),
        AssignTimeout: Duration.FromSeconds(60),
        FailureCooldown: Duration.FromSeconds(30),
        StallAlarmAfter: Duration.FromSeconds(90),
        JobsPerGpu: 1,
        TrainingShareMax: Ratio.FromPercent(25),
        PromotionWinRate: Ratio.FromPercent(55),
        SelfplayCap: Duration.FromMinutes(45),
        TrainingCapSmall: Duration.FromHours(2),
        TrainingCapLarge: Duration.FromHours(4),
        GauntletCap: Duration.FromMinutes(45));

    /// <summary>How many jobs a node may hold: one per GPU by default, none without a GPU or as a proxy.</summary>
    public int SlotsFor(NodeProfile node) =>
        node.HasGpu && !node.ProxyOnly ? System.Math.Min(JobsPerMessageMax, node.Gpu.Count * JobsPerGpu) : 0;

    /// <summary>The runtime cap of a job (the original's: selfplay 45 min, training 2 h small boards / 4 h large).</summary>
    public Duration CapOf(JobSpec job) => job.Kind switch
    {
        JobKind.Selfplay => SelfplayCap,
        JobKind.Training => BoardConfigs.IsLargeBoard(BoardConfigs.IndexOf(job.Config)) ? TrainingCapLarge : TrainingCapSmall,
        _ => GauntletCap,
    };

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReportInterval <= Duration.Zero || PlanInterval <= Duration.Zero) errors.Add("scheduling intervals must be positive");
        if (RebuildWindow < ReportInterval * 2) errors.Add($"rebuild_window ({RebuildWindow}) must cover two report intervals ({ReportInterval})");
        if (AssignTimeout < ReportInterval * 2) errors.Add($"assign_timeout ({AssignTimeout}) must cover two report intervals ({ReportInterval})");
        if (JobsPerGpu is < 1 or > 16) errors.Add($"jobs_per_gpu must be within 1..16 (got {JobsPerGpu})");
        if (StallAlarmAfter <= PlanInterval) errors.Add("stall_alarm_after must exceed plan_interval");
        if (TrainingGames is { } games && (games.First < 1 || games.Next < 1)) errors.Add("training game thresholds must be positive");
        return errors;
    }
}
