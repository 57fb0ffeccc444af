using System.Collections.Generic;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Predictive monitoring and self-healing. Every node samples its own resources every
/// <see cref="SampleInterval"/> into windows of <see cref="WindowSamples"/>; a trend that reaches a
/// threshold within <see cref="Horizon"/> raises an alert, which clears only once the level is below
/// the clear level and the trend no longer reaches the threshold within twice the horizon
/// (hysteresis). The leader heals at most one stuck job per <see cref="HealingInterval"/> and at most
/// <see cref="HealingActionsPerHourMax"/> an hour. Immutable; <see cref="Validate"/> names the key of
/// every inconsistency.
/// </summary>
public sealed record MonitoringConfig
{
    public static readonly MonitoringConfig Default = new();

    public Duration SampleInterval { get; init; } = Duration.FromMinutes(1);
    public int WindowSamples { get; init; } = 10;
    public Duration Horizon { get; init; } = Duration.FromHours(2);
    public Ratio DiskUsedMax { get; init; } = Ratio.FromPercent(95);
    public Ratio DiskUsedClear { get; init; } = Ratio.FromPercent(90);
    public Ratio MemoryUsedMax { get; init; } = Ratio.FromPercent(95);
    public Ratio MemoryUsedClear { get; init; } = Ratio.FromPercent(90);
    public int PendingJobsMax { get; init; } = 5_000;
    public int PendingJobsClear { get; init; } = 4_000;

    /// <summary>
    /// A node's heartbeat delay (the round trip of its alert report to the leader) alerts when its trend
    /// reaches this within <see cref="HeartbeatDelayHorizon"/> — before the membership dead timeout
    /// (180 s by default) is near — and clears below <see cref="HeartbeatDelayClear"/>.
    /// </summary>
    public Duration HeartbeatDelayMax { get; init; } = Duration.FromSeconds(90);
    public Duration HeartbeatDelayClear { get; init; } = Duration.FromSeconds(30);

    /// <summary>Shorter than <see cref="Horizon"/>: a delay is judged in minutes, a disk in hours.</summary>
    public Duration HeartbeatDelayHorizon { get; init; } = Duration.FromMinutes(30);

    /// <summary>
    /// Selfplay that wrote no game for this long while running is stalled — the floor of the bound: once the
    /// node has learned its own game rate, the bound is the longer of this and four times the expected wait for
    /// the jobs running now to write one game (<see cref="StallPredictor"/>).
    /// </summary>
    public Duration StallAfter { get; init; } = Duration.FromMinutes(6);

    /// <summary>An alert still active is announced again at most this often (never a flood).</summary>
    public Duration ReminderInterval { get; init; } = Duration.FromHours(1);

    public Duration HealingInterval { get; init; } = Duration.FromMinutes(5);
    public int HealingActionsPerHourMax { get; init; } = 6;

    /// <summary>Set false to raise alerts without healing (the leader only watches).</summary>
    public bool HealingEnabled { get; init; } = true;

    /// <summary>A node's alert report older than this many sample intervals is ignored by the healer.</summary>
    public int ReportFreshIntervals { get; init; } = 3;

    public const int WindowSamplesMax = 120;
    public const int HealingActionsPerHourLimit = 60;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SampleInterval <= Duration.Zero) errors.Add($"monitoring.sample_interval must be positive (got {SampleInterval})");
        if (WindowSamples is < 3 or > WindowSamplesMax) errors.Add($"monitoring.window_samples must be within 3..{WindowSamplesMax} (got {WindowSamples})");
        if (Horizon < SampleInterval) errors.Add($"monitoring.horizon ({Horizon}) must be at least monitoring.sample_interval ({SampleInterval})");
        AddLevelErrors(errors, "disk_used", DiskUsedMax, DiskUsedClear);
        AddLevelErrors(errors, "memory_used", MemoryUsedMax, MemoryUsedClear);
        if (PendingJobsClear < 0 || PendingJobsClear >= PendingJobsMax)
            errors.Add($"monitoring.pending_jobs_clear ({PendingJobsClear}) must be within 0..monitoring.pending_jobs_max ({PendingJobsMax}) exclusive");
        if (HeartbeatDelayMax <= Duration.Zero) errors.Add($"monitoring.heartbeat_delay_max must be positive (got {HeartbeatDelayMax})");
        if (HeartbeatDelayClear < Duration.Zero || HeartbeatDelayClear >= HeartbeatDelayMax)
            errors.Add($"monitoring.heartbeat_delay_clear ({HeartbeatDelayClear}) must be below monitoring.heartbeat_delay_max ({HeartbeatDelayMax})");
        if (HeartbeatDelayHorizon < SampleInterval)
            errors.Add($"monitoring.heartbeat_delay_horizon ({HeartbeatDelayHorizon}) must be at least monitoring.sample_interval ({SampleInterval})");
        if (StallAfter < SampleInterval * 2)
            errors.Add($"monitoring.stall_after ({StallAfter}) must be at least two monitoring.sample_interval ({SampleInterval})");
        if (StallAfter > SampleInterval * (WindowSamples - 1))
            errors.Add($"monitoring.stall_after ({StallAfter}) must fit in the window: at most (monitoring.window_samples - 1) x monitoring.sample_interval");
        if (ReminderInterval < SampleInterval) errors.Add($"monitoring.reminder_interval ({ReminderInterval}) must be at least monitoring.sample_interval");
        if (HealingInterval < SampleInterval) errors.Add($"monitoring.healing_interval ({HealingInterval}) must be at least monitoring.sample_interval");
        if (HealingActionsPerHourMax is < 1 or > HealingActionsPerHourLimit)
            errors.Add($"monitoring.healing_actions_per_hour_max must be within 1..{HealingActionsPerHourLimit} (got {HealingActionsPerHourMax})");
        if (ReportFreshIntervals < 2) errors.Add($"monitoring.report_fresh_intervals must be at least 2 (got {ReportFreshIntervals})");
        return errors;
    }

    private static void AddLevelErrors(List<string> errors, string key, Ratio max, Ratio clear)
    {
        if (max <= Ratio.Zero || max > Ratio.One) errors.Add($"monitoring.{key}_max must be within 0%..100% (got {max})");
        if (clear < Ratio.Zero || clear >= max) errors.Add($"monitoring.{key}_clear ({clear}) must be below monitoring.{key}_max ({max})");
    }
}
