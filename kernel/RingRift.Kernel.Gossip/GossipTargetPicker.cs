using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The original's gossip target rule: one random voter; then one random peer per provider, the
/// providers in shuffled order; then random non-voters; then the remaining voters; until the fanout
/// is reached or the peers run out. Spreading over voters and providers means one provider's outage
/// or one voter's partition does not stop a round. Deterministic for a given peer list order and
/// generator state. Its buffers are reused and the sorted providers kept while the peer list is the
/// same, so a round allocates nothing.
/// </summary>
internal sealed class GossipTargetPicker
{
    private readonly List<bool> _chosen = new();
    private readonly List<string> _sortedProviders = new();
    private readonly List<string> _providers = new();
    private ImmutableArray<GossipPeer> _providersOf;

    private enum Filter : byte { Voter, Provider, NonVoter, Any }

    /// <summary>Fills <paramref name="targets"/> with min(fanout, peers) distinct peers, in the order chosen.</summary>
    public void Pick(ImmutableArray<GossipPeer> peers, int fanout, Prng prng, List<NodeId> targets)
    {
        targets.Clear();
        Reset(peers.Length);
        var wanted = Math.Min(fanout, peers.Length);
        if (wanted == 0) return;
        TakeRandom(peers, Filter.Voter, "", prng, targets);
        CollectShuffledProviders(peers, prng);
        foreach (var provider in _providers)
        {
            if (targets.Count >= wanted) break;
            TakeRandom(peers, Filter.Provider, provider, prng, targets);
        }
        while (targets.Count < wanted && TakeRandom(peers, Filter.NonVoter, "", prng, targets)) { }
        while (targets.Count < wanted && TakeRandom(peers, Filter.Any, "", prng, targets)) { }
    }

    /// <summary>One peer uniformly at random, or null when there are none.</summary>
    public static NodeId? PickOne(ImmutableArray<GossipPeer> peers, Prng prng) =>
        peers.Length == 0 ? null : peers[(int)prng.NextBelow((ulong)peers.Length)].Node;

    private void Reset(int count)
    {
        _chosen.Clear();
        for (var i = 0; i < count; i++) _chosen.Add(false);
    }

    /// <summary>Distinct providers sorted ordinally first, so the shuffle alone decides their order.</summary>
    private void CollectShuffledProviders(ImmutableArray<GossipPeer> peers, Prng prng)
    {
        if (peers != _providersOf)
        {
            _providersOf = peers;
            _sortedProviders.Clear();
            for (var i = 0; i < peers.Length; i++)
                if (!_sortedProviders.Contains(peers[i].Provider)) _sortedProviders.Add(peers[i].Provider);
            _sortedProviders.Sort(StringComparer.Ordinal);
        }
        _providers.Clear();
        _providers.AddRange(_sortedProviders);
        for (var i = _providers.Count - 1; i > 0; i--)
        {
            var j = (int)prng.NextBelow((ulong)(i + 1));
            (_providers[i], _providers[j]) = (_providers[j], _providers[i]);
        }
    }

    /// <summary>Chooses one not-yet-chosen peer matching the filter uniformly at random; false when none match.</summary>
    private bool TakeRandom(ImmutableArray<GossipPeer> peers, Filter filter, string provider, Prng prng, List<NodeId> targets)
    {
        var matching = 0;
        for (var i = 0; i < peers.Length; i++)
            if (Matches(i, peers[i], filter, provider)) matching++;
        if (matching == 0) return false;
        var pick = (int)prng.NextBelow((ulong)matching);
        var index = -1;
        for (var i = 0; i < peers.Length && index < 0; i++)
            if (Matches(i, peers[i], filter, provider) && pick-- == 0) index = i;
        Invariant.True(index >= 0);
        _chosen[index] = true;
        targets.Add(peers[index].Node);
        return true;
    }

    private bool Matches(int index, in GossipPeer peer, Filter filter, string provider) => !_chosen[index] && filter switch
    {
        Filter.Voter => peer.IsVoter,
        Filter.Provider => peer.Provider == provider,
        Filter.NonVoter => !peer.IsVoter,
        _ => true,
    };
}
