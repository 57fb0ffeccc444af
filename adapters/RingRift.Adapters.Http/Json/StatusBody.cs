using System.Collections.Generic;

namespace RingRift.Adapters.Http.Json;

/// <summary>GET /status, in the seed's shape (node_id, role, leader_id, alive_peers, total_peers, uptime_seconds, jobs, managers) plus epoch and peers.</summary>
public sealed record StatusBody(
    string NodeId,
    string Role,
    string? LeaderId,
    long Epoch,
    long Incarnation,
    int AlivePeers,
    int TotalPeers,
    long UptimeSeconds,
    bool AcceptingWork,
    JobsBody Jobs,
    Dictionary<string, ComponentBody> Managers,
    List<PeerBody> Peers)
{
    /// <summary>Each kernel machine's health (the seed's "loops"); null when monitoring is off.</summary>
    public Dictionary<string, LoopBody>? Loops { get; init; }
}
