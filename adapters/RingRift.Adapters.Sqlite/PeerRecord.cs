namespace RingRift.Adapters.Sqlite;

/// <summary>One row of the <c>peers</c> table: how this node last saw a peer, and where the peer listens.</summary>
public sealed record PeerRecord(string NodeId, string? Host, int? Port, string Status, long Incarnation);
