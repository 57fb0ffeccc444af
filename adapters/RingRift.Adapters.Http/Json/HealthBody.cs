namespace RingRift.Adapters.Http.Json;

/// <summary>GET /health: a quick answer that the node runs and whom it follows.</summary>
public sealed record HealthBody(bool Healthy, string NodeId, string Role, string? LeaderId, long UptimeSeconds);
