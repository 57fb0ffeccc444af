namespace RingRift.Kernel.Gossip;

/// <summary>
/// A membership protocol as <c>KernelNode</c> drives it. Each step calls <see cref="ObserveTime"/>
/// first (so a stall is recognised before any input is judged), then the input's handler, then
/// <see cref="Tick"/> at the same instant. Messages go to the machine's concrete handlers; this
/// interface covers only what every protocol shares. Single-threaded; times never decrease.
/// </summary>
public interface IMembershipMachine : IMembershipView
{
    /// <summary>When the machine next needs a <see cref="Tick"/>; a host that wakes it later has stalled it.</summary>
    Instant NextDeadline { get; }

    /// <summary>Sees the time of a step before anything else, to credit peers with this node's own stalls.</summary>
    void ObserveTime(Instant now);

    /// <summary>Advances timeouts and sends what is due.</summary>
    void Tick(Instant now);

    /// <summary>What this node advertises about its load, for protocols that carry it (heartbeat); others ignore it.</summary>
    void SetLoad(NodeLoad load);
}
