using System.Collections.Immutable;
using RingRift.Kernel.Monitoring;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The optional <c>monitoring</c> block: overrides of <see cref="MonitoringConfig.Default"/>; absent means
/// monitoring is off on every node (no samples, no alerts, no healing, and the trace is as before).
/// </summary>
internal static class MonitoringSection
{
    private static readonly ImmutableArray<string> Keys =
    [
        "sample_interval", "window_samples", "horizon", "disk_used_max", "disk_used_clear", "stall_after",
        "reminder_interval", "healing", "healing_interval", "healing_actions_per_hour_max",
        "heartbeat_delay_max", "heartbeat_delay_clear", "heartbeat_delay_horizon",
    ];

    public static MonitoringConfig? Read(MapReader root)
    {
        if (root.Optional("monitoring") is not { } value) return null;
        if (!value.IsMapping) return MonitoringConfig.Default;
        var map = value.Map("monitoring", Keys);
        var d = MonitoringConfig.Default;
        var config = d with
        {
            SampleInterval = map.Optional("sample_interval")?.PositiveDuration() ?? d.SampleInterval,
            WindowSamples = map.Optional("window_samples")?.Int(3, MonitoringConfig.WindowSamplesMax) ?? d.WindowSamples,
            Horizon = map.Optional("horizon")?.PositiveDuration() ?? d.Horizon,
            DiskUsedMax = map.Optional("disk_used_max")?.Probability() ?? d.DiskUsedMax,
            DiskUsedClear = map.Optional("disk_used_clear")?.Probability() ?? d.DiskUsedClear,
            StallAfter = map.Optional("stall_after")?.PositiveDuration() ?? d.StallAfter,
            ReminderInterval = map.Optional("reminder_interval")?.PositiveDuration() ?? d.ReminderInterval,
            HealingEnabled = map.Optional("healing")?.Bool() ?? d.HealingEnabled,
            HealingInterval = map.Optional("healing_interval")?.PositiveDuration() ?? d.HealingInterval,
            HealingActionsPerHourMax = map.Optional("healing_actions_per_hour_max")?.Int(1, MonitoringConfig.HealingActionsPerHourLimit) ?? d.HealingActionsPerHourMax,
            HeartbeatDelayMax = map.Optional("heartbeat_delay_max")?.PositiveDuration() ?? d.HeartbeatDelayMax,
            HeartbeatDelayClear = map.Optional("heartbeat_delay_clear")?.Duration() ?? d.HeartbeatDelayClear,
            HeartbeatDelayHorizon = map.Optional("heartbeat_delay_horizon")?.PositiveDuration() ?? d.HeartbeatDelayHorizon,
        };
        var errors = config.Validate();
        if (errors.Count > 0) throw value.Error(errors[0]);
        return config;
    }
}
