using System.Collections.Generic;

namespace RingRift.Adapters.Http.Json;

/// <summary>
/// GET /alerts: the alerts active on this node (its own; on the leader also its queue alert), whether
/// monitoring runs, the leader this node follows and where the cluster-wide view is (the leader's
/// /alerts; null while no leader is known), and — on the leader only — every node's reported alerts.
/// </summary>
public sealed record AlertsBody(string NodeId, bool Monitoring, List<AlertBody> Alerts)
{
    public string? Leader { get; init; }
    public string? ClusterView { get; init; }
    public List<AlertBody>? ClusterAlerts { get; init; }
}

/// <summary>One active alert: its node, its kind's stable name, the newest level (0 in the cluster view: not reported), and since when (node-local seconds).</summary>
public sealed record AlertBody(string Node, string Kind, long Level, double SinceSeconds);
