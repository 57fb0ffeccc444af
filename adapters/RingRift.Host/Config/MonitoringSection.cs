using System.Collections.Generic;
using RingRift.Kernel.Monitoring;

namespace RingRift.Host.Config;

/// <summary>
/// The <c>monitoring</c> section turns predictive monitoring and self-healing on with overrides of
/// <see cref="MonitoringConfig.Default"/> (<c>monitoring: {}</c> keeps every default). Each key is
/// checked for its type at its line; relationships (a clear level below its threshold, the stall bound
/// inside the window …) at the line of the key the error names.
/// </summary>
internal static class MonitoringSection
{
    private static readonly string[] DurationKeys =
    [
        "sample_interval", "horizon", "stall_after", "reminder_interval", "healing_interval", "heartbeat_delay_max",
        "heartbeat_delay_clear", "heartbeat_delay_horizon",
    ];

    private static readonly string[] PercentKeys = ["disk_used_max", "disk_used_clear", "memory_used_max", "memory_used_clear"];

    private static readonly string[] CountKeys =
        ["window_samples", "pending_jobs_max", "pending_jobs_clear", "healing_actions_per_hour_max", "report_fresh_intervals"];

    private static readonly string[] Keys = [.. DurationKeys, .. PercentKeys, .. CountKeys, "healing"];

    public static MonitoringConfig Read(ConfigNode section)
    {
        var nodes = new Dictionary<string, ConfigNode>();
        var c = MonitoringConfig.Default;
        foreach (var (key, value) in section.Entries(Keys))
        {
            nodes[key] = value;
            c = key switch
            {
                "sample_interval" => c with { SampleInterval = value.Duration() },
                "horizon" => c with { Horizon = value.Duration() },
                "stall_after" => c with { StallAfter = value.Duration() },
                "reminder_interval" => c with { ReminderInterval = value.Duration() },
                "healing_interval" => c with { HealingInterval = value.Duration() },
                "heartbeat_delay_max" => c with { HeartbeatDelayMax = value.Duration() },
                "heartbeat_delay_clear" => c with { HeartbeatDelayClear = value.Duration(allowZero: true) },
                "heartbeat_delay_horizon" => c with { HeartbeatDelayHorizon = value.Duration() },
                "disk_used_max" => c with { DiskUsedMax = value.Percent() },
                "disk_used_clear" => c with { DiskUsedClear = value.Percent() },
                "memory_used_max" => c with { MemoryUsedMax = value.Percent() },
                "memory_used_clear" => c with { MemoryUsedClear = value.Percent() },
                "window_samples" => c with { WindowSamples = value.Int(3, MonitoringConfig.WindowSamplesMax) },
                "pending_jobs_max" => c with { PendingJobsMax = value.Int(1, 1_000_000) },
                "pending_jobs_clear" => c with { PendingJobsClear = value.Int(0, 1_000_000) },
                "healing_actions_per_hour_max" => c with { HealingActionsPerHourMax = value.Int(1, MonitoringConfig.HealingActionsPerHourLimit) },
                "report_fresh_intervals" => c with { ReportFreshIntervals = value.Int(2, 1_000) },
                _ => c with { HealingEnabled = value.Bool() },
            };
        }
        SectionErrors.ThrowIfAny("monitoring", section, nodes, c.Validate());
        return c;
    }
}
