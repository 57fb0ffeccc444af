using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// How this node currently sees its peers, whichever protocol decides it (heartbeat or SWIM). Read-only:
/// checkers, status and the simulator's expectations use it, never the concrete machine. Every member
/// reflects the machine's state after the last step; nothing here changes state.
/// </summary>
public interface IMembershipView
{
    /// <summary>Increases whenever anything <see cref="Snapshot"/> shows changes, so status snapshots are rebuilt only then.</summary>
    int Version { get; }

    /// <summary>Peers seen Alive or Suspect (suspects still count as members).</summary>
    int AlivePeerCount { get; }

    /// <summary>Peers in the table, in any state.</summary>
    int PeerCount { get; }

    /// <summary>The current view of every peer, in node-id order.</summary>
    ImmutableArray<MemberView> Snapshot();

    /// <summary>The state this node currently sees <paramref name="peer"/> in, or null if unknown.</summary>
    MemberState? StateOf(NodeId peer);
}
