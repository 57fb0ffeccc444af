using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Node;

/// <summary>
/// Turns membership's view into the peers gossip may target: those seen Alive or Suspect (the
/// original's "alive": not yet dead) that can be dialled, each with the voter flag and provider of
/// its configured profile. A peer discovered outside the configured cluster counts as a dialable
/// non-voter of no provider. The returned list is reused: valid until the next call.
/// </summary>
internal sealed class GossipPeers
{
    private readonly Dictionary<NodeId, NodeProfile> _profiles = new();
    private readonly List<GossipPeer> _reachable = new();

    public GossipPeers(ImmutableArray<NodeProfile> cluster)
    {
        foreach (var profile in cluster) _profiles[profile.Node] = profile;
    }

    /// <summary>The targets among <paramref name="members"/>, in their (node-id) order.</summary>
    public IReadOnlyList<GossipPeer> Reachable(ImmutableArray<MemberView> members)
    {
        _reachable.Clear();
        foreach (var member in members)
        {
            if (member.State > MemberState.Suspect) continue;
            if (!_profiles.TryGetValue(member.Peer, out var profile))
                _reachable.Add(new GossipPeer(member.Peer, IsVoter: false, Provider: ""));
            else if (!profile.NatBlocked)
                _reachable.Add(new GossipPeer(member.Peer, profile.IsVoter, profile.Provider));
        }
        return _reachable;
    }
}
