namespace RingRift.Kernel;

/// <summary>Wire tags of every kernel message. Values are part of the protocol: append, never renumber.</summary>
public enum MessageKind : byte
{
    Heartbeat = 1,
    HeartbeatAck = 2,

    LeaseRequest = 10,
    LeaseReply = 11,
    LeaderAnnounce = 12,
    LeaseRelease = 13,
    PreVoteRequest = 14,
    PreVoteReply = 15,

    GossipDigest = 20,
    GossipDelta = 21,

    // SWIM membership: 30–39.
    SwimPing = 30,
    SwimAck = 31,
    SwimPingReq = 32,
    SwimNack = 33,

    // Scheduling: 40–59.
    JobOrders = 40,
    JobReport = 41,

    // Sync: 60–69.
    SyncStatus = 60,
    ManifestRequest = 61,
    ManifestPageMessage = 62,
    ManifestDeltaMessage = 63,
    TransferOrder = 64,
    TransferReport = 65,
    CleanupOrder = 66,
    // Operations (monitoring and healing): 70–79.
    AlertReport = 70,
    AlertReportAck = 71,
    // Elo sync: 80–89.
    EloOffer = 80,
    EloRequest = 81,
    EloResults = 82,
}
