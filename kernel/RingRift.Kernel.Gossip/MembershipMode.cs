namespace RingRift.Kernel.Gossip;

/// <summary>
/// Which protocol decides liveness (the original's <c>RINGRIFT_MEMBERSHIP_MODE</c> = http | swim | hybrid).
/// </summary>
public enum MembershipMode : byte
{
    /// <summary>The original's "http" mode: every node heartbeats every peer; silence decides (see <see cref="HeartbeatMembershipMachine"/>).</summary>
    Heartbeat = 0,

    /// <summary>SWIM with Lifeguard: probes, indirect probes, suspicion refuted by incarnation (see <see cref="SwimMembershipMachine"/>).</summary>
    Swim = 1,

    /// <summary>
    /// Heartbeats still carry each node's advertisement (profile and load) at the heartbeat interval,
    /// but judge nobody; SWIM alone decides liveness and answers every view.
    /// </summary>
    Hybrid = 2,
}
