using System.Collections.Generic;

namespace RingRift.Adapters.Http.Json;

/// <summary>GET /alerts: the alerts active on this node (its own; on the leader also its queue alert), and whether monitoring runs.</summary>
public sealed record AlertsBody(string NodeId, bool Monitoring, List<AlertBody> Alerts);

/// <summary>One active alert: its node, its kind's stable name, the newest level, and since when (node-local seconds).</summary>
public sealed record AlertBody(string Node, string Kind, long Level, double SinceSeconds);
