using System.Collections.Immutable;

namespace RingRift.Simulator.Engine.Operations;

/// <summary>The operations figures a scenario can assert in <c>expect.summary</c> (0 when monitoring is off).</summary>
public static class OpsFigureNames
{
    public static readonly ImmutableArray<string> All =
    [
        "alerts_raised", "alerts_cleared", "alert_reminders", "false_alerts", "healing_actions",
        "healing_on_healthy_nodes", "healthy_nodes_restarted", "silent_stop_to_alert_seconds",
    ];

    public static bool TryRead(OpsFigures? ops, string name, out long value)
    {
        value = name switch
        {
            "alerts_raised" => ops?.AlertsRaised ?? 0,
            "alerts_cleared" => ops?.AlertsCleared ?? 0,
            "alert_reminders" => ops?.AlertReminders ?? 0,
            "false_alerts" => ops?.FalseAlerts ?? 0,
            "healing_actions" => ops?.HealingActions ?? 0,
            "healing_on_healthy_nodes" => ops?.HealingOnHealthyNodes ?? 0,
            "healthy_nodes_restarted" => ops?.HealthyNodesRestarted ?? 0,
            "silent_stop_to_alert_seconds" => ops?.SilentStopToAlertMax?.WholeSeconds ?? -1,
            _ => long.MinValue,
        };
        return value != long.MinValue;
    }
}
