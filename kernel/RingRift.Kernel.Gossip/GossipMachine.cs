using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// Gossip of versioned node state. Each round (every interval, jittered ×[1.0, 1.5) from the seeded
/// generator) this node republishes its own entry if it changed or is due for a refresh, then sends
/// one page of its digest to the round's targets, chosen from the peers the caller says are alive
/// by the voter/provider rule of <see cref="GossipTargetPicker"/>. A receiver answers with what the
/// initiator lacks and, when the initiator has news, its own page so the initiator pushes it back.
/// Every anti-entropy interval the whole digest goes to one uniformly random peer. Entries expire
/// after the TTL (see <see cref="GossipTable"/>). Own entries are published only once this
/// incarnation is durable, which is what makes equal stamps mean equal entries.
/// </summary>
public sealed partial class GossipMachine
{
    private readonly GossipConfig _config;
    private readonly NodeId _self;
    private readonly long _incarnation;
    private readonly Outbox _outbox;
    private readonly Prng _prng;
    private readonly GossipTargetPicker _picker = new();
    private readonly List<NodeId> _targets = new();
    private readonly List<DigestItem> _expired = new();
    private NodeLoad _load = NodeLoad.Idle;
    private ulong _manifestDigest;
    private NodeId? _leader;
    private long _leaderEpoch;
    private NodeSummary? _summary;
    private long _ownVersion;
    private Instant _ownPublishedAt;
    private bool _incarnationDurable;
    private NodeId? _cursor;
    private GossipDigest? _lastDigest;
    private Instant _nextRound;
    private Instant _nextAntiEntropy;

    /// <param name="prng">This machine's own stream: target choice and jitter draw only from it.</param>
    public GossipMachine(GossipConfig config, NodeId self, long incarnation, Outbox outbox, Instant now, Prng prng)
    {
        Invariant.True(config.Validate().Count == 0);
        _config = config;
        _self = self;
        _incarnation = incarnation;
        _outbox = outbox;
        _prng = prng;
        Table = new GossipTable(config.EntriesMax, config.EntryTtl, self);
        _nextRound = now + Jittered(config.Interval);
        _nextAntiEntropy = now + Jittered(config.AntiEntropyInterval);
    }

    /// <summary>The merged view; read-only for everyone but this machine.</summary>
    public GossipTable Table { get; }

    /// <summary>Entries refused because the table was full of other nodes.</summary>
    public long RefusedCount { get; private set; }

    /// <summary>The next round, anti-entropy exchange or expiry, whichever is first.</summary>
    public Instant NextDeadline => Instant.Min(Instant.Min(_nextRound, _nextAntiEntropy), Table.NextExpiryAt);

    /// <summary>Sets the load this node publishes; takes effect at the next round if it differs.</summary>
    public void SetOwnLoad(NodeLoad load)
    {
        if (load.Equals(_load)) return;
        _load = load;
        _summary = null;
    }

    /// <summary>Sets the digest of this node's data manifest; takes effect at the next round if it differs.</summary>
    public void SetOwnManifest(ulong manifestDigest)
    {
        if (manifestDigest == _manifestDigest) return;
        _manifestDigest = manifestDigest;
        _summary = null;
    }

    /// <summary>Sets the leader this node follows and its epoch (null and 0 for none); takes effect at the next round.</summary>
    public void SetOwnLeader(NodeId? leader, long epoch)
    {
        if (leader == _leader && epoch == _leaderEpoch) return;
        (_leader, _leaderEpoch) = (leader, epoch);
        _summary = null;
    }

    /// <summary>
    /// Expires entries, and runs the round and the anti-entropy exchange when due.
    /// <paramref name="alivePeers"/> are the peers to choose targets from, in a deterministic order
    /// (node-id order from membership). Until this incarnation is durable, rounds keep their
    /// schedule but send nothing, and digests are not answered, as heartbeats wait: the node cannot
    /// publish its own entry yet, and a disk that keeps failing must not make it chatty.
    /// </summary>
    public void Tick(Instant now, ImmutableArray<GossipPeer> alivePeers)
    {
        if (now >= Table.NextExpiryAt) ExpireEntries(now);
        if (now >= _nextRound)
        {
            _nextRound = now + Jittered(_config.Interval);
            if (IncarnationDurable())
            {
                PublishOwn(now);
                SendRound(alivePeers);
            }
        }
        if (now >= _nextAntiEntropy)
        {
            _nextAntiEntropy = now + Jittered(_config.AntiEntropyInterval);
            if (IncarnationDurable()) SendAntiEntropy(alivePeers);
        }
    }

    /// <summary>Latched: once the boot persist is durable, it stays so for this incarnation.</summary>
    private bool IncarnationDurable() => _incarnationDurable || (_incarnationDurable = _outbox.AllDurable);

    private void PublishOwn(Instant now)
    {
        var changed = _summary is null;
        if (!changed && now < _ownPublishedAt + _config.RefreshInterval) return;
        _summary ??= new NodeSummary(_load, _manifestDigest, _leader, _leaderEpoch);
        _ownVersion++;
        _ownPublishedAt = now;
        Table.Publish(new NodeStateEntry(_self, _incarnation, _ownVersion, _summary), now);
        _outbox.Notify(new GossipEntryUpdated(_self, _incarnation, _ownVersion));
    }

    private void ExpireEntries(Instant now)
    {
        _expired.Clear();
        Table.Expire(now, _expired);
        foreach (var item in _expired) _outbox.Notify(new GossipEntryExpired(item.Node, item.Incarnation, item.Version));
    }

    /// <summary>The interval stretched by a factor drawn uniformly from [1.0, 1.5).</summary>
    private Duration Jittered(Duration interval) =>
        interval + _prng.NextDuration(Duration.Zero, interval / 2 - Duration.FromMicros(1));
}
