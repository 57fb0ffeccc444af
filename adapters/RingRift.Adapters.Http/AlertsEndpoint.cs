using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Http.Json;
using RingRift.Kernel;

namespace RingRift.Adapters.Http;

/// <summary>GET /alerts (this node's and, on the leader, the cluster's), the "loops" health in /status, and the alert gauges in /metrics, all from the last published snapshot.</summary>
internal sealed class AlertsEndpoint(HttpEndpointContext context)
{
    /// <summary>
    /// This node's alerts and where the cluster's are: the leader answers with every node's reported
    /// alerts; a follower names the leader and its /alerts address (from the peer directory).
    /// </summary>
    public Task Alerts(HttpContext http)
    {
        var status = context.Gateway.Status;
        var self = context.Gateway.Self;
        var leading = status.LeaderId == self;
        var body = new AlertsBody(self.Value, !status.Health.IsEmpty, Bodies(status.Alerts))
        {
            Leader = status.LeaderId?.Value,
            ClusterView = leading ? "/alerts" : LeaderAlerts(status.LeaderId),
            ClusterAlerts = leading ? Bodies(status.ClusterAlerts) : null,
        };
        return JsonResponses.Write(http, 200, body, HttpJsonContext.Default.AlertsBody);
    }

    private string? LeaderAlerts(NodeId? leader) =>
        leader is { } node && context.Peers is { } peers && peers.TryGet(node, out var address) ? new Uri(address!, "alerts").ToString() : null;

    private static List<AlertBody> Bodies(ImmutableArray<ActiveAlertView> views)
    {
        var alerts = new List<AlertBody>(views.Length);
        foreach (var alert in views)
            alerts.Add(new AlertBody(alert.Node.Value, alert.Kind, alert.Level, Seconds(alert.Since.Micros)));
        return alerts;
    }

    /// <summary>Each machine's health by name; null when monitoring is off (the kernel reports none).</summary>
    public static Dictionary<string, LoopBody>? Loops(NodeStatus status)
    {
        if (status.Health.IsEmpty) return null;
        var loops = new Dictionary<string, LoopBody>();
        foreach (var h in status.Health)
            loops[h.Machine] = new LoopBody(h.Healthy, h.Message, h.Cycles, h.LastRun is { } last ? Seconds(last.Micros) : null, h.Errors, Seconds(h.AverageInterval.Micros));
        return loops;
    }

    /// <summary>ringrift_alerts_active (one gauge per kind present), ringrift_cluster_alerts_active (0 but on the leader) and ringrift_machine_healthy per machine.</summary>
    public static void WriteMetrics(StringBuilder text, NodeStatus status)
    {
        if (status.Health.IsEmpty) return;
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_alerts_active gauge\n");
        text.Append(inv, $"ringrift_alerts_active {status.Alerts.Length}\n");
        text.Append("# TYPE ringrift_cluster_alerts_active gauge\n");
        text.Append(inv, $"ringrift_cluster_alerts_active {status.ClusterAlerts.Length}\n");
        foreach (var alert in status.Alerts) text.Append(inv, $"ringrift_alert_level{{kind=\"{alert.Kind}\"}} {alert.Level}\n");
        text.Append("# TYPE ringrift_machine_healthy gauge\n");
        foreach (var h in status.Health) text.Append(inv, $"ringrift_machine_healthy{{machine=\"{h.Machine}\"}} {(h.Healthy ? 1 : 0)}\n");
    }

    private static double Seconds(long micros) => micros / 1e6;
}
