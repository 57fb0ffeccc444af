using System.Collections.Generic;
using RingRift.Simulator.Engine.Operations;

namespace RingRift.Simulator.Cli;

/// <summary>The operations figures in <c>--json</c>; absent when the scenario leaves monitoring off.</summary>
internal sealed record OpsJson(
    long AlertsRaised,
    long AlertsCleared,
    long AlertReminders,
    long FalseAlerts,
    long HealingActions,
    long HealingOnHealthyNodes,
    long HealthyNodesRestarted,
    double? SilentStopToAlertSeconds,
    IReadOnlyDictionary<string, long> Events)
{
    public static OpsJson? From(OpsFigures? o)
    {
        if (o is null) return null;
        var events = new SortedDictionary<string, long>(System.StringComparer.Ordinal);
        for (var i = 0; i < o.EventCounts.Length; i++) events[Kernel.Node.ClusterEvents.All[i]] = o.EventCounts[i];
        return new OpsJson(
            o.AlertsRaised, o.AlertsCleared, o.AlertReminders, o.FalseAlerts, o.HealingActions, o.HealingOnHealthyNodes,
            o.HealthyNodesRestarted, o.SilentStopToAlertMax?.Micros / 1e6, events);
    }

    /// <summary>The summary's <c>ops</c> line.</summary>
    public static string Line(OpsFigures o) =>
        $"ops alerts_raised={o.AlertsRaised} cleared={o.AlertsCleared} reminders={o.AlertReminders} false_alerts={o.FalseAlerts} " +
        $"healing_actions={o.HealingActions} healing_on_healthy_nodes={o.HealingOnHealthyNodes} healthy_nodes_restarted={o.HealthyNodesRestarted} " +
        $"silent_stop_to_alert_seconds={o.SilentStopToAlertMax?.WholeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} " +
        $"events=[{o.EventsText()}]";
}
