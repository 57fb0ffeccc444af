using System;
using System.Collections.Immutable;

namespace RingRift.Simulator.Engine.Operations;

/// <summary>
/// What the operations loops did in a run (only when the scenario turns monitoring on).
/// <see cref="FalseAlerts"/>: alerts whose condition the simulator's ground truth never showed — a
/// disk or queue alert whose level did not reach its threshold within the alert's horizon while no
/// fill was in force when it was raised; a stall alert raised while the node's selfplay was not
/// silent and its GPU not hung; any memory alert (the simulator never grows memory). An alert raised
/// too near the end for its horizon to run out is judged by what the run showed.
/// <see cref="HealthyNodesRestarted"/>: node-level healing actions (restart, fence) against a node
/// that was running; the healer has none, so it is 0 by construction and stays as the guard.
/// <see cref="HealingOnHealthyNodes"/>: healing actions on a node whose selfplay was neither silent
/// nor on a hung GPU. <see cref="SilentStopToAlertMax"/>: the longest time from a selfplay silent
/// stop to its node's stall alert (a stop never alerted counts to the end of the run); null without one.
/// </summary>
public sealed record OpsFigures(
    long AlertsRaised,
    long AlertsCleared,
    long AlertReminders,
    long FalseAlerts,
    long HealingActions,
    long HealingOnHealthyNodes,
    long HealthyNodesRestarted,
    Kernel.Duration? SilentStopToAlertMax,
    ImmutableArray<long> EventCounts)
{
    /// <summary>Equal when every figure and every event count is (immutable arrays alone compare by reference).</summary>
    public bool Equals(OpsFigures? other) =>
        other is not null && AlertsRaised == other.AlertsRaised && AlertsCleared == other.AlertsCleared
        && AlertReminders == other.AlertReminders && FalseAlerts == other.FalseAlerts && HealingActions == other.HealingActions
        && HealingOnHealthyNodes == other.HealingOnHealthyNodes && HealthyNodesRestarted == other.HealthyNodesRestarted
        && SilentStopToAlertMax == other.SilentStopToAlertMax && EventCounts.AsSpan().SequenceEqual(other.EventCounts.AsSpan());

    public override int GetHashCode() => System.HashCode.Combine(AlertsRaised, FalseAlerts, HealingActions, EventCounts.Length);

    /// <summary>Counts in <see cref="Kernel.Node.ClusterEvents.All"/> order, as NAME:count.</summary>
    public string EventsText()
    {
        var parts = new string[EventCounts.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = Kernel.Node.ClusterEvents.All[i] + ":" + EventCounts[i];
        return string.Join(",", parts);
    }
}
