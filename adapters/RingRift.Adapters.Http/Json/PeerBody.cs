namespace RingRift.Adapters.Http.Json;

/// <summary>How this node sees one peer.</summary>
public sealed record PeerBody(string NodeId, string State, long Incarnation);
