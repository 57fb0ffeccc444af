using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The original's gossip target rule: one random voter; then one random peer per provider, the
/// providers in shuffled order; then random non-voters; then the remaining voters; until the fanout
/// is reached or the peers run out. Spreading over voters and providers means one provider's outage
/// or one voter's partition does not stop a round. Deterministic for a given peer list order and
/// generator state. The peers are grouped (voters, non-voters, each provider's, providers sorted
/// ordinally) once per peer list, and the buffers are reused, so a round allocates nothing.
/// </summary>
internal sealed class GossipTargetPicker
{
    private readonly List<int> _voters = new();
    private readonly List<int> _nonVoters = new();
    private readonly List<List<int>> _byProvider = new();
    private readonly List<string> _providerNames = new();
    private readonly List<int> _providerOrder = new();
    private readonly List<bool> _chosen = new();
    private ImmutableArray<GossipPeer> _groupedPeers;

    /// <summary>Fills <paramref name="targets"/> with min(fanout, peers) distinct peers, in the order chosen.</summary>
    public void Pick(ImmutableArray<GossipPeer> peers, int fanout, Prng prng, List<NodeId> targets)
    {
        targets.Clear();
        var wanted = Math.Min(fanout, peers.Length);
        if (wanted == 0) return;
        Group(peers);
        for (var i = 0; i < _chosen.Count; i++) _chosen[i] = false;
        TakeRandom(peers, _voters, prng, targets);
        ShuffleProviders(prng);
        for (var i = 0; i < _providerOrder.Count && targets.Count < wanted; i++)
            TakeRandom(peers, _byProvider[_providerOrder[i]], prng, targets);
        while (targets.Count < wanted && TakeRandom(peers, _nonVoters, prng, targets)) { }
        while (targets.Count < wanted && TakeRandom(peers, _voters, prng, targets)) { }
    }

    /// <summary>One peer uniformly at random, or null when there are none.</summary>
    public static NodeId? PickOne(ImmutableArray<GossipPeer> peers, Prng prng) =>
        peers.Length == 0 ? null : peers[(int)prng.NextBelow((ulong)peers.Length)].Node;

    /// <summary>Indexes the peers by role and provider; a no-op while the caller passes the same list.</summary>
    private void Group(ImmutableArray<GossipPeer> peers)
    {
        if (peers == _groupedPeers) return;
        _groupedPeers = peers;
        _voters.Clear();
        _nonVoters.Clear();
        _providerNames.Clear();
        _chosen.Clear();
        for (var i = 0; i < peers.Length; i++)
        {
            (peers[i].IsVoter ? _voters : _nonVoters).Add(i);
            if (!_providerNames.Contains(peers[i].Provider)) _providerNames.Add(peers[i].Provider);
            _chosen.Add(false);
        }
        _providerNames.Sort(StringComparer.Ordinal);
        while (_byProvider.Count < _providerNames.Count) _byProvider.Add(new List<int>());
        for (var p = 0; p < _providerNames.Count; p++)
        {
            _byProvider[p].Clear();
            for (var i = 0; i < peers.Length; i++)
                if (peers[i].Provider == _providerNames[p]) _byProvider[p].Add(i);
        }
    }

    /// <summary>Fisher-Yates over the providers in ordinal order, so the draw alone decides the order.</summary>
    private void ShuffleProviders(Prng prng)
    {
        _providerOrder.Clear();
        for (var p = 0; p < _providerNames.Count; p++) _providerOrder.Add(p);
        for (var i = _providerOrder.Count - 1; i > 0; i--)
        {
            var j = (int)prng.NextBelow((ulong)(i + 1));
            (_providerOrder[i], _providerOrder[j]) = (_providerOrder[j], _providerOrder[i]);
        }
    }

    /// <summary>Chooses one not-yet-chosen peer of <paramref name="group"/> uniformly at random; false when none is left.</summary>
    private bool TakeRandom(ImmutableArray<GossipPeer> peers, List<int> group, Prng prng, List<NodeId> targets)
    {
        var left = 0;
        foreach (var index in group)
            if (!_chosen[index]) left++;
        if (left == 0) return false;
        var pick = (int)prng.NextBelow((ulong)left);
        foreach (var index in group)
        {
            if (_chosen[index] || pick-- > 0) continue;
            _chosen[index] = true;
            targets.Add(peers[index].Node);
            return true;
        }
        throw new InvariantViolationException("a counted peer was not found");
    }
}
