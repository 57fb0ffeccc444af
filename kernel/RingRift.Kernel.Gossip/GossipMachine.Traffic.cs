using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

public sealed partial class GossipMachine
{
    /// <summary>
    /// Answers a digest on the connection it came on (so a NAT-blocked initiator hears it): the
    /// entries it lacks, and this node's page for the same range when it is the one behind. Says
    /// nothing when both sides agree, which is the steady state, or before this incarnation is durable.
    /// </summary>
    public void OnDigest(NodeId from, GossipDigest digest)
    {
        if (from == _self || !IncarnationDurable()) return;
        var page = digest.Page;
        var delta = Table.DeltaFor(page, _config.EntriesPerMessageMax, _config.EntriesBytesMax, out var pageIsAhead);
        var mine = pageIsAhead ? Table.Page(page.After, page.Through, _config.DigestBytesMax) : null;
        if (delta.IsEmpty && mine is null) return;
        _outbox.Send(new Outbound(from, new GossipDelta(delta, mine), IsResponse: true));
    }

    /// <summary>Merges the entries; if the sender included its page, pushes back what it lacks.</summary>
    public void OnDelta(Instant now, NodeId from, GossipDelta delta)
    {
        if (from == _self) return;
        foreach (var entry in delta.Entries) Apply(now, entry);
        if (delta.Digest is not { } page || !IncarnationDurable()) return;
        var push = Table.DeltaFor(page, _config.EntriesPerMessageMax, _config.EntriesBytesMax);
        if (!push.IsEmpty) _outbox.Send(new Outbound(from, new GossipDelta(push, null)));
    }

    private void Apply(Instant now, NodeStateEntry entry)
    {
        switch (Table.Merge(entry, now))
        {
            case MergeResult.Inserted:
            case MergeResult.Replaced:
                _outbox.Notify(new GossipEntryUpdated(entry.Node, entry.Incarnation, entry.Version));
                break;
            case MergeResult.Refused:
                RefusedCount++;
                break;
        }
    }

    /// <summary>
    /// One page per round, starting where the last round's page ended, so a table too large for one
    /// message is covered over consecutive rounds; a table that fits is sent whole every round.
    /// </summary>
    private void SendRound(ImmutableArray<GossipPeer> alivePeers)
    {
        _picker.Pick(alivePeers, _config.Fanout, _prng, _targets);
        if (_targets.Count == 0) return;
        var page = Table.Page(_cursor, null, _config.DigestBytesMax);
        _cursor = page.Through;
        var digest = DigestMessage(page);
        foreach (var target in _targets) _outbox.Send(new Outbound(target, digest));
    }

    /// <summary>Every page of the digest to one peer chosen uniformly, whatever its voter flag or provider.</summary>
    private void SendAntiEntropy(ImmutableArray<GossipPeer> alivePeers)
    {
        if (GossipTargetPicker.PickOne(alivePeers, _prng) is not { } target) return;
        NodeId? after = null;
        do
        {
            var page = Table.Page(after, null, _config.DigestBytesMax);
            _outbox.Send(new Outbound(target, DigestMessage(page)));
            after = page.Through;
        }
        while (after is not null);
    }

    /// <summary>The cached whole-table page comes back as the same object, and so does its message.</summary>
    private GossipDigest DigestMessage(DigestPage page)
    {
        if (_lastDigest is { } last && ReferenceEquals(last.Page, page)) return last;
        _lastDigest = new GossipDigest(page);
        return _lastDigest;
    }
}
