using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Node;

/// <summary>
/// Turns membership's view into the peers gossip may target: those seen Alive or Suspect (the
/// original's "alive": not yet dead) that can be dialled, each with the voter flag and provider of
/// its configured profile. A peer discovered outside the configured cluster counts as a dialable
/// non-voter of no provider. The list is rebuilt only when membership's view changed.
/// </summary>
internal sealed class GossipPeers
{
    private readonly Dictionary<NodeId, NodeProfile> _profiles = new();
    private readonly List<GossipPeer> _buffer = new();
    private ImmutableArray<GossipPeer> _reachable = ImmutableArray<GossipPeer>.Empty;
    private int _membershipVersion = -1;

    public GossipPeers(ImmutableArray<NodeProfile> cluster)
    {
        foreach (var profile in cluster) _profiles[profile.Node] = profile;
    }

    /// <summary>The targets among <paramref name="membership"/>'s peers, in node-id order.</summary>
    public ImmutableArray<GossipPeer> Reachable(IMembershipView membership)
    {
        if (membership.Version == _membershipVersion) return _reachable;
        _membershipVersion = membership.Version;
        _buffer.Clear();
        foreach (var member in membership.Snapshot())
        {
            if (member.State > MemberState.Suspect) continue;
            if (!_profiles.TryGetValue(member.Peer, out var profile))
                _buffer.Add(new GossipPeer(member.Peer, IsVoter: false, Provider: ""));
            else if (!profile.NatBlocked)
                _buffer.Add(new GossipPeer(member.Peer, profile.IsVoter, profile.Provider));
        }
        _reachable = ImmutableArray.CreateRange(_buffer);
        return _reachable;
    }
}
