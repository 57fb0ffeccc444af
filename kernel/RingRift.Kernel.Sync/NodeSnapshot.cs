namespace RingRift.Kernel.Sync;

/// <summary>
/// What the planner knows of one node: whether membership sees it alive, its provider (same-provider
/// sources are preferred: faster and free), whether it is NAT-blocked (it can dial out, nobody can
/// dial it), its load (busy nodes serve last), its disk, whether it may hold replicas of other nodes'
/// games, and its manifest.
/// </summary>
public sealed record NodeSnapshot(
    NodeId Node,
    string Provider,
    bool Alive,
    bool NatBlocked,
    Ratio Load,
    ByteSize DiskTotal,
    ByteSize DiskFree,
    bool StoresReplicas,
    Manifest Manifest);
