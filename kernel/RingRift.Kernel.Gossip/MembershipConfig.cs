using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// Heartbeat membership timing. Every threshold is measured from the last time a peer was heard:
/// Alive until <see cref="SuspectTimeout"/>, Suspect until <see cref="DeadTimeout"/>, Dead until
/// <see cref="RetireTimeout"/>, then Retired (probed every <see cref="RetiredProbeInterval"/>).
/// Defaults are the original's: 15 s, 90 s, 180 s, 300 s.
/// </summary>
public sealed record MembershipConfig(
    Duration HeartbeatInterval,
    Duration SuspectTimeout,
    Duration DeadTimeout,
    Duration RetireTimeout,
    Duration RetiredProbeInterval,
    int PeerTableMax)
{
    public static readonly MembershipConfig Default = new(
        HeartbeatInterval: Duration.FromSeconds(15),
        SuspectTimeout: Duration.FromSeconds(90),
        DeadTimeout: Duration.FromSeconds(180),
        RetireTimeout: Duration.FromSeconds(300),
        RetiredProbeInterval: Duration.FromSeconds(120),
        PeerTableMax: 1024);

    /// <summary>A gap between two steps longer than this means the node itself stalled (see <c>ObserveTime</c>).</summary>
    public Duration StallThreshold => HeartbeatInterval * 2;

    /// <summary>Every inconsistency, each naming the fields involved; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HeartbeatInterval <= Duration.Zero)
            errors.Add($"heartbeat_interval must be positive (got {HeartbeatInterval})");
        // A suspect timeout of two intervals tolerates one lost heartbeat before suspecting.
        if (SuspectTimeout < HeartbeatInterval * 2)
            errors.Add($"suspect_timeout ({SuspectTimeout}) must be at least twice heartbeat_interval ({HeartbeatInterval})");
        if (DeadTimeout <= SuspectTimeout)
            errors.Add($"dead_timeout ({DeadTimeout}) must be greater than suspect_timeout ({SuspectTimeout})");
        if (RetireTimeout <= DeadTimeout)
            errors.Add($"retire_timeout ({RetireTimeout}) must be greater than dead_timeout ({DeadTimeout})");
        if (RetiredProbeInterval < HeartbeatInterval)
            errors.Add($"retired_probe_interval ({RetiredProbeInterval}) must be at least heartbeat_interval ({HeartbeatInterval})");
        if (PeerTableMax < 1)
            errors.Add($"peer_table_max must be positive (got {PeerTableMax})");
        return errors;
    }

    /// <summary>The state a peer last heard <paramref name="silence"/> ago is in.</summary>
    public MemberState StateAfter(Duration silence) =>
        silence < SuspectTimeout ? MemberState.Alive
        : silence < DeadTimeout ? MemberState.Suspect
        : silence < RetireTimeout ? MemberState.Dead
        : MemberState.Retired;

    /// <summary>How long after the last hearing a peer in <paramref name="state"/> moves on; null for Retired.</summary>
    public Duration? SilenceLeaving(MemberState state) => state switch
    {
        MemberState.Alive => SuspectTimeout,
        MemberState.Suspect => DeadTimeout,
        MemberState.Dead => RetireTimeout,
        _ => null,
    };
}
